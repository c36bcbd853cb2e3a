import type { ParsedGoogleCredentialInput } from '../../../contract/google-workspace';
import {
  GOOGLE_WORKSPACE,
  googleScopesFor,
  JWT_BEARER_GRANT,
  SERVICE_ACCOUNT_KEY_REQUIRED_MESSAGE,
} from '../../../contract/google-workspace-kinds';
import { CredentialValidationError } from '../../../credentials/errors';
import type { GooglePlan } from '../../../credentials/google-save-port';
import { checkProviderKept } from '../../../credentials/provider-kept';
import type { StoredCredential } from '../../../credentials/stored-credential';
import { GMAIL_BASE_URL } from '../gmail/gmail-request';
import type { ServiceAccountKey } from '../service-account-key';
import { GOOGLE_TOKEN_ENDPOINT } from '../token-endpoint-policy';

/*
 * A Google Workspace credential: a service account with domain-wide delegation
 * (https://developers.google.com/identity/protocols/oauth2/service-account#delegatingauthority). Its record keeps the
 * key file's public facts; the private key goes to secret storage only. The record's clientId is the key's numeric
 * client_id, the one the Admin console's Domain-wide delegation page names; its tokenEndpoint and graphBaseUrl are
 * Google's fixed addresses (the app takes the ones it calls from googleEndpoints(env), never from the record).
 */

/**
 * What a save of `input` stores: with a new key its public facts (`keyUpdatedAt` = `at`) and its private key;
 * without one, the stored key, client ID and service account unchanged.
 */
export const planGoogleCredential = (
  input: ParsedGoogleCredentialInput,
  current: StoredCredential | undefined,
  key: ServiceAccountKey | undefined,
  at: string,
): GooglePlan => {
  checkProviderKept(current, 'google');
  const kept = current?.serviceAccount;
  if (key === undefined && (current === undefined || kept === undefined || !current.hasPrivateKey)) {
    throw new CredentialValidationError({ serviceAccountKey: SERVICE_ACCOUNT_KEY_REQUIRED_MESSAGE });
  }
  const clientId = key?.publicPart.clientId ?? current?.clientId ?? '';
  const serviceAccount =
    key === undefined
      ? kept
      : {
          clientEmail: key.publicPart.clientEmail,
          privateKeyId: key.publicPart.privateKeyId,
          ...(key.publicPart.projectId === undefined ? {} : { projectId: key.publicPart.projectId }),
          keyUpdatedAt: at,
        };
  return {
    settings: {
      name: input.name,
      provider: GOOGLE_WORKSPACE,
      grantType: JWT_BEARER_GRANT,
      // Unused by Google: the record's schema wants a method, and a service account signs with its key.
      clientAuthMethod: 'client_secret',
      clientId,
      tokenEndpoint: GOOGLE_TOKEN_ENDPOINT,
      scope: googleScopesFor(input.incomingMail).join(' '),
      senderMailbox: input.senderMailbox,
      graphBaseUrl: GMAIL_BASE_URL,
    },
    fields: {
      hasSecret: false,
      hasNextSecret: false,
      hasPrivateKey: true,
      ...(serviceAccount === undefined ? {} : { serviceAccount }),
    },
    writes: key === undefined ? [] : [['private-key', key.privateKeyPem]],
  };
};

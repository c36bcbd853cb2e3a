import type { CredentialService } from '../../../credentials/credential-service';
import { CredentialValidationError } from '../../../credentials/errors';
import { googleScopesOf } from '../../../credentials/google-scopes';
import type { StoredCredential } from '../../../credentials/stored-credential';
import type { PolicyEnv } from '../../../http/endpoint-policy';
import type { TokenCache } from '../../../oauth/token-cache';
import type { TokenMemo } from '../../../oauth/token-memo';
import type { TokenProvider } from '../../../oauth/token-provider';
import type { Clock, FetchLike } from '../../../shared/seams';
import { googleEndpoints } from '../google-endpoints';
import { requestGoogleAccessToken } from '../google-token-client';
import { createGoogleTokenProvider } from '../google-token-provider';

export interface GoogleCredentialTokenDeps {
  credentials: Pick<CredentialService, 'readPrivateKey'>;
  tokenCache: TokenCache;
  fetch: FetchLike;
  now: Clock;
  memo?: TokenMemo;
  env?: PolicyEnv;
  timeoutMs?: number;
}

export { isGoogleCredential } from '../../../credentials/google-scopes';

/** A Google credential's service account as the record keeps it; a record without one cannot ask for a token. */
export const serviceAccountOf = (credential: StoredCredential): NonNullable<StoredCredential['serviceAccount']> => {
  if (credential.serviceAccount === undefined) {
    throw new CredentialValidationError({
      serviceAccountKey: `Credential "${credential.id}" has no service account: upload its JSON key file again.`,
    });
  }
  return credential.serviceAccount;
};

/**
 * Access tokens of a Google Workspace credential: the service account acting as the sender mailbox (`sub`) with the
 * credential's Gmail scopes, by the JWT bearer grant signed with the key in secret storage
 * (https://developers.google.com/identity/protocols/oauth2/service-account, "Delegating domain-wide authority").
 * Cached as Microsoft's tokens are; the key is read only when no cached token will do.
 */
export const googleCredentialTokenProvider = (
  credential: StoredCredential,
  deps: GoogleCredentialTokenDeps,
): TokenProvider => {
  const account = serviceAccountOf(credential);
  const { tokenEndpoint } = googleEndpoints(deps.env);
  const scopes = googleScopesOf(credential);
  return createGoogleTokenProvider(
    {
      id: credential.id,
      clientEmail: account.clientEmail,
      privateKeyId: account.privateKeyId,
      keyUpdatedAt: account.keyUpdatedAt,
      subject: credential.senderMailbox,
      scopes,
      tokenEndpoint,
    },
    {
      now: deps.now,
      cache: deps.tokenCache,
      ...(deps.memo === undefined ? {} : { memo: deps.memo }),
      requestToken: async () =>
        requestGoogleAccessToken(
          {
            clientEmail: account.clientEmail,
            privateKeyId: account.privateKeyId,
            privateKeyPem: await deps.credentials.readPrivateKey(credential.id),
            subject: credential.senderMailbox,
            scopes,
            tokenEndpoint,
          },
          {
            fetch: deps.fetch,
            now: deps.now,
            ...(deps.env === undefined ? {} : { env: deps.env }),
            ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
          },
        ),
    },
  );
};

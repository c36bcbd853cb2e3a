import type { ParsedConnectionValues } from '../contract/connection-test';
import type { ParsedCredentialInput } from '../contract/credentials';
import type { PolicyEnv } from '../http/endpoint-policy';
import { credentialFieldErrors } from './credential-rules';
import type { CredentialService } from './credential-service';
import { planAuth, writeOnlyOf } from './credential-service';
import type { CredentialTokenDeps } from './credential-token';
import { CredentialValidationError } from './errors';
import type { StoredCredential } from './stored-credential';

/** The edit form's values as a credential that exists only for one connection test. */
export interface FormDraft {
  credential: StoredCredential;
  /** Where the token request reads its secret or key: the pasted one, else the stored one. */
  secrets: CredentialTokenDeps['credentials'];
}

/**
 * The credential as it would be if the form were saved, built with Save's own rules (so a test and a save agree on
 * what the values mean), but written nowhere. A pasted secret or key lives only in this object for the test's
 * duration. No next secret: a form test must never promote one, which would write storage.
 */
export const draftFromForm = (
  current: StoredCredential,
  values: ParsedConnectionValues,
  stored: Pick<CredentialService, 'readSecret' | 'readPrivateKey'>,
  deps: { now: number; env?: PolicyEnv },
): FormDraft => {
  const input: ParsedCredentialInput = {
    ...values,
    id: current.id,
    name: current.name,
    secretExpiresOn: values.secretExpiresOn,
  };
  const fieldErrors = credentialFieldErrors(input, deps.env);
  if (Object.keys(fieldErrors).length > 0) throw new CredentialValidationError(fieldErrors);
  const material = writeOnlyOf(input, deps.now);
  const plan = planAuth(input, current, material, new Date(deps.now).toISOString());
  const { lastTest: _lastTest, lastRotation: _lastRotation, secretExpiresOn: _typed, ...kept } = current;
  const credential: StoredCredential = {
    ...kept,
    provider: values.provider,
    grantType: values.grantType,
    clientAuthMethod: values.clientAuthMethod,
    clientId: values.clientId,
    tokenEndpoint: values.tokenEndpoint,
    scope: values.scope,
    senderMailbox: values.senderMailbox,
    graphBaseUrl: values.graphBaseUrl,
    ...plan.fields,
    hasNextSecret: false,
  };
  const secret = material.secret;
  const privateKeyPem = material.certificate?.privateKeyPem;
  return {
    credential,
    secrets: {
      readSecret: async (id) => secret ?? stored.readSecret(id),
      readPrivateKey: async (id) => privateKeyPem ?? stored.readPrivateKey(id),
      readNextSecret: () => Promise.resolve(undefined),
      promoteNextSecret: () =>
        Promise.reject(new Error('A connection test of unsaved values never promotes a secret.')),
    },
  };
};

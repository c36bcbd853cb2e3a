import type { ClientProof } from '../oauth/token-client';
import type { Clock } from '../shared/seams';
import type { CredentialService } from './credential-service';
import { PrivateKeyMissingError } from './errors';
import type { StoredCredential } from './stored-credential';

export interface ClientProofDeps {
  credentials: Pick<CredentialService, 'readSecret' | 'readPrivateKey'>;
  now: Clock;
}

/**
 * A client assertion signed with a certificate credential's private key, for its token endpoint. Both grants
 * authenticate the app the same way at the token endpoint ("client_secret" or "client_assertion":
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow, "Redeem a code for an access
 * token"; https://learn.microsoft.com/en-us/entra/identity-platform/certificate-credentials).
 */
export const certificateProof = async (
  credential: StoredCredential,
  deps: ClientProofDeps,
): Promise<{ clientAssertion: string }> => {
  // A record without its certificate cannot name the key to Entra: the same repair as a lost key.
  if (credential.certificate === undefined) throw new PrivateKeyMissingError(credential.id);
  const privateKeyPem = await deps.credentials.readPrivateKey(credential.id);
  // jose signs only for certificate credentials: loaded on first use (a chunk of its own in the Forge bundle),
  // so a function whose credentials use secrets never loads it.
  const { signClientAssertion } = await import(/* webpackChunkName: "client-assertion" */ '../oauth/client-assertion');
  const clientAssertion = await signClientAssertion(
    {
      clientId: credential.clientId,
      tokenEndpoint: credential.tokenEndpoint,
      privateKeyPem,
      thumbprintSha256: credential.certificate.thumbprintSha256,
    },
    { now: deps.now },
  );
  return { clientAssertion };
};

/** How the credential proves the app at its token endpoint now: its current client secret, or a signed assertion. */
export const clientProofOf = async (credential: StoredCredential, deps: ClientProofDeps): Promise<ClientProof> =>
  credential.clientAuthMethod === 'certificate'
    ? certificateProof(credential, deps)
    : { clientSecret: await deps.credentials.readSecret(credential.id) };

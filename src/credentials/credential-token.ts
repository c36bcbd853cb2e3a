import type { PolicyEnv } from '../http/endpoint-policy';
import { TokenError } from '../oauth/errors';
import { type AccessToken, type ClientProof, requestClientCredentialsToken } from '../oauth/token-client';
import { safeErrorLabel } from '../shared/error-names';
import type { Clock, FetchLike } from '../shared/seams';
import { clientProofOf } from './client-proof';
import type { CredentialService, RotationReason } from './credential-service';
import type { StoredCredential } from './stored-credential';

export interface CredentialTokenDeps {
  credentials: Pick<CredentialService, 'readSecret' | 'readNextSecret' | 'readPrivateKey' | 'promoteNextSecret'>;
  fetch: FetchLike;
  now: Clock;
  env?: PolicyEnv;
  timeoutMs?: number;
  /** Told after the next secret replaced a refused current one, e.g. to show it on the admin page. */
  onPromoted?: (credential: StoredCredential) => Promise<void>;
}

/**
 * A token request's own dependencies out of a larger set (a sender's, Test connection's): the optional ones only
 * where given, so a caller's undefined never overrides a default.
 */
export const credentialTokenDeps = (deps: CredentialTokenDeps): CredentialTokenDeps => ({
  credentials: deps.credentials,
  fetch: deps.fetch,
  now: deps.now,
  ...(deps.env === undefined ? {} : { env: deps.env }),
  ...(deps.onPromoted === undefined ? {} : { onPromoted: deps.onPromoted }),
});

export interface CredentialToken {
  token: AccessToken;
  /** The credential as stored now: after a promotion, with the next secret as its current one. */
  credential: StoredCredential;
  promoted: boolean;
}

/** Microsoft's refusals of the secret itself, the two a second secret can fix. */
const ROTATION_REASONS: Readonly<Record<number, RotationReason>> = { 7000215: 'invalid', 7000222: 'expired' };

export const rotationReasonOf = (error: unknown): RotationReason | undefined =>
  error instanceof TokenError && error.aadstsCode !== undefined ? ROTATION_REASONS[error.aadstsCode] : undefined;

/**
 * A new access token for a stored credential: with its client secret, or with a client assertion signed by its
 * certificate's key. When Microsoft refuses the current secret as invalid or expired and a next secret is stored,
 * the next one is tried and, if Microsoft takes it, promoted to current: mail keeps going out while the admin
 * replaces the old secret. When both fail, the current secret's error is the one reported.
 */
export const requestCredentialToken = async (
  credential: StoredCredential,
  deps: CredentialTokenDeps,
): Promise<CredentialToken> => {
  const request = (proof: ClientProof): Promise<AccessToken> =>
    requestClientCredentialsToken(
      { tokenEndpoint: credential.tokenEndpoint, clientId: credential.clientId, scope: credential.scope, ...proof },
      {
        fetch: deps.fetch,
        now: deps.now,
        ...(deps.timeoutMs === undefined ? {} : { timeoutMs: deps.timeoutMs }),
        ...(deps.env === undefined ? {} : { env: deps.env }),
      },
    );

  const proof = await clientProofOf(credential, deps);
  try {
    return { token: await request(proof), credential, promoted: false };
  } catch (error) {
    const reason = rotationReasonOf(error);
    // A certificate has no next one: the rotation below is for secrets.
    if ('clientAssertion' in proof || reason === undefined || !credential.hasNextSecret) throw error;
    const nextSecret = await deps.credentials.readNextSecret(credential.id);
    if (nextSecret === undefined) throw error;
    let token: AccessToken;
    try {
      token = await request({ clientSecret: nextSecret });
    } catch (nextError) {
      console.warn(`[issue-mailer] the next secret was refused too: ${safeErrorLabel(nextError)}`);
      throw error;
    }
    const promoted = await deps.credentials.promoteNextSecret(credential.id, nextSecret, reason);
    console.info(`[issue-mailer] promoted the next secret of credential ${credential.id} (current one ${reason})`);
    try {
      await deps.onPromoted?.(promoted);
    } catch (hookError) {
      // The promotion stands; only the news of it is lost.
      console.warn(`[issue-mailer] recording the promotion failed: ${safeErrorLabel(hookError)}`);
    }
    return { token, credential: promoted, promoted: true };
  }
};

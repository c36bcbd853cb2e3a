import { createHash } from 'node:crypto';

/** What a cached token was issued for. The secret itself is represented only by when it was last set. */
export interface TokenIdentity {
  clientId: string;
  tokenEndpoint: string;
  scope: string;
  secretUpdatedAt?: string | undefined;
}

/**
 * SHA-256 over the settings that decide which token the endpoint issues, so that editing the client, endpoint,
 * scope or secret makes a cached token unusable without anyone having to remember to clear it.
 */
export const tokenFingerprint = (identity: TokenIdentity): string =>
  createHash('sha256')
    .update(JSON.stringify([identity.clientId, identity.tokenEndpoint, identity.scope, identity.secretUpdatedAt ?? '']))
    .digest('hex');

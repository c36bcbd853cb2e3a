import { sha256Hex } from '../shared/sha256-hex';

/** What a cached token was issued for. Secrets and keys are represented only by when they were last set. */
export interface TokenIdentity {
  clientId: string;
  tokenEndpoint: string;
  scope: string;
  secretUpdatedAt?: string | undefined;
  clientAuthMethod?: 'client_secret' | 'certificate' | undefined;
  certificateUpdatedAt?: string | undefined;
  /** A delegated credential's last sign-in: a new one may connect another mailbox, whose tokens differ. */
  authorizedAt?: string | undefined;
}

/**
 * SHA-256 over the settings that decide which token the endpoint issues, so that editing the client, endpoint,
 * scope, secret, certificate or signed-in mailbox makes a cached token unusable without anyone having to remember to clear it.
 * A client secret credential hashes as it did before certificates existed, so cached tokens survive the upgrade.
 */
export const tokenFingerprint = (identity: TokenIdentity): string => {
  const parts = [identity.clientId, identity.tokenEndpoint, identity.scope, identity.secretUpdatedAt ?? ''];
  if (identity.clientAuthMethod === 'certificate') parts.push('certificate', identity.certificateUpdatedAt ?? '');
  if (identity.authorizedAt !== undefined) parts.push('authorized', identity.authorizedAt);
  return sha256Hex(JSON.stringify(parts));
};

import type { CredentialAuthorization, CredentialView } from '../contract/credentials';
import type { RefreshTokenUse } from '../oauth/refresh-token-store';
import type { StoredCredential, StoredCredentialV1 } from './stored-credential-schema';
import { validateStoredCredential, validateStoredCredentialV1 } from './validate-stored-credential';

export type { StoredCredential } from './stored-credential-schema';

/** A version 1 record as this release keeps it: a client secret credential with no next secret or certificate. */
export const migrateV1 = (record: StoredCredentialV1): StoredCredential => ({
  ...record,
  version: 2,
  clientAuthMethod: 'client_secret',
  hasNextSecret: false,
  hasPrivateKey: false,
});

export type ReadResult = { ok: true; credential: StoredCredential } | { ok: false; problem: string };

/**
 * Reads a stored record of any version this release knows, migrated to the current one. `problem` names the first
 * offending field (the messages name types, never values).
 */
export const readStoredCredential = (value: unknown): ReadResult => {
  const version = typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
  if (version === 1) {
    const parsed = validateStoredCredentialV1(value);
    return parsed.ok ? { ok: true, credential: migrateV1(parsed.value) } : parsed;
  }
  const parsed = validateStoredCredential(value);
  return parsed.ok ? { ok: true, credential: parsed.value } : parsed;
};

/** What the current things in use are, for the admin page: delete is refused while the list is not empty. */
export const DEFAULT_CREDENTIAL_USE = 'Email this issue (default credential)';

/**
 * Who signed in, as the admin page shows it: never the user's object id, which only the app needs. `use` is the
 * refresh token's use record (src/oauth/refresh-token-store.ts): its last use starts Microsoft's 90 days.
 */
const authorizationView = (
  authorization: NonNullable<StoredCredential['authorization']>,
  use: RefreshTokenUse | undefined,
): CredentialAuthorization => ({
  mailbox: authorization.mailbox,
  ...(authorization.displayName === undefined ? {} : { displayName: authorization.displayName }),
  authorizedAt: authorization.authorizedAt,
  ...(use === undefined ? {} : { lastUsedAt: new Date(use.lastUsedAt).toISOString() }),
});

export const toCredentialView = (
  credential: StoredCredential,
  isDefault: boolean,
  usedBy: string[] = [],
  use?: RefreshTokenUse,
): CredentialView => {
  const { version: _version, certificateUpdatedAt: _certificateUpdatedAt, authorization, ...view } = credential;
  return {
    ...view,
    ...(authorization === undefined ? {} : { authorization: authorizationView(authorization, use) }),
    isDefault,
    ...(usedBy.length === 0 ? {} : { usedBy }),
  };
};

import {
  CREDENTIAL_PREFIX,
  credentialKey,
  credentialNextSecretKey,
  credentialPrivateKeyKey,
  credentialSecretKey,
  tokenCacheKey,
} from '../storage/keys';
import type { KvStore } from '../storage/kv-store';
import { readStoredCredential, type StoredCredential } from './stored-credential';
import { validateStoredCredential } from './validate-stored-credential';

/** The write-only material of a credential, each in its own secret storage entry. */
export type SecretKind = 'secret' | 'next-secret' | 'private-key';

const SECRET_KEYS: Readonly<Record<SecretKind, (id: string) => string>> = {
  secret: credentialSecretKey,
  'next-secret': credentialNextSecretKey,
  'private-key': credentialPrivateKeyKey,
};

/** Credentials in Forge storage: records in plain storage, secrets and private keys in secret storage. */
export interface CredentialStore {
  /** Every readable credential, in one query. */
  list: () => Promise<StoredCredential[]>;
  get: (id: string) => Promise<StoredCredential | undefined>;
  put: (credential: StoredCredential) => Promise<void>;
  /** Removes the record, its secrets, its private key and its cached token. */
  remove: (id: string) => Promise<void>;
  readSecret: (id: string, kind?: SecretKind) => Promise<string | undefined>;
  writeSecret: (id: string, value: string, kind?: SecretKind) => Promise<void>;
  deleteSecret: (id: string, kind: SecretKind) => Promise<void>;
}

const parse = (value: unknown, key: string): StoredCredential | undefined => {
  const read = readStoredCredential(value);
  if (read.ok) return read.credential;
  // A record this release cannot read is left alone rather than breaking every other credential.
  console.warn(`[issue-mailer] ignoring unreadable record ${key}: ${read.problem}`);
  return undefined;
};

export const createCredentialStore = (store: KvStore): CredentialStore => ({
  list: async () => {
    const entries = await store.listByPrefix(CREDENTIAL_PREFIX);
    return entries.flatMap(({ key, value }) => parse(value, key) ?? []);
  },
  get: async (id) => {
    const key = credentialKey(id);
    const value = await store.get(key);
    return value === undefined ? undefined : parse(value, key);
  },
  put: async (credential) => {
    // Written as the schema reads it (unknown keys dropped); a record it would refuse is a bug, never stored.
    const checked = validateStoredCredential(credential);
    if (!checked.ok) throw new Error(`credential record not written: ${checked.problem}`);
    await store.set(credentialKey(credential.id), checked.value);
  },
  remove: async (id) => {
    await store.delete(credentialKey(id));
    for (const key of Object.values(SECRET_KEYS)) await store.deleteSecret(key(id));
    await store.deleteSecret(tokenCacheKey(id));
  },
  readSecret: async (id, kind = 'secret') => {
    const value = await store.getSecret(SECRET_KEYS[kind](id));
    return typeof value === 'string' && value !== '' ? value : undefined;
  },
  writeSecret: async (id, value, kind = 'secret') => {
    await store.setSecret(SECRET_KEYS[kind](id), value);
  },
  deleteSecret: async (id, kind) => {
    await store.deleteSecret(SECRET_KEYS[kind](id));
  },
});

import { describeFirstIssue } from '../shared/describe-issues';
import { IN_ENGLISH } from '../shared/issue-messages';
import type { KvStore } from '../storage/kv-store';
import { CREDENTIAL_PREFIX, credentialKey, credentialSecretKey, tokenCacheKey } from '../storage/keys';
import { storedCredentialSchema, type StoredCredential } from './stored-credential';

/** Credentials in Forge storage: records in plain storage, the client secret in secret storage. */
export interface CredentialStore {
  /** Every readable credential, in one query. */
  list(): Promise<StoredCredential[]>;
  get(id: string): Promise<StoredCredential | undefined>;
  put(credential: StoredCredential): Promise<void>;
  /** Removes the record, its secret and its cached token. */
  remove(id: string): Promise<void>;
  readSecret(id: string): Promise<string | undefined>;
  writeSecret(id: string, secret: string): Promise<void>;
}

const parse = (value: unknown, key: string): StoredCredential | undefined => {
  const parsed = storedCredentialSchema.safeParse(value, IN_ENGLISH);
  if (parsed.success) return parsed.data;
  // A record this release cannot read is left alone rather than breaking every other credential.
  console.warn(`[issue-mailer] ignoring unreadable record ${key}: ${describeFirstIssue(parsed.error)}`);
  return undefined;
};

export const createCredentialStore = (store: KvStore): CredentialStore => ({
  async list() {
    const entries = await store.listByPrefix(CREDENTIAL_PREFIX);
    return entries.flatMap(({ key, value }) => parse(value, key) ?? []);
  },
  async get(id) {
    const key = credentialKey(id);
    const value = await store.get(key);
    return value === undefined ? undefined : parse(value, key);
  },
  async put(credential) {
    await store.set(credentialKey(credential.id), storedCredentialSchema.parse(credential, IN_ENGLISH));
  },
  async remove(id) {
    await store.delete(credentialKey(id));
    await store.deleteSecret(credentialSecretKey(id));
    await store.deleteSecret(tokenCacheKey(id));
  },
  async readSecret(id) {
    const value = await store.getSecret(credentialSecretKey(id));
    return typeof value === 'string' && value !== '' ? value : undefined;
  },
  async writeSecret(id, secret) {
    await store.setSecret(credentialSecretKey(id), secret);
  },
});

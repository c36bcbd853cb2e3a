import { randomUUID } from 'node:crypto';
import type { ConnectionTestResult, CredentialView, ParsedCredentialInput } from '../contract/credentials';
import type { PolicyEnv } from '../http/endpoint-policy';
import type { Clock } from '../shared/seams';
import { credentialFieldErrors } from './credential-rules';
import type { CredentialStore } from './credential-store';
import {
  CredentialNotFoundError,
  CredentialValidationError,
  NoCredentialConfiguredError,
  SecretMissingError,
  SecretRequiredError,
} from './errors';
import { toCredentialView, type StoredCredential } from './stored-credential';

export interface CredentialServiceDeps {
  store: CredentialStore;
  now: Clock;
  newId?: () => string;
  env?: PolicyEnv;
}

export interface CredentialService {
  list(): Promise<CredentialView[]>;
  /** Creates (no `id`) or updates a credential. A new one needs a secret; an empty secret keeps the stored one. */
  save(input: ParsedCredentialInput): Promise<CredentialView>;
  remove(id: string): Promise<{ id: string }>;
  get(id: string): Promise<StoredCredential>;
  /** The credential mail goes out through, or undefined when none is stored. */
  findDefault(): Promise<StoredCredential | undefined>;
  /** Like findDefault, but NoCredentialConfiguredError when there is none. */
  getDefault(): Promise<StoredCredential>;
  readSecret(id: string): Promise<string>;
  recordTestResult(id: string, result: ConnectionTestResult): Promise<void>;
}

/** Settings whose change makes an earlier connection test say nothing about the credential any more. */
const CONNECTION_FIELDS = ['clientId', 'tokenEndpoint', 'scope', 'senderMailbox', 'graphBaseUrl'] as const;

const byAge = (a: StoredCredential, b: StoredCredential): number =>
  a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt);

/** The default is the oldest credential marked default; if none is marked (after a failed write), the oldest. */
const pickDefault = (sorted: readonly StoredCredential[]): StoredCredential | undefined =>
  sorted.find((credential) => credential.isDefault) ?? sorted[0];

export const createCredentialService = (deps: CredentialServiceDeps): CredentialService => {
  const { store } = deps;
  const newId = deps.newId ?? randomUUID;
  const timestamp = (): string => new Date(deps.now()).toISOString();

  const listSorted = async (): Promise<StoredCredential[]> => (await store.list()).sort(byAge);

  const get = async (id: string): Promise<StoredCredential> => {
    const credential = await store.get(id);
    if (credential === undefined) throw new CredentialNotFoundError(id);
    return credential;
  };

  const create = async (input: ParsedCredentialInput, secret: string | undefined): Promise<CredentialView> => {
    if (secret === undefined) throw new SecretRequiredError();
    const existing = await listSorted();
    const at = timestamp();
    const credential: StoredCredential = {
      version: 1,
      id: newId(),
      ...settingsOf(input),
      hasSecret: true,
      secretUpdatedAt: at,
      isDefault: existing.length === 0,
      createdAt: at,
      updatedAt: at,
    };
    // Secret first: a record must never claim a secret that is not there.
    await store.writeSecret(credential.id, secret);
    await store.put(credential);
    const defaultId = pickDefault([...existing, credential].sort(byAge))?.id;
    return toCredentialView(credential, credential.id === defaultId);
  };

  const update = async (id: string, input: ParsedCredentialInput, secret: string | undefined): Promise<CredentialView> => {
    const current = await get(id);
    const at = timestamp();
    const settings = settingsOf(input);
    const connectionChanged =
      secret !== undefined || CONNECTION_FIELDS.some((field) => settings[field] !== current[field]);
    const { lastTest, secretExpiresOn: _oldExpiry, ...rest } = current;
    const next: StoredCredential = {
      ...rest,
      ...settings,
      ...(secret === undefined ? {} : { hasSecret: true, secretUpdatedAt: at }),
      ...(connectionChanged || lastTest === undefined ? {} : { lastTest }),
      updatedAt: at,
    };
    if (secret !== undefined) await store.writeSecret(id, secret);
    await store.put(next);
    return toCredentialView(next, next.isDefault);
  };

  return {
    async list() {
      const sorted = await listSorted();
      const defaultId = pickDefault(sorted)?.id;
      return sorted.map((credential) => toCredentialView(credential, credential.id === defaultId));
    },

    async save(input) {
      const fieldErrors = credentialFieldErrors(input, deps.env);
      if (Object.keys(fieldErrors).length > 0) throw new CredentialValidationError(fieldErrors);
      // Entra secret values never start or end with blanks; a pasted newline would only fail later.
      const secret = input.clientSecret?.trim() || undefined;
      return input.id === undefined ? create(input, secret) : update(input.id, input, secret);
    },

    async remove(id) {
      const removed = await get(id);
      await store.remove(id);
      if (removed.isDefault) {
        // A query right after the delete may still list the removed record.
        const successor = (await listSorted()).find((credential) => credential.id !== id);
        if (successor !== undefined && !successor.isDefault) await store.put({ ...successor, isDefault: true });
      }
      return { id };
    },

    get,

    async findDefault() {
      return pickDefault(await listSorted());
    },

    async getDefault() {
      const credential = pickDefault(await listSorted());
      if (credential === undefined) throw new NoCredentialConfiguredError();
      return credential;
    },

    async readSecret(id) {
      const secret = await store.readSecret(id);
      if (secret === undefined) throw new SecretMissingError(id);
      return secret;
    },

    async recordTestResult(id, result) {
      const current = await get(id);
      await store.put({ ...current, lastTest: result });
    },
  };
};

const settingsOf = (input: ParsedCredentialInput) => ({
  name: input.name,
  provider: input.provider,
  grantType: input.grantType,
  clientId: input.clientId,
  tokenEndpoint: input.tokenEndpoint,
  scope: input.scope,
  senderMailbox: input.senderMailbox,
  graphBaseUrl: input.graphBaseUrl,
  ...(input.secretExpiresOn === undefined ? {} : { secretExpiresOn: input.secretExpiresOn }),
});

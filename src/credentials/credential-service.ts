import { CERTIFICATE_REQUIRED_MESSAGE, PRIVATE_KEY_REQUIRED_MESSAGE } from '../contract/credential-input-rules';
import type { ConnectionTestResult, CredentialView, ParsedCredentialInput } from '../contract/credentials';
import type { ParsedGoogleCredentialInput } from '../contract/google-workspace';
import type { PolicyEnv } from '../http/endpoint-policy';
import { DELEGATED_SCOPE } from '../oauth/authorization-request';
import type { RefreshTokenStore } from '../oauth/refresh-token-store';
import { type Clock, newUuid } from '../shared/seams';
import {
  CERTIFICATE_WITHOUT_KEY_MESSAGE,
  KEY_WITHOUT_CERTIFICATE_MESSAGE,
  type ReadCertificate,
  readCertificateCredential,
} from './certificate';
import { credentialFieldErrors } from './credential-rules';
import type { CredentialStore, SecretKind } from './credential-store';
import {
  CredentialInUseError,
  CredentialNotFoundError,
  CredentialReadByHandlersError,
  CredentialValidationError,
  NoCredentialConfiguredError,
  PrivateKeyMissingError,
  SecretMissingError,
  SecretRequiredError,
} from './errors';
import type { PlanGoogleSave } from './google-save-port';
import { checkProviderKept } from './provider-kept';
import { DEFAULT_CREDENTIAL_USE, type StoredCredential, toCredentialView } from './stored-credential';

export interface CredentialServiceDeps {
  store: CredentialStore;
  now: Clock;
  newId?: () => string;
  env?: PolicyEnv;
  /**
   * The names of the mail handlers that read their mailbox through a credential: one they use cannot be deleted.
   * Given only where credentials are deleted (the admin page), so other functions load no mail handler code.
   */
  handlersReading?: (credentialId: string) => Promise<string[]>;
  /**
   * Authorization code credentials' refresh tokens: their use record shows on the view, and a save that changes
   * who the app is (or a delete) removes them. Without it no credential shows when its sign-in was last used.
   */
  refreshTokens?: Pick<RefreshTokenStore, 'readUse' | 'remove'>;
  /**
   * A Google Workspace credential's key file read and its record planned, by the provider (google-save-port.ts).
   * Given only where credentials are saved (the admin page); without it saveGoogle refuses.
   */
  planGoogleSave?: PlanGoogleSave;
}

/** Who signed in to an authorization code credential (as the mail service named them), as the record keeps it. */
export type StoredAuthorization = NonNullable<StoredCredential['authorization']>;

export type RotationReason = 'expired' | 'invalid';

export interface CredentialService {
  list: () => Promise<CredentialView[]>;
  /**
   * Creates (no `id`) or updates a credential. A new one needs its secret, or its certificate and key; on an edit,
   * absent write-only fields keep what is stored.
   */
  save: (input: ParsedCredentialInput) => Promise<CredentialView>;
  /**
   * Creates (no `id`) or updates a Google Workspace credential (through planGoogleSave). A new one needs its JSON key
   * file; on an edit, no key keeps the stored key, client ID and service account.
   */
  saveGoogle: (input: ParsedGoogleCredentialInput) => Promise<CredentialView>;
  /** Refused with CredentialInUseError while the credential is the default and others exist. */
  remove: (id: string) => Promise<{ id: string }>;
  /** Makes this credential the one "Email this issue" sends through. */
  setDefault: (id: string) => Promise<CredentialView>;
  get: (id: string) => Promise<StoredCredential>;
  /** The credential mail goes out through, or undefined when none is stored. */
  findDefault: () => Promise<StoredCredential | undefined>;
  /** Like findDefault, but NoCredentialConfiguredError when there is none. */
  getDefault: () => Promise<StoredCredential>;
  readSecret: (id: string) => Promise<string>;
  /** The next secret, or undefined when none is stored. */
  readNextSecret: (id: string) => Promise<string | undefined>;
  readPrivateKey: (id: string) => Promise<string>;
  /**
   * The next secret becomes the current one (with its expiry date), after Microsoft refused the current one and
   * accepted `nextSecret`. Answers the credential as stored afterwards.
   */
  promoteNextSecret: (id: string, nextSecret: string, reason: RotationReason) => Promise<StoredCredential>;
  recordTestResult: (id: string, result: ConnectionTestResult) => Promise<void>;
  /**
   * After a sign-in (the `oauth-callback` web trigger): the mailbox that signed in becomes the credential's
   * authorization and its sender mailbox. The refresh token is stored by the caller, before this.
   */
  recordAuthorization: (id: string, authorization: StoredAuthorization) => Promise<StoredCredential>;
}

/** Settings whose change makes an earlier connection test say nothing about the credential any more. */
const CONNECTION_FIELDS = [
  'provider',
  'clientAuthMethod',
  'clientId',
  'tokenEndpoint',
  'scope',
  'senderMailbox',
  'graphBaseUrl',
  'grantType',
  'authorizationEndpoint',
] as const;

/**
 * Settings whose change makes a sign-in worthless: a refresh token belongs to one app registration, tenant and
 * cloud, so a new one means Authorize again (as a new secret means a new access token).
 */
const AUTHORIZATION_FIELDS = ['provider', 'grantType', 'clientId', 'tokenEndpoint', 'authorizationEndpoint'] as const;

const byAge = (a: StoredCredential, b: StoredCredential): number =>
  a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt);

/** The default is the oldest credential marked default; if none is marked (after a failed write), the oldest. */
const pickDefault = (sorted: readonly StoredCredential[]): StoredCredential | undefined =>
  sorted.find((credential) => credential.isDefault) ?? sorted[0];

/** What uses a credential: the default one is what "Email this issue" sends through, once there is a choice. */
const usesOf = (credential: StoredCredential, defaultId: string | undefined, count: number): string[] =>
  credential.id === defaultId && count > 1 ? [DEFAULT_CREDENTIAL_USE] : [];

/** The write-only material a save brings, trimmed, the certificate already read and checked. */
interface WriteOnly {
  secret?: string;
  nextSecret?: string;
  certificate?: ReadCertificate;
}

/** Entra secret values never start or end with blanks; a pasted newline would only fail later. */
const trimmedOrUndefined = (value: string | undefined): string | undefined => value?.trim() || undefined;

export const writeOnlyOf = (input: ParsedCredentialInput, now: number): WriteOnly => {
  const secret = trimmedOrUndefined(input.clientSecret);
  const nextSecret = trimmedOrUndefined(input.nextClientSecret);
  const certificatePem = trimmedOrUndefined(input.certificatePem);
  const privateKeyPem = trimmedOrUndefined(input.privateKeyPem);
  if ((certificatePem === undefined) !== (privateKeyPem === undefined)) {
    throw new CredentialValidationError(
      certificatePem === undefined
        ? { certificatePem: KEY_WITHOUT_CERTIFICATE_MESSAGE }
        : { privateKeyPem: CERTIFICATE_WITHOUT_KEY_MESSAGE },
    );
  }
  const certificate =
    certificatePem === undefined || privateKeyPem === undefined
      ? undefined
      : readCertificateCredential(certificatePem, privateKeyPem, now);
  return {
    ...(secret === undefined ? {} : { secret }),
    ...(nextSecret === undefined ? {} : { nextSecret }),
    ...(certificate === undefined ? {} : { certificate }),
  };
};

/**
 * An authorization code credential asks for the app's fixed delegated permissions (the `.default` scope is the
 * client credentials grant's), and keeps its authorization endpoint; a client credentials one keeps none.
 */
const settingsOf = (input: ParsedCredentialInput) => {
  const delegated = input.grantType === 'authorization_code';
  return {
    name: input.name,
    provider: input.provider,
    grantType: input.grantType,
    clientAuthMethod: input.clientAuthMethod,
    clientId: input.clientId,
    tokenEndpoint: input.tokenEndpoint,
    scope: delegated ? DELEGATED_SCOPE : input.scope,
    senderMailbox: input.senderMailbox,
    graphBaseUrl: input.graphBaseUrl,
    ...(delegated && input.authorizationEndpoint !== undefined
      ? { authorizationEndpoint: input.authorizationEndpoint }
      : {}),
  };
};

type AuthFields = Pick<
  StoredCredential,
  | 'hasSecret'
  | 'secretUpdatedAt'
  | 'secretExpiresOn'
  | 'hasNextSecret'
  | 'nextSecretExpiresOn'
  | 'nextSecretUpdatedAt'
  | 'certificate'
  | 'hasPrivateKey'
  | 'certificateUpdatedAt'
  | 'lastRotation'
  | 'serviceAccount'
>;

/** Storage changes a save makes beside the record: writes go before it, deletes after it. */
interface AuthPlan {
  fields: AuthFields;
  writes: Array<[SecretKind, string]>;
  deletes: SecretKind[];
}

/** A save's record settings and storage changes, given the credential as stored (undefined when creating). */
type Planner = (current: StoredCredential | undefined) => {
  settings: Omit<StoredCredential, keyof AuthFields | 'version' | 'id' | 'isDefault' | 'createdAt' | 'updatedAt'>;
  plan: AuthPlan;
};

const defined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;

/**
 * The secret, next secret and certificate a credential has after a save: what the input brings, else what
 * `current` keeps (when it used the same method), else a field error saying what is missing.
 */
export const planAuth = (
  input: ParsedCredentialInput,
  current: StoredCredential | undefined,
  material: WriteOnly,
  at: string,
): AuthPlan => {
  checkProviderKept(current, 'microsoft');
  const sameMethod = current?.clientAuthMethod === input.clientAuthMethod;
  if (input.clientAuthMethod === 'certificate') {
    const keeps = sameMethod && current?.certificate !== undefined && current.hasPrivateKey;
    if (material.certificate === undefined && !keeps) {
      throw new CredentialValidationError({
        certificatePem: CERTIFICATE_REQUIRED_MESSAGE,
        privateKeyPem: PRIVATE_KEY_REQUIRED_MESSAGE,
      });
    }
    return {
      fields: defined({
        hasSecret: false,
        hasNextSecret: false,
        hasPrivateKey: true,
        certificate: material.certificate?.summary ?? current?.certificate,
        certificateUpdatedAt: material.certificate === undefined ? current?.certificateUpdatedAt : at,
      }),
      writes: material.certificate === undefined ? [] : [['private-key', material.certificate.privateKeyPem]],
      deletes: current === undefined || sameMethod ? [] : ['secret', 'next-secret'],
    };
  }

  const keepsSecret = sameMethod && current?.hasSecret === true;
  if (material.secret === undefined && !keepsSecret) throw new SecretRequiredError();
  const keepsNext = sameMethod && current?.hasNextSecret === true && input.removeNextSecret !== true;
  const hasNextSecret = material.nextSecret !== undefined || keepsNext;
  const writes: Array<[SecretKind, string]> = [];
  if (material.secret !== undefined) writes.push(['secret', material.secret]);
  if (material.nextSecret !== undefined) writes.push(['next-secret', material.nextSecret]);
  const deletes: SecretKind[] = [];
  if (current !== undefined && !sameMethod) deletes.push('private-key');
  if (current?.hasNextSecret === true && !hasNextSecret) deletes.push('next-secret');
  return {
    fields: defined({
      hasSecret: true,
      secretUpdatedAt: material.secret === undefined ? current?.secretUpdatedAt : at,
      secretExpiresOn: input.secretExpiresOn,
      hasNextSecret,
      nextSecretUpdatedAt:
        material.nextSecret !== undefined ? at : hasNextSecret ? current?.nextSecretUpdatedAt : undefined,
      nextSecretExpiresOn: hasNextSecret
        ? (input.nextSecretExpiresOn ?? (material.nextSecret === undefined ? current?.nextSecretExpiresOn : undefined))
        : undefined,
      hasPrivateKey: false,
      lastRotation: sameMethod ? current?.lastRotation : undefined,
    }),
    writes,
    deletes,
  };
};

export const createCredentialService = (deps: CredentialServiceDeps): CredentialService => {
  const { store } = deps;
  const newId = deps.newId ?? newUuid;
  const timestamp = (): string => new Date(deps.now()).toISOString();

  const listSorted = async (): Promise<StoredCredential[]> => (await store.list()).sort(byAge);

  const get = async (id: string): Promise<StoredCredential> => {
    const credential = await store.get(id);
    if (credential === undefined) throw new CredentialNotFoundError(id);
    return credential;
  };

  /** The view of a credential just written; `stored` is a listing that may not show the write yet. */
  const viewIn = async (
    credential: StoredCredential,
    defaultId: string | undefined,
    count: number,
  ): Promise<CredentialView> => {
    const use = credential.authorization === undefined ? undefined : await deps.refreshTokens?.readUse(credential.id);
    return toCredentialView(credential, credential.id === defaultId, usesOf(credential, defaultId, count), use);
  };

  const viewOf = async (credential: StoredCredential, stored?: StoredCredential[]): Promise<CredentialView> => {
    const others = (stored ?? (await listSorted())).filter((other) => other.id !== credential.id);
    const all = [...others, credential].sort(byAge);
    return viewIn(credential, pickDefault(all)?.id, all.length);
  };

  /** Secrets first: a record must never claim material that is not there. Obsolete material goes last. */
  const apply = async (credential: StoredCredential, plan: AuthPlan): Promise<void> => {
    for (const [kind, value] of plan.writes) await store.writeSecret(credential.id, value, kind);
    await store.put(credential);
    for (const kind of plan.deletes) await store.deleteSecret(credential.id, kind);
  };

  const create = async (planned: Planner, at: string): Promise<CredentialView> => {
    const { settings, plan } = planned(undefined);
    const existing = await listSorted();
    const credential: StoredCredential = {
      version: 2,
      id: newId(),
      ...settings,
      ...plan.fields,
      isDefault: existing.length === 0,
      createdAt: at,
      updatedAt: at,
    };
    await apply(credential, plan);
    return viewOf(credential, existing);
  };

  const update = async (id: string, planned: Planner, at: string): Promise<CredentialView> => {
    const current = await get(id);
    const { settings: fresh, plan } = planned(current);
    const settings: Partial<StoredCredential> = fresh;
    const connectionChanged =
      plan.writes.some(([kind]) => kind !== 'next-secret') ||
      CONNECTION_FIELDS.some((field) => settings[field] !== current[field]);
    const signInLost =
      current.authorization !== undefined && AUTHORIZATION_FIELDS.some((field) => settings[field] !== current[field]);
    const keepsAuthorization =
      current.authorization !== undefined && !signInLost && settings.grantType === 'authorization_code';
    const next: StoredCredential = {
      version: 2,
      id,
      ...fresh,
      ...plan.fields,
      ...(keepsAuthorization && current.authorization !== undefined ? { authorization: current.authorization } : {}),
      isDefault: current.isDefault,
      createdAt: current.createdAt,
      updatedAt: at,
      ...(connectionChanged || current.lastTest === undefined ? {} : { lastTest: current.lastTest }),
    };
    await apply(next, plan);
    // After the record stops naming the sign-in: a record never claims a refresh token that is gone.
    if (current.grantType === 'authorization_code' && !keepsAuthorization) await deps.refreshTokens?.remove(id);
    return viewOf(next);
  };

  return {
    list: async () => {
      const sorted = await listSorted();
      const defaultId = pickDefault(sorted)?.id;
      return Promise.all(sorted.map((credential) => viewIn(credential, defaultId, sorted.length)));
    },

    save: async (input) => {
      const fieldErrors = credentialFieldErrors(input, deps.env);
      if (Object.keys(fieldErrors).length > 0) throw new CredentialValidationError(fieldErrors);
      const now = deps.now();
      const material = writeOnlyOf(input, now);
      const at = new Date(now).toISOString();
      const planned: Planner = (current) => ({
        settings: settingsOf(input),
        plan: planAuth(input, current, material, at),
      });
      return input.id === undefined ? create(planned, at) : update(input.id, planned, at);
    },

    saveGoogle: async (input) => {
      if (deps.planGoogleSave === undefined) throw new Error('Google Workspace credentials are not saved here.');
      const plan = await deps.planGoogleSave(input);
      const at = timestamp();
      const planned: Planner = (current) => {
        const { settings, fields, writes } = plan(current, at);
        return { settings, plan: { fields, writes, deletes: [] } };
      };
      return input.id === undefined ? create(planned, at) : update(input.id, planned, at);
    },

    remove: async (id) => {
      await get(id);
      const sorted = await listSorted();
      const defaultId = pickDefault(sorted)?.id;
      const target = sorted.find((credential) => credential.id === id);
      const usedBy = target === undefined ? [] : usesOf(target, defaultId, sorted.length);
      if (usedBy.length > 0) throw new CredentialInUseError(id, usedBy);
      const handlers = (await deps.handlersReading?.(id)) ?? [];
      if (handlers.length > 0) throw new CredentialReadByHandlersError(id, handlers);
      await store.remove(id);
      await deps.refreshTokens?.remove(id);
      return { id };
    },

    setDefault: async (id) => {
      const target = await get(id);
      const marked: StoredCredential = { ...target, isDefault: true };
      // Marked before the others are unmarked, so at every moment some credential is the default.
      await store.put(marked);
      for (const other of await listSorted()) {
        if (other.id !== id && other.isDefault) await store.put({ ...other, isDefault: false });
      }
      return viewOf(marked);
    },

    get,

    findDefault: async () => pickDefault(await listSorted()),

    getDefault: async () => {
      const credential = pickDefault(await listSorted());
      if (credential === undefined) throw new NoCredentialConfiguredError();
      return credential;
    },

    readSecret: async (id) => {
      const secret = await store.readSecret(id, 'secret');
      if (secret === undefined) throw new SecretMissingError(id);
      return secret;
    },

    readNextSecret: (id) => store.readSecret(id, 'next-secret'),

    readPrivateKey: async (id) => {
      const key = await store.readSecret(id, 'private-key');
      if (key === undefined) throw new PrivateKeyMissingError(id);
      return key;
    },

    promoteNextSecret: async (id, nextSecret, reason) => {
      const current = await get(id);
      const at = timestamp();
      const {
        secretExpiresOn: _refusedExpiry,
        nextSecretExpiresOn,
        nextSecretUpdatedAt: _nextUpdatedAt,
        lastTest: _lastTest,
        ...rest
      } = current;
      const promoted: StoredCredential = {
        ...rest,
        hasSecret: true,
        secretUpdatedAt: at,
        ...(nextSecretExpiresOn === undefined ? {} : { secretExpiresOn: nextSecretExpiresOn }),
        hasNextSecret: false,
        lastRotation: { promotedAt: at, reason },
        updatedAt: at,
      };
      // The working secret is in place before the record stops pointing at the next one.
      await store.writeSecret(id, nextSecret, 'secret');
      await store.put(promoted);
      await store.deleteSecret(id, 'next-secret');
      return promoted;
    },

    recordTestResult: async (id, result) => {
      const current = await get(id);
      await store.put({ ...current, lastTest: result });
    },

    recordAuthorization: async (id, authorization) => {
      // An earlier test said nothing about the mailbox that signed in now.
      const { lastTest: _lastTest, ...current } = await get(id);
      const authorized: StoredCredential = {
        ...current,
        senderMailbox: authorization.mailbox,
        authorization,
        updatedAt: timestamp(),
      };
      await store.put(authorized);
      return authorized;
    },
  };
};

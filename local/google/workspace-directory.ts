import { createPublicKey, generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';

import { scopeSchema } from './config-schema';
import { GoogleEmulatorError, GoogleEmulatorErrorCode } from './errors';
import type { GoogleWorkspaceConfig, WorkspaceServiceAccount, WorkspaceUser } from './types';

export interface RegisteredKey {
  privateKeyId: string;
  publicKey: KeyObject;
  disabled: boolean;
}

export interface RegisteredServiceAccount {
  account: WorkspaceServiceAccount;
  keys: Map<string, RegisteredKey>;
}

/** The JSON key file Google Cloud console downloads when a key is created (keys-create-delete). */
export interface ServiceAccountKeyFile {
  type: 'service_account';
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  auth_uri: string;
  token_uri: string;
  auth_provider_x509_cert_url: string;
  client_x509_cert_url: string;
  universe_domain: string;
}

const unknown = (code: GoogleEmulatorErrorCode, what: string): GoogleEmulatorError =>
  new GoogleEmulatorError(code, `The emulated Workspace has no ${what}`);

/**
 * The emulated Workspace as it is now: users, service accounts with their public keys, and the Admin console's
 * domain-wide delegation table. Tests and the emulator's pages change it through the control methods.
 */
export class WorkspaceDirectory {
  readonly domain: string;
  private readonly users = new Map<string, WorkspaceUser>();
  private readonly accounts = new Map<string, RegisteredServiceAccount>();
  private readonly delegation = new Map<string, Set<string>>();

  constructor(config: GoogleWorkspaceConfig) {
    this.domain = config.domain;
    for (const user of config.users) this.users.set(user.primaryEmail.toLowerCase(), { ...user });
    for (const account of config.serviceAccounts) {
      const keys = new Map<string, RegisteredKey>();
      for (const key of account.keys) {
        keys.set(key.privateKeyId, {
          privateKeyId: key.privateKeyId,
          publicKey: createPublicKey(key.publicKeyPem),
          disabled: key.disabled,
        });
      }
      this.accounts.set(account.clientEmail.toLowerCase(), { account: { ...account, keys: [] }, keys });
    }
    for (const entry of config.domainWideDelegation) this.delegation.set(entry.clientId, new Set(entry.scopes));
  }

  user(email: string): WorkspaceUser | undefined {
    return this.users.get(email.toLowerCase());
  }

  serviceAccount(clientEmail: string): RegisteredServiceAccount | undefined {
    return this.accounts.get(clientEmail.toLowerCase());
  }

  /** Admin console > Directory > Users, in config order, as they are now. */
  listUsers(): WorkspaceUser[] {
    return [...this.users.values()].map((user) => ({ ...user }));
  }

  /** Cloud console > Service Accounts: each account with the ids of its keys (public halves only). */
  listServiceAccounts(): Array<{
    account: WorkspaceServiceAccount;
    keys: Array<{ privateKeyId: string; disabled: boolean }>;
  }> {
    return [...this.accounts.values()].map(({ account, keys }) => ({
      account: { ...account },
      keys: [...keys.values()].map((key) => ({ privateKeyId: key.privateKeyId, disabled: key.disabled })),
    }));
  }

  /** Admin console > Domain-wide delegation: every client ID with its scopes, in the order they were added. */
  delegations(): Array<{ clientId: string; scopes: string[] }> {
    return [...this.delegation.entries()].map(([clientId, scopes]) => ({ clientId, scopes: [...scopes] }));
  }

  /** The scopes the Admin console allows for a client ID; undefined when the client is not listed at all. */
  delegatedScopes(clientId: string): ReadonlySet<string> | undefined {
    return this.delegation.get(clientId);
  }

  /** Admin console > Domain-wide delegation: add or edit a client (scopes), or delete it (undefined). */
  setDelegation(clientId: string, scopes: readonly string[] | undefined): void {
    if (scopes === undefined) {
      this.delegation.delete(clientId);
      return;
    }
    for (const scope of scopes) {
      if (!scopeSchema.safeParse(scope).success) {
        throw new GoogleEmulatorError(GoogleEmulatorErrorCode.ScopeInvalid, `Not a Google OAuth scope: ${scope}`);
      }
    }
    this.delegation.set(clientId, new Set(scopes));
  }

  /** Admin console > Directory > Users: suspend or reactivate a user. */
  setUserSuspended(email: string, suspended: boolean): void {
    const user = this.user(email);
    if (user === undefined) throw unknown(GoogleEmulatorErrorCode.UnknownUser, `user ${email}`);
    user.suspended = suspended;
  }

  private requireAccount(clientEmail: string): RegisteredServiceAccount {
    const registered = this.serviceAccount(clientEmail);
    if (registered === undefined) {
      throw unknown(GoogleEmulatorErrorCode.UnknownServiceAccount, `service account ${clientEmail}`);
    }
    return registered;
  }

  /** Cloud console > Service Accounts: disable or enable the whole account. */
  setServiceAccountDisabled(clientEmail: string, disabled: boolean): void {
    this.requireAccount(clientEmail).account.disabled = disabled;
  }

  /** Cloud console > Keys > delete: signatures made with it stop verifying. */
  deleteKey(clientEmail: string, privateKeyId: string): void {
    if (!this.requireAccount(clientEmail).keys.delete(privateKeyId)) {
      throw unknown(GoogleEmulatorErrorCode.UnknownKey, `key ${privateKeyId} for ${clientEmail}`);
    }
  }

  /** Cloud console > Keys > disable or enable one key. */
  setKeyDisabled(clientEmail: string, privateKeyId: string, disabled: boolean): void {
    const key = this.requireAccount(clientEmail).keys.get(privateKeyId);
    if (key === undefined) throw unknown(GoogleEmulatorErrorCode.UnknownKey, `key ${privateKeyId} for ${clientEmail}`);
    key.disabled = disabled;
  }

  /**
   * Cloud console > Keys > Add key > Create new key (JSON): a new RSA 2048 key pair; the emulator keeps the public
   * key and hands out the only copy of the private key, in the downloaded file's shape. Rotating is this, then
   * deleteKey on the old id.
   */
  createKey(clientEmail: string, tokenUri = 'https://oauth2.googleapis.com/token'): ServiceAccountKeyFile {
    const { account, keys } = this.requireAccount(clientEmail);
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privateKeyId = randomBytes(20).toString('hex');
    keys.set(privateKeyId, { privateKeyId, publicKey, disabled: false });
    return {
      type: 'service_account',
      project_id: account.projectId,
      private_key_id: privateKeyId,
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: account.clientEmail,
      client_id: account.clientId,
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: tokenUri,
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
      client_x509_cert_url: `https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(account.clientEmail)}`,
      universe_domain: 'googleapis.com',
    };
  }
}

/** A user of the emulated Workspace domain. */
export interface WorkspaceUser {
  primaryEmail: string;
  name: string;
  suspended: boolean;
}

/** A service account key as Google keeps it: its id and public key. */
export interface ServiceAccountPublicKey {
  privateKeyId: string;
  publicKeyPem: string;
  disabled: boolean;
  /** Emulator only: the absolute path of a demo key's JSON key file (no real key's private half is ever kept). */
  demoKeyFile?: string;
}

export interface WorkspaceServiceAccount {
  clientEmail: string;
  clientId: string;
  projectId: string;
  displayName: string;
  disabled: boolean;
  keys: ServiceAccountPublicKey[];
}

/** A resolved Workspace config: every key's public PEM read, every optional flag filled in. */
export interface GoogleWorkspaceConfig {
  domain: string;
  users: WorkspaceUser[];
  serviceAccounts: WorkspaceServiceAccount[];
  /** The Admin console's domain-wide delegation table: numeric client ID -> allowed scopes. */
  domainWideDelegation: Array<{ clientId: string; scopes: string[] }>;
  tokenLifetimeSeconds: number;
}

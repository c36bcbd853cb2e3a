import {
  createCredentialService,
  type CredentialService,
  type CredentialServiceDeps,
} from '../credentials/credential-service';
import { createCredentialStore, type CredentialStore } from '../credentials/credential-store';
import type { StoredCredential } from '../credentials/stored-credential';
import { createRefreshTokenStore } from '../oauth/refresh-token-store';
import { systemClock } from '../shared/seams';
import type { KvStore } from '../storage/kv-store';

export interface Credentials {
  /** The stored records, for those that list them without the service's rules (warnings, the email log). */
  store: CredentialStore;
  service: CredentialService;
}

/** The credentials in app storage and secret storage. */
export const buildCredentials = (
  kv: KvStore,
  more: Pick<CredentialServiceDeps, 'handlersReading' | 'planGoogleSave'> = {},
): Credentials => {
  const store = createCredentialStore(kv);
  return {
    store,
    service: createCredentialService({ store, now: systemClock, refreshTokens: createRefreshTokenStore(kv), ...more }),
  };
};

/** A rule's credential by id, else the default one. */
export const credentialOrDefault =
  (credentials: Pick<CredentialService, 'get' | 'getDefault'>) =>
  (id: string | undefined): Promise<StoredCredential> =>
    id === undefined ? credentials.getDefault() : credentials.get(id);

/** The ids of every credential, for settings and rules that name one. */
export const credentialIdsOf = (credentials: Pick<CredentialService, 'list'>) => async (): Promise<string[]> =>
  (await credentials.list()).map((credential) => credential.id);

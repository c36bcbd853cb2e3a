import type { CredentialStore } from '../credentials/credential-store';
import { systemClock } from '../shared/seams';
import type { KvStore } from '../storage/kv-store';
import { createWarningService, type WarningService } from '../warnings/warning-service';
import { createWarningStore } from '../warnings/warning-store';

/** The admin page's warnings about credentials, kept in app storage. */
export const buildWarnings = (kv: KvStore, credentialStore: CredentialStore): WarningService =>
  createWarningService({
    store: createWarningStore(kv),
    listCredentials: () => credentialStore.list(),
    now: systemClock,
  });

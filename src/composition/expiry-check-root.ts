import { createCredentialStore } from '../credentials/credential-store';
import type { WarningService } from '../warnings/warning-service';
import { createAppKvStore } from './app-kv';
import { buildWarnings } from './warnings';

/** The daily credential expiry check (function `expiry-check`): the warnings, over the stored credentials. */
export const createExpiryCheckDeps = (): Pick<WarningService, 'runDailyCheck'> => {
  const kv = createAppKvStore();
  return buildWarnings(kv, createCredentialStore(kv));
};

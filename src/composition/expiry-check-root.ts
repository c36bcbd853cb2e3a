import { createCredentialStore } from '../credentials/credential-store';
import { createForgeKvStore } from '../storage/forge-kv-store';
import type { WarningService } from '../warnings/warning-service';
import { buildWarnings } from './warnings';

/** The daily credential expiry check (function `expiry-check`): the warnings, over the stored credentials. */
export const createExpiryCheckDeps = (): Pick<WarningService, 'runDailyCheck'> => {
  const kv = createForgeKvStore();
  return buildWarnings(kv, createCredentialStore(kv));
};

import { createLogSettingsStore } from '../outbox/log-settings-store';
import type { UpkeepDeps } from '../outbox/outbox-upkeep';
import { systemClock } from '../shared/seams';
import { createAppKvStore } from './app-kv';
import { appLog } from './app-log';
import { buildOutboxStores } from './outbox';

/** The hourly email log upkeep (function `email-upkeep`): retention and requeueing of lost jobs. */
export const createEmailUpkeepDeps = (): UpkeepDeps => {
  const kv = createAppKvStore();
  return { ...buildOutboxStores(kv), settings: createLogSettingsStore(kv), now: systemClock, log: appLog };
};

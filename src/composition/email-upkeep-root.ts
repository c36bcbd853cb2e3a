import type { IncomingUpkeepDeps } from '../incoming/log/incoming-upkeep';
import { createIncomingRecordStore } from '../incoming/records/incoming-records';
import { createLogSettingsStore } from '../outbox/log-settings-store';
import type { UpkeepDeps } from '../outbox/outbox-upkeep';
import { systemClock } from '../shared/seams';
import { createForgeEntityStore } from '../storage/entity-store';
import { INCOMING_MESSAGE_ENTITY } from '../storage/keys';
import { createAppKvStore } from './app-kv';
import { appLog } from './app-log';
import { buildOutboxStores } from './outbox';

/**
 * The hourly email log upkeep (function `email-upkeep`): retention and requeueing of lost jobs, and the incoming
 * log's retention under the same setting.
 */
export const createEmailUpkeepDeps = (): UpkeepDeps & IncomingUpkeepDeps => {
  const kv = createAppKvStore();
  return {
    ...buildOutboxStores(kv),
    incoming: createIncomingRecordStore(createForgeEntityStore(INCOMING_MESSAGE_ENTITY)),
    settings: createLogSettingsStore(kv),
    now: systemClock,
    log: appLog,
  };
};

import { createIncomingUpkeepDeps } from '../composition/incoming-upkeep-root';
import { runIncomingUpkeep } from '../incoming/upkeep/run-incoming-upkeep';
import { safeErrorLabel } from '../shared/error-names';
import { type ScheduledTriggerEvent, type ScheduledTriggerResponse, TRIGGER_DONE } from './scheduled-trigger';

const deps = createIncomingUpkeepDeps();

/** The five-minute upkeep of incoming mail (scheduledTrigger `incoming-mail-upkeep`): connects, delta rounds, tidying. */
export const handler = async (_event: ScheduledTriggerEvent, _context: unknown): Promise<ScheduledTriggerResponse> => {
  try {
    const summary = await runIncomingUpkeep(deps);
    if (summary.connect + summary.disconnect + summary.forgotten > 0)
      deps.log(
        `incoming mail upkeep: ${summary.connect} to connect, ${summary.delta} delta rounds, ` +
          `${summary.disconnect} to disconnect, ${summary.forgotten} forgotten`,
      );
  } catch (error) {
    deps.log(`incoming mail upkeep failed (${safeErrorLabel(error)})`);
    throw error;
  }
  return TRIGGER_DONE;
};

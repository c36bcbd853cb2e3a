import { createEmailUpkeepDeps } from '../composition/email-upkeep-root';
import { runOutboxUpkeep, type UpkeepDeps, type UpkeepSummary } from '../outbox/outbox-upkeep';
import { safeErrorLabel } from '../shared/error-names';
import { type ScheduledTriggerEvent, type ScheduledTriggerResponse, TRIGGER_DONE } from './scheduled-trigger';

/** The hourly upkeep (scheduledTrigger `email-log-upkeep`): retention and overdue emails (outbox-upkeep.ts). */
export const runEmailLogUpkeep = async (deps: UpkeepDeps): Promise<UpkeepSummary> => {
  try {
    const summary = await runOutboxUpkeep(deps);
    console.info(`[issue-mailer] email log upkeep: ${summary.deleted} deleted, ${summary.requeued} requeued`);
    return summary;
  } catch (error) {
    console.error(`[issue-mailer] email log upkeep failed: ${safeErrorLabel(error)}`);
    throw error;
  }
};

const deps = createEmailUpkeepDeps();

export const handler = async (_event: ScheduledTriggerEvent, _context: unknown): Promise<ScheduledTriggerResponse> => {
  await runEmailLogUpkeep(deps);
  return TRIGGER_DONE;
};

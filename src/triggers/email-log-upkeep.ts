import { createEmailUpkeepDeps } from '../composition/email-upkeep-root';
import { type IncomingUpkeepDeps, runIncomingUpkeep } from '../incoming/log/incoming-upkeep';
import { runOutboxUpkeep, type UpkeepDeps, type UpkeepSummary } from '../outbox/outbox-upkeep';
import { safeErrorLabel } from '../shared/error-names';
import { type ScheduledTriggerEvent, type ScheduledTriggerResponse, TRIGGER_DONE } from './scheduled-trigger';

/** The incoming log's deletions fail on their own: the email log's upkeep still runs. */
const incomingUpkeep = async (deps: IncomingUpkeepDeps): Promise<number> => {
  try {
    return await runIncomingUpkeep(deps);
  } catch (error) {
    console.error(`[issue-mailer] incoming log upkeep failed: ${safeErrorLabel(error)}`);
    return 0;
  }
};

/**
 * The hourly upkeep (scheduledTrigger `email-log-upkeep`): retention and overdue emails (outbox-upkeep.ts), and the
 * incoming log's retention under the same setting (src/incoming/log/incoming-upkeep.ts).
 */
export const runEmailLogUpkeep = async (
  deps: UpkeepDeps & IncomingUpkeepDeps,
): Promise<UpkeepSummary & { incomingDeleted: number }> => {
  const incomingDeleted = await incomingUpkeep(deps);
  try {
    const summary = await runOutboxUpkeep(deps);
    console.info(
      `[issue-mailer] email log upkeep: ${summary.deleted} deleted, ${summary.requeued} requeued, ` +
        `${incomingDeleted} incoming messages deleted`,
    );
    return { ...summary, incomingDeleted };
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

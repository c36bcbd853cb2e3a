import { createExpiryCheckDeps } from '../composition/expiry-check-root';
import { safeErrorLabel } from '../shared/error-names';
import type { SignInWatchSummary } from '../warnings/authorization-watch';
import type { WarningService } from '../warnings/warning-service';
import { type ScheduledTriggerEvent, type ScheduledTriggerResponse, TRIGGER_DONE } from './scheduled-trigger';

export interface ExpiryCheckSummary {
  credentials: number;
  warnings: number;
  /** When signed-in mailboxes were watched. */
  signIns?: SignInWatchSummary;
}

/**
 * The daily check (scheduledTrigger `credential-expiry-check`): first keeps the signed-in mailboxes' grants alive
 * (authorization-watch.ts), then records the expiry warnings of every credential, so the admin page shows them on
 * top. The summary is for logs and tests.
 */
export const runExpiryCheck = async (
  warnings: Pick<WarningService, 'runDailyCheck'>,
  watchSignIns?: () => Promise<SignInWatchSummary>,
): Promise<ExpiryCheckSummary> => {
  try {
    const signIns = watchSignIns === undefined ? undefined : await watchSignIns();
    if (signIns !== undefined) {
      console.info(
        `[issue-mailer] sign-in watch: ${signIns.watched} watched, ${signIns.refreshed} renewed, ${signIns.failed} failed`,
      );
    }
    const summary = await warnings.runDailyCheck();
    console.info(`[issue-mailer] expiry check: ${summary.credentials} credentials, ${summary.warnings} warnings`);
    return signIns === undefined ? summary : { ...summary, signIns };
  } catch (error) {
    console.error(`[issue-mailer] expiry check failed: ${safeErrorLabel(error)}`);
    throw error;
  }
};

const deps = createExpiryCheckDeps();

export const handler = async (_event: ScheduledTriggerEvent, _context: unknown): Promise<ScheduledTriggerResponse> => {
  await runExpiryCheck(deps.warnings, deps.watchSignIns);
  return TRIGGER_DONE;
};

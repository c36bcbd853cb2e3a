import { createExpiryCheckDeps } from '../composition/expiry-check-root';
import { safeErrorLabel } from '../shared/error-names';
import type { WarningService } from '../warnings/warning-service';
import { type ScheduledTriggerEvent, type ScheduledTriggerResponse, TRIGGER_DONE } from './scheduled-trigger';

export interface ExpiryCheckSummary {
  credentials: number;
  warnings: number;
}

/**
 * The daily check (scheduledTrigger `credential-expiry-check`): records the expiry warnings of every credential,
 * so the admin page shows them on top. The summary is for logs and tests.
 */
export const runExpiryCheck = async (warnings: Pick<WarningService, 'runDailyCheck'>): Promise<ExpiryCheckSummary> => {
  try {
    const summary = await warnings.runDailyCheck();
    console.info(`[issue-mailer] expiry check: ${summary.credentials} credentials, ${summary.warnings} warnings`);
    return summary;
  } catch (error) {
    console.error(`[issue-mailer] expiry check failed: ${safeErrorLabel(error)}`);
    throw error;
  }
};

const warnings = createExpiryCheckDeps();

export const handler = async (_event: ScheduledTriggerEvent, _context: unknown): Promise<ScheduledTriggerResponse> => {
  await runExpiryCheck(warnings);
  return TRIGGER_DONE;
};

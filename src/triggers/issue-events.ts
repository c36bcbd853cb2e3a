import { InvocationError, InvocationErrorCode } from '@forge/events';
import { parseIssueEvent } from '../notifications/issue-event';
import { notifyRules, type NotifyDeps, type NotifySummary } from '../notifications/notify';
import { runtimeDeps } from '../resolvers/runtime-deps';
import { safeErrorLabel } from '../shared/error-names';

/** How long Forge waits before it delivers an event again after the rules could not be run. */
export const EVENT_RETRY_SECONDS = 60;

/**
 * The Jira events of the `issue-events` trigger (created, commented, updated; `ignoreSelf`, so the app's own
 * changes never come): each goes to the notification rules. When the rules could not be run (storage, Jira or the
 * queue failed), the answer is an InvocationError, so that Forge delivers the event again (at most four times,
 * https://developer.atlassian.com/platform/forge/events-reference/product_events/) instead of the notification
 * being lost; rules that already queued their email are not run twice (once-guard.ts).
 */
export const handleIssueEvent = async (event: unknown, deps: NotifyDeps): Promise<NotifySummary | InvocationError | undefined> => {
  const fact = parseIssueEvent(event);
  if (fact === undefined) return undefined;
  try {
    const summary = await notifyRules(fact, deps);
    const queued = summary.outcomes.filter((entry) => entry.outcome === 'queued').length;
    if (summary.outcomes.length > 0) console.info(`[issue-mailer] ${fact.kind} on ${fact.issue.key}: ${queued} of ${summary.outcomes.length} rules queued an email`);
    return summary;
  } catch (error) {
    console.error(`[issue-mailer] ${fact.kind} on ${fact.issue.key} failed: ${safeErrorLabel(error)}; Forge delivers it again`);
    return new InvocationError({ retryAfter: EVENT_RETRY_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
};

export const handler = async (event: unknown, _context: unknown): Promise<NotifySummary | InvocationError | undefined> =>
  handleIssueEvent(event, runtimeDeps.notify);

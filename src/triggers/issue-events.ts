import { parseIssueEvent } from '../notifications/issue-event';
import { notifyRules, type NotifyDeps, type NotifySummary } from '../notifications/notify';
import { runtimeDeps } from '../resolvers/runtime-deps';
import { safeErrorLabel } from '../shared/error-names';

/**
 * The Jira events of the `issue-events` trigger (created, commented, updated; `ignoreSelf`, so the app's own
 * changes never come): each goes to the notification rules. A failure is logged; Forge does not retry triggers.
 */
export const handleIssueEvent = async (event: unknown, deps: NotifyDeps): Promise<NotifySummary | undefined> => {
  const fact = parseIssueEvent(event);
  if (fact === undefined) return undefined;
  try {
    const summary = await notifyRules(fact, deps);
    const queued = summary.outcomes.filter((entry) => entry.outcome === 'queued').length;
    if (summary.outcomes.length > 0) console.info(`[issue-mailer] ${fact.kind} on ${fact.issue.key}: ${queued} of ${summary.outcomes.length} rules queued an email`);
    return summary;
  } catch (error) {
    console.error(`[issue-mailer] ${fact.kind} on ${fact.issue.key} failed: ${safeErrorLabel(error)}`);
    throw error;
  }
};

export const handler = async (event: unknown, _context: unknown): Promise<NotifySummary | undefined> =>
  handleIssueEvent(event, runtimeDeps.notify);

import type { InvocationError } from '@forge/events';

import { createIssueEventsDeps } from '../composition/issue-events-root';
import {
  attachmentFact,
  type IssueEventFact,
  parseAttachmentEvent,
  parseIssueEvent,
} from '../notifications/issue-event';
import { type NotifyDeps, notifyRules, type NotifySummary } from '../notifications/notify';
import { retryInvocation } from '../outbox/load-forge-events';
import { safeErrorLabel } from '../shared/error-names';

/** How long Forge waits before it delivers an event again after the rules could not be run. */
export const EVENT_RETRY_SECONDS = 60;

/** What the event means to the rules: facts read from the payload, an attachment's issue read from Jira. */
const factsOf = async (event: unknown, deps: NotifyDeps): Promise<IssueEventFact[]> => {
  const attachment = parseAttachmentEvent(event);
  if (attachment === undefined) return parseIssueEvent(event);
  const issue = await deps.issueRef(attachment.issueId);
  return issue === undefined ? [] : [attachmentFact(attachment, issue)];
};

/**
 * The Jira events of the `issue-events` trigger (created, commented, updated, assigned, attachment created;
 * `ignoreSelf`, so the app's own changes never come): each goes to the notification rules, once for each rule
 * event it means (a move to Done is a transition and a resolution). When the rules could not be run (storage,
 * Jira or the queue failed), the answer is an InvocationError, so that Forge delivers the event again (at most
 * four times, https://developer.atlassian.com/platform/forge/events-reference/product_events/) instead of the
 * notification being lost; rules that already queued their email are not run twice (once-guard.ts).
 */
export const handleIssueEvent = async (
  event: unknown,
  deps: NotifyDeps,
): Promise<NotifySummary | InvocationError | undefined> => {
  let label = 'event';
  try {
    const facts = await factsOf(event, deps);
    if (facts.length === 0) return undefined;
    const summary: NotifySummary = { ignored: false, outcomes: [] };
    for (const fact of facts) {
      label = `${fact.kind} on ${fact.issue.key}`;
      const one = await notifyRules(fact, deps);
      summary.ignored ||= one.ignored;
      summary.outcomes.push(...one.outcomes);
      const queued = one.outcomes.filter((entry) => entry.outcome === 'queued').length;
      if (one.outcomes.length > 0)
        console.info(`[issue-mailer] ${label}: ${queued} of ${one.outcomes.length} rules queued an email`);
    }
    return summary;
  } catch (error) {
    console.error(`[issue-mailer] ${label} failed: ${safeErrorLabel(error)}; Forge delivers it again`);
    return retryInvocation(EVENT_RETRY_SECONDS);
  }
};

const deps = createIssueEventsDeps();

export const handler = async (
  event: unknown,
  _context: unknown,
): Promise<NotifySummary | InvocationError | undefined> => handleIssueEvent(event, deps);

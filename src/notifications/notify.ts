import type { NotificationRuleView, RuleRun } from '../contract/notification-rules';
import { JiraError, JiraErrorCode } from '../jira/errors';
import type { IssueRoles } from '../jira/issue-people';
import type { ReadUserEmails } from '../mail/person-recipients';
import type { Recipient } from '../mail/recipients';
import { safeErrorLabel } from '../shared/error-names';
import { plural } from '../shared/plural';
import type { Clock } from '../shared/seams';
import type { IssueEventFact } from './issue-event';
import type { OnceGuard } from './once-guard';
import { ruleRecipients } from './rule-recipients';
import type { RuleStore } from './rule-store';
import type { RunHistoryStore } from './run-history';

export interface NotifyDeps {
  rules: Pick<RuleStore, 'list'>;
  once: OnceGuard;
  /** Each rule's last runs: one write per rule considered. */
  history: Pick<RunHistoryStore, 'record'>;
  /** As the app: the trigger runs with no user. */
  matchesJql: (issueKey: string, jql: string) => Promise<boolean>;
  readRoles: (issueKey: string) => Promise<IssueRoles>;
  /** The issue an attachment event names by id (as the app); undefined when the app cannot see it. */
  issueRef: (issueId: string) => Promise<IssueEventFact['issue'] | undefined>;
  /** Addresses of people whose address Jira hides, through its Email API (as the app). */
  readUserEmails: ReadUserEmails;
  /** Renders the issue (as the app) with the rule's template and puts the email in the outbox. */
  queue: (rule: NotificationRuleView, fact: IssueEventFact, to: Recipient[]) => Promise<{ emailId: string }>;
  log: (line: string) => void;
  now: Clock;
}

export type RuleOutcome =
  'queued' | 'duplicate' | 'jql-mismatch' | 'jql-rejected' | 'no-recipients' | 'app-cannot-see' | 'failed';

export interface NotifySummary {
  /** The event was caused by an app (ours included): nothing is sent in reply. */
  ignored: boolean;
  outcomes: Array<{ ruleId: string; outcome: RuleOutcome }>;
}

const sameStatus = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether the rule listens for this event: its kind, and the status or field it names. */
export const listensTo = (
  rule: Pick<NotificationRuleView, 'event' | 'toStatus' | 'fieldId'>,
  fact: IssueEventFact,
): boolean => {
  if (rule.event !== fact.kind) return false;
  if (rule.event === 'issue-transitioned') {
    return rule.toStatus === undefined || (fact.toStatus !== undefined && sameStatus(rule.toStatus, fact.toStatus));
  }
  if (rule.event === 'field-changed')
    return rule.fieldId !== undefined && (fact.fields ?? []).some((field) => field.id === rule.fieldId);
  return true;
};

/** The rules an event of this kind, project and status (or field) calls for, before their JQL is asked. */
export const rulesFor = (rules: readonly NotificationRuleView[], fact: IssueEventFact): NotificationRuleView[] =>
  rules.filter((rule) => rule.enabled && listensTo(rule, fact) && rule.projectKeys.includes(fact.issue.projectKey));

/** Jira would not show the issue to the app: its account lacks Browse projects there. */
export const isUnseen = (error: unknown): boolean =>
  error instanceof JiraError && (error.code === JiraErrorCode.Forbidden || error.code === JiraErrorCode.IssueNotFound);

export const unseenReason = (projectKey: string): string =>
  `Issue Mailer's Jira account cannot see project ${projectKey}; grant it Browse projects there.`;

interface Fired {
  outcome: RuleOutcome;
  reason: string;
  emailId?: string;
}

const fireRule = async (rule: NotificationRuleView, fact: IssueEventFact, deps: NotifyDeps): Promise<Fired> => {
  if (rule.jql !== undefined) {
    try {
      if (!(await deps.matchesJql(fact.issue.key, rule.jql)))
        return { outcome: 'jql-mismatch', reason: "The issue does not match the rule's JQL." };
    } catch (error) {
      if (error instanceof JiraError && error.code === JiraErrorCode.JqlRejected) {
        return { outcome: 'jql-rejected', reason: "Jira refused the rule's JQL; edit the rule." };
      }
      throw error;
    }
  }
  const roles = rule.recipients.roles.length === 0 ? undefined : await deps.readRoles(fact.issue.key);
  const { to, gaps } = await ruleRecipients(rule, roles, deps.readUserEmails);
  if (to.length === 0)
    return { outcome: 'no-recipients', reason: `No recipients: ${gaps.join('; ') || 'the rule names no one'}.` };

  if (!(await deps.once.claim(rule.id, fact.eventId)))
    return { outcome: 'duplicate', reason: 'Sent once already for this event.' };
  let emailId: string;
  try {
    ({ emailId } = await deps.queue(rule, fact, to));
  } catch (error) {
    await deps.once.release(rule.id, fact.eventId);
    throw error;
  }
  const missed = gaps.length === 0 ? '' : ` (${gaps.join('; ')})`;
  return { outcome: 'queued', reason: `Emailed ${plural(to.length, 'recipient')}${missed}.`, emailId };
};

const runOf = (fact: IssueEventFact, fired: Fired, at: string): RuleRun => ({
  at,
  event: fact.kind,
  issueKey: fact.issue.key,
  outcome: fired.outcome === 'queued' ? 'fired' : fired.outcome === 'failed' ? 'failed' : 'skipped',
  reason: fired.reason,
  ...(fired.emailId === undefined ? {} : { emailId: fired.emailId }),
});

/** The history is for the admin: a failure to keep it is logged, never a reason to deliver the event again. */
const record = async (rule: NotificationRuleView, run: RuleRun, deps: NotifyDeps): Promise<void> => {
  try {
    await deps.history.record(rule.id, run);
  } catch (error) {
    deps.log(`notification rule ${rule.id}: recording a run failed (${safeErrorLabel(error)})`);
  }
};

/**
 * The notification rules' answer to one Jira event: each enabled rule for its kind, project and status (and
 * JQL, asked of Jira) queues one email to its recipients, at most once per event however often the event is
 * delivered. Every rule of the event's kind records the run in its history (fired, or skipped and why, the
 * project not being the rule's included), one storage write each. Events made by an app are never answered, so
 * the app's own comments cannot start a loop even where the platform's ignoreSelf filter does not apply. One rule
 * failing does not stop the others.
 */
export const notifyRules = async (fact: IssueEventFact, deps: NotifyDeps): Promise<NotifySummary> => {
  if (fact.byApp) return { ignored: true, outcomes: [] };
  const outcomes: NotifySummary['outcomes'] = [];
  const at = new Date(deps.now()).toISOString();
  for (const rule of (await deps.rules.list()).filter((candidate) => candidate.enabled && listensTo(candidate, fact))) {
    if (!rule.projectKeys.includes(fact.issue.projectKey)) {
      const reason = `Project ${fact.issue.projectKey} is not in the rule.`;
      await record(rule, { at, event: fact.kind, issueKey: fact.issue.key, outcome: 'skipped', reason }, deps);
      continue;
    }
    let fired: Fired;
    try {
      fired = await fireRule(rule, fact, deps);
    } catch (error) {
      if (isUnseen(error)) {
        fired = { outcome: 'app-cannot-see', reason: unseenReason(fact.issue.projectKey) };
      } else {
        deps.log(`notification rule ${rule.id} on ${fact.issue.key}: ${safeErrorLabel(error)}`);
        fired = { outcome: 'failed', reason: `The email could not be queued (${safeErrorLabel(error)}).` };
      }
    }
    if (fired.outcome === 'jql-rejected' || fired.outcome === 'no-recipients')
      deps.log(`notification rule ${rule.id} on ${fact.issue.key}: ${fired.outcome}`);
    await record(rule, runOf(fact, fired, at), deps);
    outcomes.push({ ruleId: rule.id, outcome: fired.outcome });
  }
  return { ignored: false, outcomes };
};

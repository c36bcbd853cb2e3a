import type { NotificationRuleView } from '../contract/notification-rules';
import type { IssueRoles } from '../jira/issue-people';
import { JiraError, JiraErrorCode } from '../jira/errors';
import type { ReadUserEmails } from '../mail/person-recipients';
import { foldRecipients, type Recipient } from '../mail/recipients';
import { recipientsOfRoles } from '../mail/role-recipients';
import { safeErrorLabel } from '../shared/error-names';
import type { Clock } from '../shared/seams';
import type { IssueEventFact } from './issue-event';
import type { OnceGuard } from './once-guard';
import type { RuleStore } from './rule-store';

export interface NotifyDeps {
  rules: Pick<RuleStore, 'list' | 'get' | 'put'>;
  once: OnceGuard;
  /** As the app: the trigger runs with no user. */
  matchesJql(issueKey: string, jql: string): Promise<boolean>;
  readRoles(issueKey: string): Promise<IssueRoles>;
  /** The issue an attachment event names by id (as the app); undefined when the app cannot see it. */
  issueRef(issueId: string): Promise<IssueEventFact['issue'] | undefined>;
  /** Addresses of people whose address Jira hides, through its Email API (as the app). */
  readUserEmails: ReadUserEmails;
  /** Renders the issue (as the app) with the rule's template and puts the email in the outbox. */
  queue(rule: NotificationRuleView, fact: IssueEventFact, to: Recipient[]): Promise<{ emailId: string }>;
  log(line: string): void;
  now: Clock;
}

export type RuleOutcome = 'queued' | 'duplicate' | 'jql-mismatch' | 'jql-rejected' | 'no-recipients' | 'failed';

export interface NotifySummary {
  /** The event was caused by an app (ours included): nothing is sent in reply. */
  ignored: boolean;
  outcomes: Array<{ ruleId: string; outcome: RuleOutcome }>;
}

const sameStatus = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Whether the rule listens for this event: its kind, and the status or field it names. */
export const listensTo = (rule: Pick<NotificationRuleView, 'event' | 'toStatus' | 'fieldId'>, fact: IssueEventFact): boolean => {
  if (rule.event !== fact.kind) return false;
  if (rule.event === 'issue-transitioned') {
    return rule.toStatus === undefined || (fact.toStatus !== undefined && sameStatus(rule.toStatus, fact.toStatus));
  }
  if (rule.event === 'field-changed') return rule.fieldId !== undefined && (fact.fields ?? []).some((field) => field.id === rule.fieldId);
  return true;
};

/** The rules an event of this kind, project and status (or field) calls for, before their JQL is asked. */
export const rulesFor = (rules: readonly NotificationRuleView[], fact: IssueEventFact): NotificationRuleView[] =>
  rules.filter((rule) => rule.enabled && listensTo(rule, fact) && rule.projectKeys.includes(fact.issue.projectKey));

const fireRule = async (rule: NotificationRuleView, fact: IssueEventFact, deps: NotifyDeps): Promise<RuleOutcome> => {
  if (rule.jql !== undefined) {
    try {
      if (!(await deps.matchesJql(fact.issue.key, rule.jql))) return 'jql-mismatch';
    } catch (error) {
      if (error instanceof JiraError && error.code === JiraErrorCode.JqlRejected) return 'jql-rejected';
      throw error;
    }
  }
  const roles = rule.recipients.roles.length === 0 ? undefined : await deps.readRoles(fact.issue.key);
  const people = roles === undefined ? [] : await recipientsOfRoles(roles, rule.recipients.roles, deps.readUserEmails);
  const to = [...rule.recipients.addresses, ...people];
  if (to.length === 0) return 'no-recipients';
  const recipients = foldRecipients({ to, cc: [], bcc: [] });

  if (!(await deps.once.claim(rule.id, fact.eventId))) return 'duplicate';
  try {
    await deps.queue(rule, fact, recipients.to);
  } catch (error) {
    await deps.once.release(rule.id, fact.eventId);
    throw error;
  }
  return 'queued';
};

/** Counts a firing on the rule; a lost update only makes the count a little low. */
const countFiring = async (ruleId: string, deps: NotifyDeps): Promise<void> => {
  try {
    const current = await deps.rules.get(ruleId);
    if (current === undefined) return;
    await deps.rules.put({ ...current, firedCount: current.firedCount + 1, lastFiredAt: new Date(deps.now()).toISOString() });
  } catch (error) {
    deps.log(`notification rule ${ruleId}: counting a firing failed (${safeErrorLabel(error)})`);
  }
};

/**
 * The notification rules' answer to one Jira event: each enabled rule for its kind, project and status (and
 * JQL, asked of Jira) queues one email to its recipients, at most once per event however often the event is
 * delivered. Events made by an app are never answered, so the app's own comments cannot start a loop even where
 * the platform's ignoreSelf filter does not apply. One rule failing does not stop the others.
 */
export const notifyRules = async (fact: IssueEventFact, deps: NotifyDeps): Promise<NotifySummary> => {
  if (fact.byApp) return { ignored: true, outcomes: [] };
  const outcomes: NotifySummary['outcomes'] = [];
  for (const rule of rulesFor(await deps.rules.list(), fact)) {
    let outcome: RuleOutcome;
    try {
      outcome = await fireRule(rule, fact, deps);
    } catch (error) {
      deps.log(`notification rule ${rule.id} on ${fact.issue.key}: ${safeErrorLabel(error)}`);
      outcome = 'failed';
    }
    if (outcome === 'queued') await countFiring(rule.id, deps);
    if (outcome === 'jql-rejected' || outcome === 'no-recipients') deps.log(`notification rule ${rule.id} on ${fact.issue.key}: ${outcome}`);
    outcomes.push({ ruleId: rule.id, outcome });
  }
  return { ignored: false, outcomes };
};

import type { MailSettings } from '../contract/mail-settings';
import type { NotificationRuleView, RuleTrial } from '../contract/notification-rules';
import type { StoredCredential } from '../credentials/stored-credential';
import { JiraError, JiraErrorCode } from '../jira/errors';
import type { IssueSnapshot } from '../jira/issue';
import type { IssueRoles } from '../jira/issue-people';
import { composeIssueEmail } from '../mail/compose-issue-email';
import { nameEmbeddedImage } from '../mail/embedded-images';
import type { IssueEmailDeps } from '../mail/issue-email-ports';
import type { ReadUserEmails } from '../mail/person-recipients';
import { recipientLabel } from '../mail/recipients';
import { RuleNotFoundError } from './errors';
import type { IssueEventFact } from './issue-event';
import { eventLine } from './queue-notification';
import { ruleRecipients } from './rule-recipients';

/** Jira as the admin trying the rule: nothing is read that the admin could not read themselves. */
export interface TryRuleDeps extends Pick<IssueEmailDeps, 'jira' | 'templates'> {
  rule: (id: string) => Promise<NotificationRuleView | undefined>;
  readIssue: (issueKey: string) => Promise<IssueSnapshot>;
  matchesJql: (issueKey: string, jql: string) => Promise<boolean>;
  readRoles: (issueKey: string) => Promise<IssueRoles>;
  readUserEmails: ReadUserEmails;
  credential: (id: string | undefined) => Promise<StoredCredential>;
  readSettings: () => Promise<MailSettings>;
}

const skip = (reason: string): RuleTrial => ({ outcome: 'would-skip', reason });

/** The event the rule answers, as it would read on this issue (who did it is not known: "Someone"). */
const sampleFact = (rule: NotificationRuleView, issue: IssueSnapshot): IssueEventFact => ({
  kind: rule.event,
  eventId: 'try',
  issue: { id: issue.id, key: issue.key, projectKey: issue.project?.key ?? '' },
  actorAccountId: undefined,
  byApp: false,
  ...(rule.event === 'issue-transitioned' ? { toStatus: rule.toStatus ?? issue.status?.name ?? 'a new status' } : {}),
  ...(rule.event === 'field-changed' && rule.fieldId !== undefined
    ? { fields: [{ id: rule.fieldId, name: rule.fieldId }] }
    : {}),
  ...(rule.event === 'priority-changed' ? { change: { from: null, to: issue.priority ?? null } } : {}),
  ...(rule.event === 'issue-assigned' ? { change: { from: null, to: issue.assignee ?? null } } : {}),
  ...(rule.event === 'issue-resolved' ? { change: { from: null, to: 'Done' } } : {}),
  ...(rule.event === 'attachment-added' ? { attachment: { id: '0', fileName: 'a file' } } : {}),
});

/**
 * "Try on an issue": what the rule would send for this issue if its event happened now (recipients resolved,
 * subject, rendered body), or why it would send nothing, read as the admin and never sent or queued.
 */
export const tryRule = async (id: string, issueKey: string, deps: TryRuleDeps): Promise<RuleTrial> => {
  const rule = await deps.rule(id);
  if (rule === undefined) throw new RuleNotFoundError(id);
  let issue: IssueSnapshot;
  try {
    issue = await deps.readIssue(issueKey);
  } catch (error) {
    if (
      error instanceof JiraError &&
      (error.code === JiraErrorCode.IssueNotFound || error.code === JiraErrorCode.Forbidden)
    ) {
      return skip(`There is no issue ${issueKey} you can see.`);
    }
    throw error;
  }
  const projectKey = issue.project?.key ?? '';
  if (!rule.projectKeys.includes(projectKey)) return skip(`Project ${projectKey} is not in the rule.`);
  if (!rule.enabled) return skip('The rule is off: it sends nothing until you enable it.');
  if (rule.jql !== undefined) {
    try {
      if (!(await deps.matchesJql(issue.key, rule.jql))) return skip(`${issue.key} does not match the rule's JQL.`);
    } catch (error) {
      if (error instanceof JiraError && error.code === JiraErrorCode.JqlRejected)
        return skip("Jira refused the rule's JQL; edit the rule.");
      throw error;
    }
  }
  const roles = rule.recipients.roles.length === 0 ? undefined : await deps.readRoles(issue.key);
  const { to, gaps } = await ruleRecipients(rule, roles, deps.readUserEmails);
  if (to.length === 0) return skip(`No recipients: ${gaps.join('; ') || 'the rule names no one'}.`);
  const [credential, settings] = await Promise.all([deps.credential(rule.credentialId), deps.readSettings()]);
  const fact = sampleFact(rule, issue);
  const email = await composeIssueEmail(
    {
      issueKey: issue.key,
      issue,
      content: {
        subject: '',
        message: eventLine(fact, issue, undefined),
        templateId: rule.templateId,
        includeFields: true,
        includeDescription: true,
        comments: rule.event === 'issue-commented' ? 'latest' : 'none',
        latestComments: 1,
        attachmentIds: [],
      },
      settings,
      senderMailbox: credential.senderMailbox,
      rule: { name: rule.name },
    },
    deps,
  );
  // Embedded images point at cid: parts a page cannot show; the trial names them instead (as the dialog's preview
  // does for large ones) and downloads nothing.
  let html = email.html;
  for (const attachment of email.attachments) {
    if (attachment.contentId === undefined) continue;
    html = nameEmbeddedImage(html, attachment.contentId, attachment.meta.filename);
  }
  return { outcome: 'would-send', to: to.map(recipientLabel), subject: email.subject, html, notes: gaps };
};

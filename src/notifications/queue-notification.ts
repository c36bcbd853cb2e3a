import type { MailSettings } from '../contract/mail-settings';
import type { NotificationRuleView } from '../contract/notification-rules';
import type { StoredCredential } from '../credentials/stored-credential';
import type { IssueSnapshot } from '../jira/issue';
import { queueIssueEmail, type QueueIssueEmailDeps } from '../mail/queue-issue-email';
import { foldRecipients, type RecipientEntry } from '../mail/recipients';
import type { IssueEventFact } from './issue-event';

export interface QueueNotificationDeps extends QueueIssueEmailDeps {
  /** The rule's credential, else the default one. */
  credential: (id: string | undefined) => Promise<StoredCredential>;
  readSettings: () => Promise<MailSettings>;
  /** As the app. */
  readIssue: (issueKey: string) => Promise<IssueSnapshot>;
  /** A Jira user's display name, as the app sees it; undefined when unknown. */
  userName: (accountId: string) => Promise<string | undefined>;
}

const changedNames = (fact: IssueEventFact): string => {
  const names = [...new Set((fact.fields ?? []).map((field) => field.name))];
  return names.length === 0 ? 'a field' : names.join(', ');
};

/** The line above the issue in a notification: what happened, and who did it when Jira says. */
export const eventLine = (
  fact: IssueEventFact,
  issue: Pick<IssueSnapshot, 'key'>,
  actor: string | undefined,
): string => {
  const who = actor ?? 'Someone';
  switch (fact.kind) {
    case 'issue-created':
      return `${who} created ${issue.key}.`;
    case 'issue-commented':
      return `${who} commented on ${issue.key}.`;
    case 'issue-transitioned':
      return `${who} moved ${issue.key} to ${fact.toStatus ?? 'a new status'}.`;
    case 'issue-assigned':
      return `${who} assigned ${issue.key} to ${fact.change?.to ?? 'someone'}.`;
    case 'issue-resolved':
      return `${who} resolved ${issue.key} as ${fact.change?.to ?? 'resolved'}.`;
    case 'priority-changed':
      return `${who} changed the priority of ${issue.key} from ${fact.change?.from ?? 'none'} to ${fact.change?.to ?? 'none'}.`;
    case 'field-changed':
      return `${who} changed ${changedNames(fact)} on ${issue.key}.`;
    case 'attachment-added':
      return `${who} attached ${fact.attachment?.fileName ?? 'a file'} to ${issue.key}.`;
  }
};

/**
 * The email a notification rule sends for an event: the issue read as the app, through the rule's template, the
 * new comment included for a comment event, from the rule's mailbox. No "Emailed to" comment follows it: a
 * notification is the app answering a change, and must not make one.
 */
export const queueNotification = async (
  rule: NotificationRuleView,
  fact: IssueEventFact,
  to: readonly RecipientEntry[],
  deps: QueueNotificationDeps,
): Promise<{ emailId: string }> => {
  const [credential, settings, issue, actor] = await Promise.all([
    deps.credential(rule.credentialId),
    deps.readSettings(),
    deps.readIssue(fact.issue.key),
    fact.actorAccountId === undefined ? Promise.resolve(undefined) : deps.userName(fact.actorAccountId),
  ]);
  const record = await queueIssueEmail(
    {
      issue,
      content: {
        subject: '',
        message: eventLine(fact, issue, actor),
        templateId: rule.templateId,
        includeFields: true,
        includeDescription: true,
        comments: fact.kind === 'issue-commented' ? 'latest' : 'none',
        latestComments: 1,
        attachmentIds: [],
      },
      recipients: foldRecipients({ to, cc: [], bcc: [] }),
      credential,
      settings,
      requestedBy: { accountId: fact.actorAccountId ?? '', name: `Notification rule "${rule.name}"` },
      // The rule's email is the app's reading of the issue, embedded images included.
      attachmentsReadAs: 'app',
      commentAfterSend: false,
      rule: { name: rule.name },
      author: 'automatic',
    },
    deps,
  );
  return { emailId: record.emailId };
};

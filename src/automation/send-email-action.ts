import type { CredentialView } from '../contract/credentials';
import type { MailSettings } from '../contract/mail-settings';
import type { TemplateView } from '../contract/templates';
import type { StoredCredential } from '../credentials/stored-credential';
import type { IssueSnapshot } from '../jira/issue';
import type { IssueRoles } from '../jira/issue-people';
import type { IssueEmailDeps } from '../mail/issue-email-ports';
import type { ReadUserEmails } from '../mail/person-recipients';
import { queueIssueEmail, type QueueIssueEmailDeps } from '../mail/queue-issue-email';
import { foldRecipients, type Recipient } from '../mail/recipients';
import { recipientsOfRoles } from '../mail/role-recipients';
import { parseActionInputs } from './action-inputs';
import { ActionInputError, RuleActorNotAllowedError, RuleSendLimitError } from './errors';
import { RULE_EMAILS_PER_ISSUE_PER_HOUR, ruleKeyOf, type RuleSendCap } from './rule-send-cap';

export interface SendEmailActionDeps extends QueueIssueEmailDeps {
  listTemplates: () => Promise<TemplateView[]>;
  listCredentials: () => Promise<CredentialView[]>;
  credential: (id: string) => Promise<StoredCredential>;
  readSettings: () => Promise<MailSettings>;
  /** The admin's "who may send", asked about the rule's actor as for the dialog's sender. */
  checkPermission: IssueEmailDeps['checkPermission'];
  sendCap: RuleSendCap;
  /** As the rule's actor (Automation invokes actions as a user). */
  readIssue: (issueKey: string) => Promise<IssueSnapshot>;
  readRoles: (issueKey: string) => Promise<IssueRoles>;
  /** Addresses of people whose address Jira hides from the rule's actor, through its Email API (as the app). */
  readUserEmails: ReadUserEmails;
}

export interface QueuedByAction {
  emailId: string;
  issueKey: string;
  recipientCount: number;
  /** The line for the rule's audit log: who was emailed. */
  message: string;
}

/** The audit log names this many recipients, then counts the rest. */
export const AUDIT_NAMES_SHOWN = 20;

/**
 * Who an email goes to, as the rule's audit log may show it: addresses as typed or as Jira showed them to the rule's
 * actor, and a person whose address Jira hides by name only (anyone who can read the audit log reads it).
 */
export const auditMessage = (issueKey: string, to: readonly Recipient[]): string => {
  const shown = to.map((recipient) => {
    if (recipient.hidden !== undefined) return recipient.hidden.name;
    return recipient.name === undefined ? recipient.address : `${recipient.name} <${recipient.address}>`;
  });
  const listed = shown.slice(0, AUDIT_NAMES_SHOWN).join(', ');
  const more = shown.length > AUDIT_NAMES_SHOWN ? ` and ${shown.length - AUDIT_NAMES_SHOWN} more` : '';
  return `Queued an email of ${issueKey} to ${listed}${more}.`;
};

const names = (values: readonly string[]): string => (values.length === 0 ? 'none' : values.join(', '));
const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

const chooseTemplate = (templates: readonly TemplateView[], name: string | undefined): string | undefined => {
  if (name === undefined) return undefined;
  const found = templates.find((template) => same(template.name, name));
  if (found === undefined) {
    throw new ActionInputError(
      `There is no Issue Mailer template named "${name}". Templates: ${names(templates.map((t) => t.name))}.`,
    );
  }
  return found.id;
};

/** Long inputs are cut: the audit log repeats what the author typed, not a copy of it. */
const quoted = (value: string): string => `"${value.length > 60 ? `${value.slice(0, 59)}…` : value}"`;

/**
 * The default credential, or one the admin let rules send from, by name or sender address. Anything else (unknown,
 * or a credential rules may not use) gets the same answer, which names no credential or mailbox: the rule's author
 * may be no admin, and the audit log is no way to find out which mailboxes exist.
 */
const chooseCredential = (
  credentials: readonly CredentialView[],
  settings: MailSettings,
  wanted: string | undefined,
): CredentialView => {
  const fallback = credentials.find((credential) => credential.isDefault) ?? credentials[0];
  if (fallback === undefined) {
    throw new ActionInputError(
      'Issue Mailer has no Microsoft 365 credential yet: a Jira admin adds one on the Issue Mailer admin page.',
    );
  }
  if (wanted === undefined) return fallback;
  const allowed = credentials.filter(
    (credential) => credential.id === fallback.id || settings.automationCredentialIds.includes(credential.id),
  );
  const found = allowed.find((credential) => same(credential.name, wanted) || same(credential.senderMailbox, wanted));
  if (found === undefined) {
    throw new ActionInputError(
      `Not sent: ${quoted(wanted)} is not a mailbox Automation rules may send from. Leave "Sender mailbox" empty to send from ` +
        "Issue Mailer's default mailbox, or ask a Jira admin which mailboxes rules may use.",
    );
  }
  return found;
};

const nobodyMessage = (roles: readonly string[]): string =>
  roles.length === 0
    ? 'No one to email: "Recipients" names no address.'
    : `No one to email: the issue has no ${roles.join(' or ')} with an email address, and "Recipients" names no address.`;

/**
 * "Send issue email" for Jira Automation: emails the rule's issue (read as the rule's actor) through a template,
 * from a credential's mailbox, to addresses and the issue's reporter, assignee or watchers, through the outbox.
 * The actor must be allowed to send as in the dialog, the mailbox must be one the admin lets rules use, and a rule
 * sends an issue at most RULE_EMAILS_PER_ISSUE_PER_HOUR emails an hour. It never comments on the issue: a rule
 * that reacts to comments would trigger itself, and the rule's audit log records each run anyway.
 * A configuration the rule author must fix is an ActionInputError whose message goes to the rule's audit log.
 */
export const runSendEmailAction = async (
  payload: unknown,
  actorAccountId: string,
  deps: SendEmailActionDeps,
): Promise<QueuedByAction> => {
  const inputs = parseActionInputs(payload);
  const settings = await deps.readSettings();
  // Who the actor is comes first: someone who may not send learns nothing of templates or mailboxes.
  const issue = await deps.readIssue(inputs.issueKey);
  const permission = await deps.checkPermission(settings, issue.project?.key, actorAccountId);
  if (!permission.allowed) throw new RuleActorNotAllowedError(permission.reason);

  const [templates, credentials] = await Promise.all([deps.listTemplates(), deps.listCredentials()]);
  const templateId = chooseTemplate(templates, inputs.template);
  const chosen = chooseCredential(credentials, settings, inputs.mailbox);
  const roles = inputs.roles.length === 0 ? undefined : await deps.readRoles(issue.key);
  const people = roles === undefined ? [] : await recipientsOfRoles(roles, inputs.roles, deps.readUserEmails);
  const to = [...inputs.addresses, ...people];
  if (to.length === 0) throw new ActionInputError(nobodyMessage(inputs.roles));
  const recipients = foldRecipients({ to, cc: [], bcc: [] });
  const credential = await deps.credential(chosen.id);

  const ruleKey = ruleKeyOf(inputs);
  const slot = await deps.sendCap.claim(issue.id, ruleKey);
  if (slot === undefined) throw new RuleSendLimitError(issue.key, RULE_EMAILS_PER_ISSUE_PER_HOUR);
  try {
    const record = await queueIssueEmail(
      {
        issue,
        content: {
          subject: '',
          message: inputs.message,
          ...(templateId === undefined ? {} : { templateId }),
          includeFields: true,
          includeDescription: true,
          comments: 'none',
          latestComments: 1,
          attachmentIds: [],
        },
        recipients,
        credential,
        settings,
        // Named after the rule's actor, whose view of the issue the email shows.
        requestedBy: { accountId: actorAccountId },
        attachmentsReadAs: { accountId: actorAccountId },
        commentAfterSend: false,
        author: 'automatic',
      },
      deps,
    );
    return {
      emailId: record.emailId,
      issueKey: issue.key,
      recipientCount: recipients.to.length,
      message: auditMessage(issue.key, recipients.to),
    };
  } catch (error) {
    // A slot that cannot be given back frees itself within the hour; the first failure is the one to report.
    await deps.sendCap.release(issue.id, ruleKey, slot).catch(() => undefined);
    throw error;
  }
};

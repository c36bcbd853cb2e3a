import type { CredentialView } from '../contract/credentials';
import type { MailSettings } from '../contract/mail-settings';
import type { TemplateView } from '../contract/templates';
import type { StoredCredential } from '../credentials/stored-credential';
import type { IssueSnapshot } from '../jira/issue';
import type { IssueRoles } from '../jira/issue-people';
import { queueIssueEmail, type QueueIssueEmailDeps } from '../mail/queue-issue-email';
import type { ReadUserEmails } from '../mail/person-recipients';
import { foldRecipients } from '../mail/recipients';
import { recipientsOfRoles } from '../mail/role-recipients';
import { parseActionInputs } from './action-inputs';
import { ActionInputError } from './errors';

export interface SendEmailActionDeps extends QueueIssueEmailDeps {
  listTemplates(): Promise<TemplateView[]>;
  listCredentials(): Promise<CredentialView[]>;
  credential(id: string): Promise<StoredCredential>;
  readSettings(): Promise<MailSettings>;
  /** As the rule's actor (Automation invokes actions as a user). */
  readIssue(issueKey: string): Promise<IssueSnapshot>;
  readRoles(issueKey: string): Promise<IssueRoles>;
  /** Addresses of people whose address Jira hides from the rule's actor, through its Email API (as the app). */
  readUserEmails: ReadUserEmails;
}

export interface QueuedByAction {
  emailId: string;
  issueKey: string;
  recipientCount: number;
}

const names = (values: readonly string[]): string => (values.length === 0 ? 'none' : values.join(', '));
const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

const chooseTemplate = (templates: readonly TemplateView[], name: string | undefined): string | undefined => {
  if (name === undefined) return undefined;
  const found = templates.find((template) => same(template.name, name));
  if (found === undefined) {
    throw new ActionInputError(`There is no Issue Mailer template named "${name}". Templates: ${names(templates.map((t) => t.name))}.`);
  }
  return found.id;
};

const chooseCredential = (credentials: readonly CredentialView[], wanted: string | undefined): CredentialView => {
  if (credentials.length === 0) {
    throw new ActionInputError('Issue Mailer has no Microsoft 365 credential yet: a Jira admin adds one on the Issue Mailer admin page.');
  }
  if (wanted === undefined) return credentials.find((credential) => credential.isDefault) ?? (credentials[0] as CredentialView);
  const found = credentials.find((credential) => same(credential.name, wanted) || same(credential.senderMailbox, wanted));
  if (found === undefined) {
    const known = credentials.map((credential) => `${credential.name} (${credential.senderMailbox})`);
    throw new ActionInputError(`There is no Issue Mailer credential or sender mailbox "${wanted}". Credentials: ${names(known)}.`);
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
 * A configuration the rule author must fix is an ActionInputError whose message goes to the rule's audit log.
 */
export const runSendEmailAction = async (payload: unknown, actorAccountId: string, deps: SendEmailActionDeps): Promise<QueuedByAction> => {
  const inputs = parseActionInputs(payload);
  const [templates, credentials, settings] = await Promise.all([deps.listTemplates(), deps.listCredentials(), deps.readSettings()]);
  const templateId = chooseTemplate(templates, inputs.template);
  const chosen = chooseCredential(credentials, inputs.mailbox);
  const issue = await deps.readIssue(inputs.issueKey);
  const roles = inputs.roles.length === 0 ? undefined : await deps.readRoles(issue.key);
  const people = roles === undefined ? [] : await recipientsOfRoles(roles, inputs.roles, deps.readUserEmails);
  const to = [...inputs.addresses, ...people];
  if (to.length === 0) throw new ActionInputError(nobodyMessage(inputs.roles));
  const recipients = foldRecipients({ to, cc: [], bcc: [] });
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
      credential: await deps.credential(chosen.id),
      settings,
      // Named after the rule's actor, whose view of the issue the email shows.
      requestedBy: { accountId: actorAccountId },
      attachmentsReadAs: { accountId: actorAccountId },
      commentAfterSend: settings.commentAfterSend,
    },
    deps,
  );
  return { emailId: record.emailId, issueKey: issue.key, recipientCount: recipients.to.length };
};

import { readsOwnMailboxOnly } from '../contract/credential-kinds';
import type { CredentialView } from '../contract/credentials';
import type { IssueTypeRef, MailHandlerView, ParsedMailHandlerInput } from '../contract/mail-handlers';
import type { ProjectRef } from '../contract/mail-settings';

/** A handler as saved, before its id and times: what the service checks against the others. */
export type HandlerDraft = Omit<MailHandlerView, 'id' | 'createdAt' | 'updatedAt'>;

/** What the checks need to know of a credential. */
export interface HandlerCredential {
  id: string;
  name: string;
  senderMailbox: string;
  /** It acts as its sender mailbox and can read no other (contract/credential-kinds.ts readsOwnMailboxOnly). */
  ownMailboxOnly: boolean;
}

/** A credential as the checks see it. */
export const toHandlerCredential = (
  view: Pick<CredentialView, 'id' | 'name' | 'senderMailbox' | 'provider' | 'grantType'>,
): HandlerCredential => ({
  id: view.id,
  name: view.name,
  senderMailbox: view.senderMailbox,
  ownMailboxOnly: readsOwnMailboxOnly(view),
});

/** What the backend alone can check: what the handler names exists, and it does not clash with another handler. */
export interface HandlerWorld {
  credentials: readonly HandlerCredential[];
  /** The projects the app's own Jira account can see (handlers create issues as the app). */
  appProjects: () => Promise<ProjectRef[]>;
  issueTypes: (projectKey: string) => Promise<IssueTypeRef[]>;
  /** The other handlers (the one being edited left out). */
  others: readonly MailHandlerView[];
}

const lower = (value: string) => value.trim().toLowerCase();

/** The mailbox a handler reads: its own, or its credential's sender mailbox. */
export const mailboxOf = (
  handler: Pick<MailHandlerView, 'mailbox' | 'credentialId'>,
  credentials: readonly HandlerCredential[],
) => handler.mailbox ?? credentials.find((credential) => credential.id === handler.credentialId)?.senderMailbox;

/** Only what a handler means: no other mailbox when it is the credential's own, domains once and only when used. */
export const normaliseHandler = (
  input: ParsedMailHandlerInput,
  credentials: readonly HandlerCredential[],
): HandlerDraft => {
  const { id: _id, mailbox, allowedDomains, projectKey, issueTypeId, defaultReporter, ...rest } = input;
  const sender = credentials.find((credential) => credential.id === input.credentialId)?.senderMailbox;
  const ownMailbox =
    mailbox === undefined || mailbox === '' || (sender !== undefined && lower(sender) === lower(mailbox));
  return {
    ...rest,
    ...(ownMailbox ? {} : { mailbox }),
    allowedDomains: input.senders === 'domains' ? [...new Set(allowedDomains)] : [],
    ...(projectKey === undefined || projectKey === '' ? {} : { projectKey }),
    ...(issueTypeId === undefined || issueTypeId === '' ? {} : { issueTypeId }),
    ...(defaultReporter === undefined ? {} : { defaultReporter }),
  };
};

const projectProblems = async (draft: HandlerDraft, world: HandlerWorld): Promise<Record<string, string>> => {
  if (draft.mode !== 'issues-and-comments' || draft.projectKey === undefined) return {};
  const projects = await world.appProjects();
  if (!projects.some((project) => project.key === draft.projectKey)) {
    return {
      projectKey: `Issue Mailer's own Jira account cannot see project ${draft.projectKey}. Choose another, or grant the atlassian-addons-project-access role Browse projects and Create issues there.`,
    };
  }
  if (draft.issueTypeId === undefined) return {};
  const types = await world.issueTypes(draft.projectKey);
  return types.some((type) => type.id === draft.issueTypeId)
    ? {}
    : { issueTypeId: `Project ${draft.projectKey} has no such issue type any more. Choose another.` };
};

/**
 * Per-field messages for what the schema cannot know: an unknown credential, a project or issue type the app
 * cannot use, a name another handler has, or a folder another handler already reads.
 */
export const handlerProblems = async (draft: HandlerDraft, world: HandlerWorld): Promise<Record<string, string>> => {
  const problems: Record<string, string> = {};
  const credential = world.credentials.find((known) => known.id === draft.credentialId);
  if (credential === undefined) problems.credentialId = 'That credential no longer exists. Choose another.';
  if (credential?.ownMailboxOnly === true && draft.mailbox !== undefined) {
    problems.mailbox = `“${credential.name}” reads only the mailbox it acts as, ${credential.senderMailbox}. Choose “The credential's sender mailbox”, or a credential that may read ${draft.mailbox}.`;
  }
  const sameName = world.others.find((other) => lower(other.name) === lower(draft.name));
  if (sameName !== undefined) problems.name = `Another handler is called “${sameName.name}”. Choose another name.`;
  const mailbox = mailboxOf(draft, world.credentials);
  const sameFolder =
    mailbox === undefined
      ? undefined
      : world.others.find(
          (other) =>
            lower(mailboxOf(other, world.credentials) ?? '') === lower(mailbox) &&
            lower(other.folder) === lower(draft.folder),
        );
  if (sameFolder !== undefined) {
    problems.folder = `The handler “${sameFolder.name}” already reads this folder of ${mailbox}: one handler per folder, or mail would be taken twice.`;
  }
  return { ...problems, ...(await projectProblems(draft, world)) };
};

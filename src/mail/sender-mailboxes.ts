import type { SenderOption } from '../contract/issue-email';
import type { MailSettings } from '../contract/mail-settings';
import { CredentialNotFoundError } from '../credentials/errors';
import type { StoredCredential } from '../credentials/stored-credential';
import { MailValidationError } from './errors';
import type { IssueEmailDeps } from './issue-email-ports';

type SenderDeps = Pick<IssueEmailDeps, 'credentials'>;
/** What choosing a sender reads: the default credential and the chosen one. */
type ChosenSenderDeps = { credentials: Pick<IssueEmailDeps['credentials'], 'getDefault' | 'get'> };

/** Said of a credential id the person may not use: it names no mailbox, so nothing is learnt of the others. */
export const SENDER_NOT_ALLOWED = 'Choose a mailbox from the From list.';

/** The project's own list when the admin gave it one, else the all-projects list. */
export const allowedIds = (settings: MailSettings, projectKey: string | undefined): ReadonlySet<string> => {
  const own =
    projectKey === undefined ? undefined : settings.projectSenders.find((entry) => entry.projectKey === projectKey);
  return new Set(own?.credentialIds ?? settings.senderCredentialIds ?? []);
};

/** The mailboxes a person may send from in the issue's project: the default credential's first, then the allowed ones. */
export const senderOptions = async (
  settings: MailSettings,
  projectKey: string | undefined,
  deps: SenderDeps,
): Promise<SenderOption[]> => {
  const allowed = allowedIds(settings, projectKey);
  const credentials = await deps.credentials.list();
  return credentials
    .filter((credential) => credential.isDefault || allowed.has(credential.id))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault))
    .map((credential) => ({ credentialId: credential.id, mailbox: credential.senderMailbox, name: credential.name }));
};

/**
 * The credential an email goes out through: the default one unless the person chose another the admin allows for
 * people in the issue's project (never the Automation list). Anything else is a validation error of `credentialId`.
 */
export const chosenSender = async (
  settings: MailSettings,
  projectKey: string | undefined,
  credentialId: string | undefined,
  deps: ChosenSenderDeps,
): Promise<StoredCredential> => {
  const fallback = await deps.credentials.getDefault();
  if (credentialId === undefined || credentialId === fallback.id) return fallback;
  if (!allowedIds(settings, projectKey).has(credentialId))
    throw new MailValidationError({ credentialId: SENDER_NOT_ALLOWED });
  try {
    return await deps.credentials.get(credentialId);
  } catch (error) {
    if (error instanceof CredentialNotFoundError) throw new MailValidationError({ credentialId: SENDER_NOT_ALLOWED });
    throw error;
  }
};

import type { HandlerCheckFailure } from '../../../contract/mail-handlers';
import type { HandlerMailbox, MailboxAnswer, MailboxTarget } from '../../../mail-handlers/handler-mailbox';
import type { GmailReadDeps } from '../gmail/gmail-call';
import { countMessages } from '../gmail/gmail-counts';
import { GmailError, GmailErrorCode } from '../gmail/gmail-errors';
import { ensureLabel, findLabel } from '../gmail/gmail-labels';

const REASONS: Partial<Record<string, HandlerCheckFailure>> = {
  [GmailErrorCode.NotFound]: 'mailbox-not-found',
  [GmailErrorCode.Forbidden]: 'access-denied',
  [GmailErrorCode.Unauthorized]: 'access-denied',
  [GmailErrorCode.RateLimited]: 'unavailable',
  [GmailErrorCode.DailyLimit]: 'unavailable',
  [GmailErrorCode.Unavailable]: 'unavailable',
  [GmailErrorCode.Unreachable]: 'unavailable',
  [GmailErrorCode.Timeout]: 'unavailable',
};

/**
 * Test's words for Gmail's refusals, in Google's terms: domain-wide delegation is granted per client ID and scope
 * in the Admin console (https://developers.google.com/identity/protocols/oauth2/service-account, "Delegating
 * domain-wide authority"), and reading needs gmail.modify.
 */
const MESSAGES: Readonly<Record<HandlerCheckFailure, string>> = {
  'mailbox-not-found': "Gmail has no such mailbox. Check the credential's mailbox to send as.",
  'folder-not-found': 'The mailbox has no label of that name. Check the folder, for example Inbox.',
  'access-denied':
    'Google refused to let the credential read this mailbox. In the Google Admin console (Security > Access and data control > API controls > Manage Domain Wide Delegation) allow the service account\'s client ID the scope https://www.googleapis.com/auth/gmail.modify, and tick "Also read incoming mail (gmail.modify)" on the credential.',
  unavailable: 'Gmail did not answer (or its quota is used up for now). Try again in a minute.',
};

const refused = (reason: HandlerCheckFailure): MailboxAnswer<never> => ({
  ok: false,
  reason,
  message: MESSAGES[reason],
});

/** What Gmail refused, as a check's reason; anything else (a token refusal, a bug) goes on to the resolver. */
const answered = async <T>(call: () => Promise<MailboxAnswer<T>>): Promise<MailboxAnswer<T>> => {
  try {
    return await call();
  } catch (error) {
    const reason = error instanceof GmailError ? REASONS[error.code] : undefined;
    if (reason === undefined) throw error;
    return refused(reason);
  }
};

/**
 * Test of a handler that reads a Gmail mailbox: its label (Inbox is the system label INBOX, any other a label
 * found by name) with its unread and total counts, and the processed label found or created. The subscription
 * check is the composition's (Gmail handlers have none: polled). `open` binds the target's credential.
 */
export const gmailHandlerMailbox = (
  open: (target: MailboxTarget) => Promise<GmailReadDeps>,
): Pick<HandlerMailbox, 'folderCounts' | 'ensureFolder'> => ({
  folderCounts: (target, folder) =>
    answered(async () => {
      const deps = await open(target);
      const isInbox = folder.trim().toLowerCase() === 'inbox';
      const label = isInbox ? { id: 'INBOX', name: folder } : await findLabel(folder, deps);
      if (label === undefined) return refused('folder-not-found');
      const [totalCount, unreadCount] = await Promise.all([
        countMessages([label.id], deps),
        countMessages([label.id, 'UNREAD'], deps),
      ]);
      return { ok: true, data: { displayName: isInbox ? folder : label.name, unreadCount, totalCount } };
    }),
  ensureFolder: (target, displayName) =>
    answered(async () => {
      const { created } = await ensureLabel(displayName, await open(target));
      return { ok: true, data: { created } };
    }),
});

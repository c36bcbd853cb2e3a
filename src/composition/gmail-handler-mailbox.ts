import type { HandlerCheckFailure } from '../contract/mail-handlers';
import type { GmailReadDeps } from '../google/gmail/gmail-call';
import { countMessages } from '../google/gmail/gmail-counts';
import { GmailError, GmailErrorCode } from '../google/gmail/gmail-errors';
import { ensureLabel, findLabel } from '../google/gmail/gmail-labels';
import type { HandlerMailbox, MailboxAnswer, MailboxTarget } from '../mail-handlers/handler-mailbox';

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

/** What Gmail refused, as a check's reason; anything else (a token refusal, a bug) goes on to the resolver. */
const answered = async <T>(call: () => Promise<MailboxAnswer<T>>): Promise<MailboxAnswer<T>> => {
  try {
    return await call();
  } catch (error) {
    const reason = error instanceof GmailError ? REASONS[error.code] : undefined;
    if (reason === undefined) throw error;
    return { ok: false, reason };
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
      if (label === undefined) return { ok: false, reason: 'folder-not-found' };
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

import type { HandlerCheckFailure } from '../../../contract/mail-handlers';
import type { HandlerMailbox, MailboxAnswer, MailboxTarget } from '../../../mail-handlers/handler-mailbox';
import type { Clock } from '../../../shared/seams';
import { GraphError, GraphErrorCode } from '../graph/errors';
import { InboundErrorCode, InboundGraphError } from '../graph/inbound-errors';
import type { InboundMailbox } from '../graph/inbound-mailbox';
import type { MailFolder } from '../graph/mail-folders';

export interface GraphHandlerMailboxDeps {
  /** The incoming-mail Graph client of the target's credential, bound to its mailbox. */
  open: (
    target: MailboxTarget,
  ) => Promise<Pick<InboundMailbox, 'readFolder' | 'findChildFolder' | 'ensureChildFolder'>>;
  /** The handler's subscription as the app stored it when it created or renewed it; undefined when none. */
  readSubscription: (handlerId: string) => Promise<{ expirationDateTime: string } | undefined>;
  now: Clock;
}

/** The mailbox's root: a processed folder and a named folder to read sit at the top of the mailbox. */
const ROOT = 'msgfolderroot';
const INBOX = 'inbox';

const REASONS: Partial<Record<string, HandlerCheckFailure>> = {
  [GraphErrorCode.MailboxNotFound]: 'mailbox-not-found',
  [GraphErrorCode.MailboxNotEnabled]: 'mailbox-not-found',
  [GraphErrorCode.AccessDenied]: 'access-denied',
  [GraphErrorCode.AppAccessPolicyDenied]: 'access-denied',
  [GraphErrorCode.Unauthorized]: 'access-denied',
  [GraphErrorCode.Throttled]: 'unavailable',
  [GraphErrorCode.Unavailable]: 'unavailable',
  [GraphErrorCode.Unreachable]: 'unavailable',
  [GraphErrorCode.Timeout]: 'unavailable',
};

/** Test's words for Microsoft 365's refusals: what to check in the app registration or the handler. */
export const MICROSOFT_CHECK_MESSAGES: Readonly<Record<HandlerCheckFailure, string>> = {
  'mailbox-not-found':
    "Microsoft 365 has no such mailbox. Check the mailbox address, or the credential's sender mailbox.",
  'folder-not-found': 'The mailbox has no folder of that name. Check the folder, for example Inbox.',
  'access-denied':
    "The credential may not read this mailbox. Grant the app registration Mail.ReadWrite (application) and check the mailbox's application access policy.",
  unavailable: 'Microsoft 365 did not answer. Try again in a minute.',
};

const refused = (reason: HandlerCheckFailure, requestId: string | undefined): MailboxAnswer<never> => ({
  ok: false,
  reason,
  ...(requestId === undefined ? {} : { requestId }),
  message: MICROSOFT_CHECK_MESSAGES[reason],
});

/** What Graph refused, as a check's reason; anything else (a token refusal, a bug) goes on to the resolver. */
const refusal = (error: unknown): MailboxAnswer<never> => {
  if (error instanceof InboundGraphError && error.code === InboundErrorCode.Gone)
    return refused('folder-not-found', error.requestId);
  const reason = error instanceof GraphError ? REASONS[error.code] : undefined;
  if (reason === undefined || !(error instanceof GraphError)) throw error;
  return refused(reason, error.requestId);
};

const answered = async <T>(call: () => Promise<MailboxAnswer<T>>): Promise<MailboxAnswer<T>> => {
  try {
    return await call();
  } catch (error) {
    return refusal(error);
  }
};

const stateOf = (folder: MailFolder, name: string) => ({
  displayName: folder.displayName ?? name,
  unreadCount: folder.unreadItemCount ?? 0,
  totalCount: folder.totalItemCount ?? 0,
});

/**
 * HandlerMailbox over the Graph client of incoming mail (src/providers/microsoft/graph/inbound-mailbox.ts), for the composition root
 * once it can open a credential's InboundMailbox: "Inbox" is the well-known `inbox`, any other folder a child of
 * the mailbox's root found by name (https://learn.microsoft.com/en-us/graph/api/mailfolder-get?view=graph-rest-1.0);
 * the processed folder is found or created there (`POST .../childFolders`, 409 ErrorFolderExists read as found:
 * https://learn.microsoft.com/en-us/graph/api/mailfolder-post-childfolders). The
 * subscription's state is the stored one: active until its expirationDateTime, expired after.
 */
export const graphHandlerMailbox = (deps: GraphHandlerMailboxDeps): HandlerMailbox => ({
  folderCounts: (target, folder) =>
    answered(async () => {
      const mailbox = await deps.open(target);
      if (folder.toLowerCase() === INBOX)
        return { ok: true, data: stateOf((await mailbox.readFolder(INBOX)).folder, folder) };
      const found = await mailbox.findChildFolder(ROOT, folder);
      return found === undefined ? refused('folder-not-found', undefined) : { ok: true, data: stateOf(found, folder) };
    }),
  ensureFolder: (target, displayName) =>
    answered(async () => {
      const { created } = await (await deps.open(target)).ensureChildFolder(ROOT, displayName);
      return { ok: true, data: { created } };
    }),
  subscriptionState: async (handlerId) => {
    const stored = await deps.readSubscription(handlerId);
    if (stored === undefined) return { ok: true, data: { status: 'none' } };
    const expired = Date.parse(stored.expirationDateTime) <= deps.now();
    return {
      ok: true,
      data: expired
        ? { status: 'expired', expiredAt: stored.expirationDateTime }
        : { status: 'active', expiresAt: stored.expirationDateTime },
    };
  },
});

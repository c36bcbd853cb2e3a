import type { HandlerMailbox, MailboxAnswer } from '../mail-handlers/handler-mailbox';

const NOT_CONNECTED: MailboxAnswer<never> = { ok: false, reason: 'not-connected' };

/**
 * Mail handlers' Microsoft Graph, until the Graph client of incoming mail (src/graph/) is plugged in: every check
 * answers `not-connected`, which Test shows as such, never as a success. The adapter that replaces this implements
 * HandlerMailbox (src/mail-handlers/handler-mailbox.ts) with the handler's credential:
 * - folderCounts: GET /users/{mailbox}/mailFolders/{inbox | the child folder of that displayName}
 *   ?$select=displayName,unreadItemCount,totalItemCount; 404 ErrorInvalidUser -> mailbox-not-found, no such folder ->
 *   folder-not-found, 403 -> access-denied, 429/5xx after retries -> unavailable.
 * - ensureFolder: find the child folder by displayName under msgfolderroot, else POST .../childFolders (409
 *   ErrorFolderExists is found: created false); same failure reasons.
 * - subscriptionState(handlerId): the handler's stored subscription (active until its expirationDateTime, expired
 *   after, none when there is none).
 */
export const createHandlerMailbox = (): HandlerMailbox => ({
  folderCounts: () => Promise.resolve(NOT_CONNECTED),
  ensureFolder: () => Promise.resolve(NOT_CONNECTED),
  subscriptionState: () => Promise.resolve(NOT_CONNECTED),
});

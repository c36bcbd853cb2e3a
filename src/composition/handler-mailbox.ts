import type { HandlerMailbox, MailboxAnswer } from '../mail-handlers/handler-mailbox';

const NOT_CONNECTED: MailboxAnswer<never> = { ok: false, reason: 'not-connected' };

/**
 * Mail handlers' Microsoft Graph, until the Graph client of incoming mail is plugged in: every check answers
 * `not-connected`, which Test shows as such, never as a success. To plug it in, return
 * graphHandlerMailbox (graph-handler-mailbox.ts) with
 * - open(target): inboundMailbox(target.mailbox, the Graph client deps of credential target.credentialId)
 *   (src/graph/inbound-mailbox.ts; built as the sending side builds them, src/delivery/graph-mail-sender.ts);
 * - readSubscription(handlerId): the subscription the pipeline stored for the handler (its expirationDateTime).
 * It implements HandlerMailbox (src/mail-handlers/handler-mailbox.ts): folderCounts reads `inbox` or the named
 * child of `msgfolderroot` with its counts; ensureFolder finds or creates the processed folder there (409 is
 * found); what Graph refuses becomes a reason (mailbox-not-found, folder-not-found, access-denied, unavailable).
 */
export const createHandlerMailbox = (): HandlerMailbox => ({
  folderCounts: () => Promise.resolve(NOT_CONNECTED),
  ensureFolder: () => Promise.resolve(NOT_CONNECTED),
  subscriptionState: () => Promise.resolve(NOT_CONNECTED),
});

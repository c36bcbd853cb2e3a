import type { EmulatorContext } from './context';
import { type GraphError, GraphErrors } from './graph-errors';

export type AcceptOutcome = { ok: true } | { ok: false; error: GraphError };

export interface SendToAccept {
  /** UPN of the sending mailbox. */
  mailbox: string;
  /** The Message-ID known before storing (the client's on sendMail, the draft's on /send). */
  internetMessageId: string | undefined;
  /**
   * Stores the message and gives its Message-ID. Synchronous, so the message-rate check and the store are one
   * step even with other sends in flight.
   */
  store: () => { ok: true; internetMessageId: string } | { ok: false; error: GraphError };
}

/**
 * The accept step both send paths share: message-rate limit, the crash-test hooks around the store, and the
 * accept count.
 */
export const acceptSend = async (ctx: EmulatorContext, send: SendToAccept): Promise<AcceptOutcome> => {
  const { delivery } = ctx;
  const refused = messageRateRefusal(ctx, send.mailbox);
  if (refused !== undefined) return refused;
  await delivery.hook?.('before-accept', info(send.mailbox, send.internetMessageId));
  // Other sends of the mailbox may have been accepted while the hook ran.
  const refusedNow = messageRateRefusal(ctx, send.mailbox);
  if (refusedNow !== undefined) return refusedNow;

  const stored = send.store();
  if (!stored.ok) return stored;
  delivery.recorder.accepted(send.mailbox, delivery.limits.recordSend(send.mailbox));
  await delivery.hook?.('after-accept', info(send.mailbox, stored.internetMessageId));
  return { ok: true };
};

const messageRateRefusal = (ctx: EmulatorContext, mailbox: string): AcceptOutcome | undefined => {
  const wait = ctx.delivery.limits.messageRateWait(mailbox);
  if (wait === undefined) return undefined;
  ctx.delivery.recorder.limitRefused('messageRate');
  return { ok: false, error: GraphErrors.messageRateExceeded(wait) };
};

const info = (mailbox: string, internetMessageId: string | undefined) =>
  internetMessageId === undefined ? { mailbox } : { mailbox, internetMessageId };

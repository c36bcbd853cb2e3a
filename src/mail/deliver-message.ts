import { GraphError, GraphErrorCode } from '../graph/errors';
import type { GraphClientDeps } from '../graph/graph-request';
import { sendMail } from '../graph/mail-client';
import type { MailMessage } from '../graph/mail-message';
import { addAttachment, createDraft, deleteDraft, sendDraft } from '../graph/message-drafts';
import { createUploadSession, uploadAttachment } from '../graph/upload-session';
import { safeErrorLabel } from '../shared/error-names';
import { planDelivery, UPLOAD_CHUNK_BYTES } from './delivery-plan';

const UNSURE = new Set<string>([GraphErrorCode.Timeout, GraphErrorCode.Unreachable]);

export interface DeliveryResult {
  /** Graph's request-id of the call that sent the mail (sendMail, or the draft's send). */
  requestId: string | undefined;
  clientRequestId: string;
  /** HTTP requests made, retries and upload chunks included. */
  attempts: number;
  delivery: 'single' | 'draft';
  /** The Message-ID replies will quote: the draft's, or on the single path the one the client chose. */
  internetMessageId: string | undefined;
  /** Graph's id of the draft that was sent; none on the single path. */
  messageId: string | undefined;
}

/**
 * Sends `message` from `mailbox`, keeping a copy in Sent Items, the way its size allows (delivery-plan.ts): one
 * sendMail, or a draft that takes its attachments one by one and is then sent. A draft left behind by a failure is
 * deleted (best effort) before the failure is rethrown, so Drafts does not fill up with half-built mail; not after
 * a send that got no answer, which may still go out.
 */
export const deliverMessage = async (mailbox: string, message: MailMessage, deps: GraphClientDeps): Promise<DeliveryResult> => {
  const plan = planDelivery(message);
  if (plan.kind === 'single') {
    const sent = await sendMail({ mailbox, message, saveToSentItems: true }, deps);
    return { ...sent, delivery: 'single', internetMessageId: message.internetMessageId, messageId: undefined };
  }

  const draft = await createDraft(mailbox, message, deps);
  let attempts = draft.receipt.attempts;
  let sending = false;
  try {
    for (const { attachment, how } of plan.attachments) {
      if (how === 'post') {
        attempts += (await addAttachment(mailbox, draft.id, attachment, deps)).attempts;
      } else {
        const session = await createUploadSession(mailbox, draft.id, attachment, deps);
        const uploaded = await uploadAttachment(session, attachment.bytes, { ...deps, chunkBytes: UPLOAD_CHUNK_BYTES });
        attempts += session.attempts + uploaded.attempts;
      }
    }
    sending = true;
    const sent = await sendDraft(mailbox, draft.id, deps);
    return {
      requestId: sent.requestId,
      clientRequestId: sent.clientRequestId,
      attempts: attempts + sent.attempts,
      delivery: 'draft',
      internetMessageId: draft.internetMessageId,
      messageId: draft.id,
    };
  } catch (error) {
    // A send that got no answer may still go out: deleting the draft then could take the mail with it.
    if (sending && error instanceof GraphError && UNSURE.has(error.code)) throw error;
    try {
      await deleteDraft(mailbox, draft.id, deps);
    } catch (cleanupError) {
      console.warn(`[issue-mailer] deleting an unsent draft failed: ${safeErrorLabel(cleanupError)}`);
    }
    throw error;
  }
};

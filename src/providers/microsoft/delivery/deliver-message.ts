import {
  type DeliveryResult,
  isInMemory,
  type MailAttachment,
  type OutgoingAttachment,
  type OutgoingMessage,
} from '../../../mail-model/outgoing-message';
import { safeErrorLabel } from '../../../shared/error-names';
import { GraphError, GraphErrorCode } from '../graph/errors';
import type { GraphClientDeps } from '../graph/graph-request';
import { sendMail } from '../graph/mail-client';
import { addAttachment, createDraft, deleteDraft, sendDraft } from '../graph/message-drafts';
import { readWhole, type UploadSource } from '../graph/upload-chunks';
import { createUploadSession, uploadAttachment } from '../graph/upload-session';
import { planDelivery, UPLOAD_CHUNK_BYTES } from './delivery-plan';

const UNSURE = new Set<string>([GraphErrorCode.Timeout, GraphErrorCode.Unreachable]);

/**
 * What Graph's delivery answers: `requestId` is Graph's request-id of the call that sent the mail (sendMail, or the
 * draft's send); `messageId` the draft's id (none on the single path).
 */
export interface GraphDeliveryResult extends DeliveryResult {
  delivery: 'single' | 'draft';
}

/** A file's bytes in memory: read whole only where the plan bounds its size (inline in sendMail, or a POST). */
const inMemory = async (attachment: OutgoingAttachment): Promise<MailAttachment> => {
  if (isInMemory(attachment)) return attachment;
  const { open: _open, size, ...description } = attachment;
  return { ...description, bytes: await readWhole({ size, pieces: await attachment.open() }) };
};

/** What an upload session reads: a streamed file is opened only now, and read a chunk at a time. */
const uploadSource = async (attachment: OutgoingAttachment): Promise<UploadSource> =>
  isInMemory(attachment) ? attachment.bytes : { size: attachment.size, pieces: await attachment.open() };

/**
 * Sends `message` from `mailbox`, keeping a copy in Sent Items, the way its size allows (delivery-plan.ts): one
 * sendMail, or a draft that takes its attachments one by one and is then sent. Streamed attachments are read in
 * turn, each only when it is added, so at most one file under 3 MB or one upload chunk is in memory at a time. A
 * draft left behind by a failure (Graph's, or a download's) is deleted (best effort) before the failure is
 * rethrown, so Drafts does not fill up with half-built mail; not after a send that got no answer, which may still
 * go out.
 *
 * `sendBy` (a send paced to a slot) bounds when the single sendMail may leave. A draft's send is not bounded by it:
 * its attachments take longer to add than a slot allows, so the caller checks its slot before the draft is made.
 */
export const deliverMessage = async (
  mailbox: string,
  message: OutgoingMessage,
  deps: GraphClientDeps,
  sendBy?: number,
): Promise<GraphDeliveryResult> => {
  const plan = planDelivery(message);
  if (plan.kind === 'single') {
    const attachments: MailAttachment[] = [];
    // The plan keeps the whole request under 4 MB, so these are small; one after another all the same.
    for (const attachment of message.attachments ?? []) attachments.push(await inMemory(attachment));
    const sent = await sendMail(
      {
        mailbox,
        message: { ...message, attachments },
        saveToSentItems: true,
        ...(sendBy === undefined ? {} : { sendBy }),
      },
      deps,
    );
    return { ...sent, delivery: 'single', internetMessageId: message.internetMessageId, messageId: undefined };
  }

  const draft = await createDraft(mailbox, message, deps);
  let attempts = draft.receipt.attempts;
  let sending = false;
  try {
    for (const { attachment, how } of plan.attachments) {
      if (how === 'post') {
        attempts += (await addAttachment(mailbox, draft.id, await inMemory(attachment), deps)).attempts;
      } else {
        // Opened before the session, so a download Jira refuses costs no upload session.
        const source = await uploadSource(attachment);
        const session = await createSessionOrStop(mailbox, draft.id, attachment, source, deps);
        const uploaded = await uploadAttachment(session, source, { ...deps, chunkBytes: UPLOAD_CHUNK_BYTES });
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

/** createUploadSession; when it fails, the download opened for it is stopped rather than left hanging. */
const createSessionOrStop = async (
  mailbox: string,
  draftId: string,
  attachment: OutgoingAttachment,
  source: UploadSource,
  deps: GraphClientDeps,
) => {
  try {
    return await createUploadSession(mailbox, draftId, attachment, deps);
  } catch (error) {
    if (!(source instanceof Uint8Array)) await source.pieces[Symbol.asyncIterator]().return?.();
    throw error;
  }
};

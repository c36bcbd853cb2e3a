import { IncomingMailboxError } from '../../mail-model/incoming-errors';
import type { IncomingAttachment } from '../../mail-model/incoming-message';
import type { UploadedInlineImage } from '../content/inline-images';
import { asPieces, BUFFERED_ATTACHMENT_BYTES, hashingPieces, readWhole } from './attachment-bytes';
import { type AttachmentFilters, type SkipReason, skipReason } from './attachment-filters';
import type { IncomingJiraPort, ProcessLog, ProcessMailbox } from './ports';

export interface AttachmentPlan {
  /** Every attachment of the message, as listed. */
  attachments: readonly IncomingAttachment[];
  /** Content id (as the content names it) -> attachment, for the inline images the new part shows. */
  inline: ReadonlyMap<string, IncomingAttachment>;
}

export interface UploadOutcome {
  uploaded: Array<{ name: string; id: string }>;
  skipped: Array<{ name: string; reason: SkipReason }>;
  /** Content id -> its upload, for resolveInlineImages. */
  inlineImages: Map<string, UploadedInlineImage>;
}

interface UploadContext {
  mailbox: ProcessMailbox;
  messageId: string;
  issueKey: string;
  jira: Pick<IncomingJiraPort, 'uploadAttachment' | 'mediaIdOf'>;
  filters: AttachmentFilters;
  log: ProcessLog;
}

const nameOf = (attachment: IncomingAttachment): string => {
  const name = (attachment.name ?? '').trim() || 'attachment';
  // An attached email comes as its MIME (`$value`): a .eml file opens it anywhere.
  return attachment.kind === 'item' && !/\.eml$/i.test(name) ? `${name}.eml` : name;
};

const contentTypeOf = (attachment: IncomingAttachment): string =>
  attachment.kind === 'item' ? 'message/rfc822' : (attachment.contentType ?? 'application/octet-stream');

const isSkippable = (error: unknown): SkipReason | undefined => {
  if (!(error instanceof IncomingMailboxError)) return undefined;
  if (error.kind === 'too-large') return 'too-large';
  return error.kind === 'gone' ? 'gone' : undefined;
};

/**
 * Copies one attachment to the issue, or says why not. Up to BUFFERED_ATTACHMENT_BYTES it is read whole and hashed
 * first, so a duplicate of one already copied is not uploaded; a larger one is streamed straight through (hashed on
 * the way, so a smaller copy after it is still recognised).
 */
const copyOne = async (
  context: UploadContext,
  attachment: IncomingAttachment,
  seen: Set<string>,
): Promise<{ id: string; mediaId?: string } | SkipReason> => {
  const content = await context.mailbox.openAttachment(context.messageId, attachment.id, {
    maxBytes: context.filters.maxBytes,
  });
  const name = nameOf(attachment);
  const type = contentTypeOf(attachment);
  if ((content.size ?? attachment.size ?? 0) <= BUFFERED_ATTACHMENT_BYTES) {
    const whole = await readWhole(content.pieces);
    if (seen.has(whole.sha256)) return 'duplicate';
    seen.add(whole.sha256);
    return context.jira.uploadAttachment(context.issueKey, name, type, asPieces(whole.bytes));
  }
  const hashing = hashingPieces(content.pieces);
  const uploaded = await context.jira.uploadAttachment(context.issueKey, name, type, hashing.pieces);
  seen.add(hashing.digest());
  return uploaded;
};

/**
 * Uploads the message's attachments to the issue under the handler's filters (attachment-filters.ts): the inline
 * images the new part shows first, in its order, then the other attachments. Duplicates within the message (the
 * same bytes by SHA-256) are uploaded once. One attachment that is gone or turns out too large is skipped and
 * logged; any other failure ends the upload (the caller decides whether it is worth a retry).
 */
export const uploadAttachments = async (context: UploadContext, plan: AttachmentPlan): Promise<UploadOutcome> => {
  const outcome: UploadOutcome = { uploaded: [], skipped: [], inlineImages: new Map() };
  const seen = new Set<string>();
  const inlineIds = new Map<string, string>();
  for (const [contentId, attachment] of plan.inline) inlineIds.set(attachment.id, contentId);
  const ordered = [...plan.inline.values(), ...plan.attachments.filter((attachment) => !inlineIds.has(attachment.id))];
  for (const attachment of ordered) {
    const contentId = inlineIds.get(attachment.id);
    const name = nameOf(attachment);
    const reason = skipReason({ attachment, inline: contentId !== undefined }, context.filters);
    if (reason !== undefined) {
      outcome.skipped.push({ name, reason });
      continue;
    }
    let result: { id: string; mediaId?: string } | SkipReason;
    try {
      result = await copyOne(context, attachment, seen);
    } catch (error) {
      const skip = isSkippable(error);
      if (skip === undefined) throw error;
      context.log.warn(`incoming mail: attachment ${attachment.id} skipped: ${skip}`);
      result = skip;
    }
    if (typeof result === 'string') {
      outcome.skipped.push({ name, reason: result });
      continue;
    }
    outcome.uploaded.push({ name, id: result.id });
    if (contentId === undefined) continue;
    const mediaId = result.mediaId ?? (await context.jira.mediaIdOf?.(result.id));
    if (mediaId !== undefined) outcome.inlineImages.set(contentId, { mediaId });
  }
  return outcome;
};

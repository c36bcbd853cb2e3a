import { jiraDateTime, renderedDateTime } from '../dates';
import type { RequestContext } from '../http/context';
import type { StoredAttachment } from '../model';
import { userDetailsBean } from './users';

/** Jira's file sizes as the issue view shows them: `512 B`, `47 kB`, `3.3 MB`. */
export const renderedSize = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
};

const hasThumbnail = (attachment: StoredAttachment): boolean => attachment.mimeType.startsWith('image/');

/**
 * An attachment: `Attachment` in `fields.attachment` (string id), `AttachmentMetadata` from
 * `GET /attachment/{id}` (numeric id), or the rendered form in `renderedFields.attachment`.
 */
export const attachmentBean = (
  ctx: RequestContext,
  attachment: StoredAttachment,
  form: 'field' | 'metadata' | 'rendered' = 'field',
): Record<string, unknown> => {
  const author = ctx.store.author(attachment.authorId);
  return {
    self: `${ctx.restBase}/attachment/${attachment.id}`,
    id: form === 'metadata' ? Number(attachment.id) : attachment.id,
    filename: attachment.filename,
    author: author ? userDetailsBean(ctx, author) : undefined,
    created:
      form === 'rendered'
        ? renderedDateTime(attachment.created, ctx.timeZone, ctx.now)
        : jiraDateTime(attachment.created, ctx.timeZone),
    size: form === 'rendered' ? renderedSize(attachment.content.size) : attachment.content.size,
    mimeType: attachment.mimeType,
    content: `${ctx.restBase}/attachment/content/${attachment.id}`,
    ...(hasThumbnail(attachment) ? { thumbnail: `${ctx.restBase}/attachment/thumbnail/${attachment.id}` } : {}),
    // AttachmentMetadata only: "File ID of the attachment in Media Store" (get attachment metadata, REST v3).
    ...(form === 'metadata' ? { mediaApiFileId: attachment.mediaId } : {}),
  };
};

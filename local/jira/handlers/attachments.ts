import { attachmentBean } from '../beans/attachment';
import { JiraRestError, restErrors } from '../errors';
import { param, viewerOf, type RequestContext } from '../http/context';
import { boolParam } from '../http/query';
import { binary, json } from '../http/responses';
import type { LocalResponse } from '../../http-types';
import type { StoredAttachment } from '../model';
import { canBrowse } from '../permissions';

/** The per-file upload limit Jira Cloud reports by default (a site setting). */
const UPLOAD_LIMIT_BYTES = 10_485_760;

function visibleAttachment(ctx: RequestContext): StoredAttachment {
  const id = param(ctx, 'id');
  const attachment = /^\d+$/.test(id) ? ctx.store.attachment(id) : undefined;
  if (!attachment) throw restErrors.attachmentNotFound(id);
  const issue = ctx.store.issue(attachment.issueId);
  if (!issue || !canBrowse(viewerOf(ctx), issue)) {
    throw restErrors.forbidden(`You do not have permission to view attachment with id: ${id}`);
  }
  return attachment;
}

/** GET /attachment/meta */
export function attachmentSettings(): LocalResponse {
  return json(200, { enabled: true, uploadLimit: UPLOAD_LIMIT_BYTES });
}

/** GET /attachment/{id} */
export function getAttachment(ctx: RequestContext): LocalResponse {
  return json(200, attachmentBean(ctx, visibleAttachment(ctx), 'metadata'));
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n`; one range only. */
function parseRange(header: string, size: number): { start: number; end: number } | 'malformed' | 'unsatisfiable' {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'malformed';
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

const contentDisposition = (filename: string): string =>
  `attachment; filename="${filename.replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/**
 * GET /attachment/content/{id}. Jira Cloud answers 303 to its media service; the local site serves the
 * bytes directly (200, or 206 for a `Range`), whether or not `redirect=false` is given.
 */
export function getAttachmentContent(ctx: RequestContext): LocalResponse {
  const attachment = visibleAttachment(ctx);
  boolParam(ctx.query, 'redirect', true);
  const bytes = Buffer.from(attachment.bytes);
  const headers = { 'content-disposition': contentDisposition(attachment.filename), 'accept-ranges': 'bytes' };
  const range = ctx.request.headers.range;
  if (range === undefined) return binary(200, bytes, attachment.mimeType, headers);
  const parsed = parseRange(range, bytes.length);
  if (parsed === 'malformed') throw restErrors.badRequest([`The range '${range}' is malformed.`]);
  if (parsed === 'unsatisfiable') {
    throw new JiraRestError('RANGE_NOT_SATISFIABLE', 416, [`The range '${range}' cannot be satisfied for ${bytes.length} bytes.`]);
  }
  return binary(206, bytes.subarray(parsed.start, parsed.end + 1), attachment.mimeType, {
    ...headers,
    'content-range': `bytes ${parsed.start}-${parsed.end}/${bytes.length}`,
  });
}

/** GET /attachment/thumbnail/{id}: images only; the local site does not scale them. */
export function getAttachmentThumbnail(ctx: RequestContext): LocalResponse {
  const attachment = visibleAttachment(ctx);
  if (!attachment.mimeType.startsWith('image/')) throw restErrors.attachmentNotFound(attachment.id);
  return binary(200, Buffer.from(attachment.bytes), attachment.mimeType);
}

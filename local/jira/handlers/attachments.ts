import type { LocalResponse } from '../../http-types';
import { attachmentBean } from '../beans/attachment';
import { JiraRestError, restErrors } from '../errors';
import { param, type RequestContext, viewerOf } from '../http/context';
import { boolParam } from '../http/query';
import { binary, empty, json } from '../http/responses';
import type { StoredAttachment } from '../model';
import { canBrowse } from '../permissions';
import type { JiraStreamingResponse } from '../types';

/** The per-file upload limit Jira Cloud reports by default (a site setting). */
export const UPLOAD_LIMIT_BYTES = 10_485_760;

const visibleAttachment = (ctx: RequestContext): StoredAttachment => {
  const id = param(ctx, 'id');
  const attachment = /^\d+$/.test(id) ? ctx.store.attachment(id) : undefined;
  if (!attachment) throw restErrors.attachmentNotFound(id);
  const issue = ctx.store.issue(attachment.issueId);
  if (!issue || !canBrowse(viewerOf(ctx), issue)) {
    throw restErrors.forbidden(`You do not have permission to view attachment with id: ${id}`);
  }
  return attachment;
};

/** GET /attachment/meta */
export const attachmentSettings = (): LocalResponse => json(200, { enabled: true, uploadLimit: UPLOAD_LIMIT_BYTES });

/** GET /attachment/{id} */
export const getAttachment = (ctx: RequestContext): LocalResponse =>
  json(200, attachmentBean(ctx, visibleAttachment(ctx), 'metadata'));

/** `bytes=a-b`, `bytes=a-` or `bytes=-n`; one range only. */
const parseRange = (header: string, size: number): { start: number; end: number } | 'malformed' | 'unsatisfiable' => {
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
};

const contentDisposition = (filename: string): string =>
  `attachment; filename="${filename.replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;

/** The bytes themselves (200, or 206 for a `Range`), as a stream made while it is read. */
const serveContent = (ctx: RequestContext, attachment: StoredAttachment): JiraStreamingResponse => {
  const { content } = attachment;
  const size = content.size;
  const headers = {
    'content-disposition': contentDisposition(attachment.filename),
    'accept-ranges': 'bytes',
    'content-type': attachment.mimeType,
  };
  const range = ctx.request.headers.range;
  if (range === undefined) {
    return { status: 200, headers: { ...headers, 'content-length': String(size) }, body: content.stream() };
  }
  const parsed = parseRange(range, size);
  if (parsed === 'malformed') throw restErrors.badRequest([`The range '${range}' is malformed.`]);
  if (parsed === 'unsatisfiable') {
    throw new JiraRestError('RANGE_NOT_SATISFIABLE', 416, [
      `The range '${range}' cannot be satisfied for ${size} bytes.`,
    ]);
  }
  return {
    status: 206,
    headers: {
      ...headers,
      'content-length': String(parsed.end - parsed.start + 1),
      'content-range': `bytes ${parsed.start}-${parsed.end}/${size}`,
    },
    body: content.stream(parsed.start, parsed.end),
  };
};

/**
 * GET /attachment/content/{id}, as Atlassian documents it ("Get attachment content", Jira Cloud platform REST API
 * v3, developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-attachments/#api-rest-api-3-attachment-content-id-get):
 * `redirect` defaults to true, and the answer is 303 with the download URL in `Location` (Jira's media service;
 * here the site's own media path, reachable offline and through the local host's proxy); with `redirect=false`
 * Jira answers 200 with the bytes (206 for a `Range`). Permissions are checked before either.
 */
export const getAttachmentContent = (ctx: RequestContext): JiraStreamingResponse => {
  const attachment = visibleAttachment(ctx);
  if (boolParam(ctx.query, 'redirect', true)) {
    return empty(303, { location: ctx.media.downloadUrl(ctx.siteUrl, attachment, ctx.now) });
  }
  return serveContent(ctx, attachment);
};

/**
 * GET /rest/media/file/{mediaId}/binary?token=...: the media service a 303 leads to. The token alone authorises
 * the download (no Jira credentials, as with Atlassian's media URLs); a missing, forged or expired one is refused.
 */
export const getMediaFile = (ctx: RequestContext): JiraStreamingResponse => {
  const mediaId = param(ctx, 'mediaId');
  const check = ctx.media.check(mediaId, ctx.query.get('token'), ctx.now);
  if (check !== 'ok')
    throw new JiraRestError('MEDIA_TOKEN_REFUSED', 401, [
      check === 'expired' ? 'The media token has expired.' : 'The media token is missing or not valid for this file.',
    ]);
  const attachment = ctx.store.attachmentByMediaId(mediaId);
  if (!attachment) throw new JiraRestError('MEDIA_FILE_NOT_FOUND', 404, [`No file with id ${mediaId}.`]);
  return serveContent(ctx, attachment);
};

/** GET /attachment/thumbnail/{id}: images only; the local site does not scale them. */
export const getAttachmentThumbnail = (ctx: RequestContext): LocalResponse => {
  const attachment = visibleAttachment(ctx);
  if (!attachment.mimeType.startsWith('image/')) throw restErrors.attachmentNotFound(attachment.id);
  return binary(200, attachment.content.bytes(), attachment.mimeType);
};

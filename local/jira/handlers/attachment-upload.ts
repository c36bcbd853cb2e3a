import type { LocalResponse } from '../../http-types';
import { storedContent } from '../attachment-content';
import { attachmentBean } from '../beans/attachment';
import { JiraRestError, restErrors } from '../errors';
import { attachmentCreated } from '../events';
import { param, type RequestContext, viewerOf } from '../http/context';
import { json } from '../http/responses';
import { hasPermission } from '../permissions';
import { UPLOAD_LIMIT_BYTES } from './attachments';
import { visibleIssue } from './issues';

/** The multipart parts, as fetch's own parser reads them (the body as it came, with its boundary). */
const filesOf = async (ctx: RequestContext): Promise<File[]> => {
  const contentType = ctx.request.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType.trim())) {
    throw new JiraRestError('UNSUPPORTED_MEDIA_TYPE', 415, [
      `Unsupported media type '${contentType || 'none'}'; send multipart/form-data.`,
    ]);
  }
  try {
    const form = await new Request('http://local.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(ctx.request.body ?? Buffer.alloc(0)),
    }).formData();
    return form.getAll('file').filter((part): part is File => typeof part !== 'string');
  } catch {
    throw restErrors.badRequest(['The multipart/form-data body could not be read.']);
  }
};

/**
 * POST /issue/{issueIdOrKey}/attachments, as the OpenAPI description says ("Add attachment",
 * developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-attachments/#api-rest-api-3-issue-issueidorkey-attachments-post):
 * multipart/form-data whose parts named `file` are the files; without `X-Atlassian-Token: no-check` the call is
 * blocked (Jira's XSRF check: 403); Browse projects and Create attachments needed; over the site's upload limit
 * 413. 200 with the new attachments (`Attachment[]`), each announced as avi:jira:created:attachment.
 */
export const uploadAttachments = async (ctx: RequestContext): Promise<LocalResponse> => {
  const viewer = viewerOf(ctx);
  if ((ctx.request.headers['x-atlassian-token'] ?? '').toLowerCase() !== 'no-check') {
    throw new JiraRestError('XSRF_CHECK_FAILED', 403, ['XSRF check failed']);
  }
  const issue = visibleIssue(ctx, param(ctx, 'issueIdOrKey'));
  if (!hasPermission(viewer, 'CREATE_ATTACHMENTS', { issue, issues: [issue] })) {
    throw restErrors.forbidden('You do not have permission to create attachments for this issue.');
  }
  const files = await filesOf(ctx);
  if (files.length === 0) throw restErrors.badRequest(["No part named 'file' was sent."]);
  if (files.some((file) => file.size > UPLOAD_LIMIT_BYTES)) {
    throw new JiraRestError('ATTACHMENT_TOO_LARGE', 413, [
      `The attachment exceeds the maximum attachment size of ${UPLOAD_LIMIT_BYTES} bytes.`,
    ]);
  }
  const authorId = viewer.kind === 'user' ? viewer.user.accountId : ctx.store.appUser.accountId;
  const stored = [];
  for (const file of files) {
    const attachment = ctx.store.addAttachment({
      issueId: issue.id,
      filename: file.name,
      mimeType: file.type === '' ? 'application/octet-stream' : file.type,
      authorId,
      created: ctx.now.toISOString(),
      content: storedContent(Buffer.from(await file.arrayBuffer())),
    });
    ctx.raise(attachmentCreated(ctx.store, attachment));
    stored.push(attachment);
  }
  return json(
    200,
    stored.map((attachment) => attachmentBean(ctx, attachment)),
  );
};

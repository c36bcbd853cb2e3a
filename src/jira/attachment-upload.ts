import { route } from '@forge/api';
import * as z from 'zod/mini';

import { JiraError, JiraErrorCode } from './errors';
import { assertIssueKey } from './issue-reader';
import { issueStatusError, type JiraResponse, type RequestJira } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

/** A file to attach: its name as the issue shows it, its MIME type, its bytes. */
export interface AttachmentUpload {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

/** The attachment Jira made. `mediaApiFileId` (the Media Services file id ADF media nodes name) when Jira gives it. */
export interface UploadedAttachment {
  id: string;
  filename: string;
  size: number;
  mimeType: string;
  mediaApiFileId?: string;
}

// `Attachment[]`; `mediaApiFileId` is documented on AttachmentMetadata (GET /rest/api/3/attachment/{id}), read here
// only if the upload's answer carries it too.
const uploadAnswerSchema = z.array(
  z.object({
    id: z.string(),
    filename: z.string(),
    size: z.int().check(z.nonnegative()),
    mimeType: z.string(),
    mediaApiFileId: z.optional(z.string()),
  }),
);

/**
 * The multipart/form-data body, built by fetch's own FormData and serialised by `Response` into bytes and their
 * content type (with its boundary), as @forge/api's own sendEmail does: requestJira's `RequestInit.body` is typed
 * `ArrayBuffer | string | URLSearchParams`.
 */
const multipartBody = async (file: AttachmentUpload): Promise<{ body: ArrayBuffer; contentType: string }> => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.contentType }), file.name);
  const carrier = new Response(form);
  const contentType = carrier.headers.get('content-type');
  if (contentType === null) throw new Error('fetch gave the multipart body no content type.');
  return { body: await carrier.arrayBuffer(), contentType };
};

/**
 * Attaches one file to an issue (POST /rest/api/3/issue/{issueIdOrKey}/attachments, "Add attachment",
 * developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-attachments/#api-rest-api-3-issue-issueidorkey-attachments-post):
 * multipart/form-data with the file in a part named `file`, and `X-Atlassian-Token: no-check` or Jira blocks the
 * call. 404: the issue is gone or hidden (JIRA_ISSUE_NOT_FOUND); 401/403: JIRA_FORBIDDEN; 413: over the site's
 * attachment size (JIRA_ATTACHMENT_TOO_LARGE).
 */
export const uploadAttachment = async (
  issueKey: string,
  file: AttachmentUpload,
  requestJira: RequestJira,
): Promise<UploadedAttachment> => {
  assertIssueKey(issueKey);
  const where = `POST /rest/api/3/issue/${issueKey}/attachments`;
  const { body, contentType } = await multipartBody(file);
  let response: JiraResponse;
  try {
    response = await requestJira(route`/rest/api/3/issue/${issueKey}/attachments`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': contentType, 'X-Atlassian-Token': 'no-check' },
      body,
    });
  } catch (error) {
    throw new JiraError(JiraErrorCode.RequestFailed, `${where} failed: no answer from Jira.`, { cause: error });
  }
  if (response.status !== 200) {
    const { status } = response;
    throw (
      (status === 413
        ? new JiraError(JiraErrorCode.AttachmentTooLarge, `${where} answered 413.`, { status })
        : issueStatusError(status, where)) ??
      new JiraError(JiraErrorCode.RequestFailed, `${where} answered ${status}.`, { status })
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(await response.text()) as unknown;
  } catch (error) {
    throw new JiraError(JiraErrorCode.ResponseInvalid, `${where} answered 200 without a JSON body.`, { cause: error });
  }
  const [attachment] = parseJiraAnswer(uploadAnswerSchema, json, where);
  if (!attachment) throw new JiraError(JiraErrorCode.ResponseInvalid, `${where} answered no attachment.`);
  return attachment;
};

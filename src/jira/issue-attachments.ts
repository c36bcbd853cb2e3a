import { route } from '@forge/api';
import * as z from 'zod/mini';
import type { AttachmentOption } from '../contract/issue-email';
import { JiraError, JiraErrorCode } from './errors';
import { ISSUE_KEY_PATTERN } from './issue-reader';
import {
  accessStatusError,
  getJiraJson,
  issueStatusError,
  requestJiraAsUser,
  type JiraResponse,
  type RequestJira,
} from './jira-client';
import { parseJiraAnswer } from './parse-answer';

const ATTACHMENT_ID = /^[0-9]{1,18}$/;

const attachmentFieldSchema = z.object({
  fields: z.object({
    // Absent when attachments are turned off for the site.
    attachment: z.nullish(
      z.array(
        z.object({
          id: z.string(),
          filename: z.string(),
          size: z.int().check(z.nonnegative()),
          mimeType: z.string(),
        }),
      ),
    ),
  }),
});

/** The files attached to an issue, as the invoking user sees them, in Jira's order. */
export const listIssueAttachments = async (
  issueKey: string,
  requestJira: RequestJira = requestJiraAsUser,
): Promise<AttachmentOption[]> => {
  if (!ISSUE_KEY_PATTERN.test(issueKey)) {
    throw new JiraError(JiraErrorCode.IssueNotFound, 'Not a Jira issue key; no request made.');
  }
  const json = await getJiraJson(requestJira, route`/rest/api/3/issue/${issueKey}?fields=attachment`, issueStatusError);
  const { fields } = parseJiraAnswer(attachmentFieldSchema, json, `GET /rest/api/3/issue/${issueKey}`);
  return (fields.attachment ?? []).map(({ id, filename, size, mimeType }) => ({ id, filename, size, mimeType }));
};

/**
 * The bytes of an attachment, read as the invoking user (Jira answers 303 to its media service and Forge's
 * requestJira follows it). A byte count other than the attachment's recorded size means a cut-off download,
 * which must not be mailed as if it were the file.
 */
export const downloadAttachment = async (
  attachmentId: string,
  expectedSize: number,
  requestJira: RequestJira = requestJiraAsUser,
): Promise<Uint8Array> => {
  if (!ATTACHMENT_ID.test(attachmentId)) {
    throw new JiraError(JiraErrorCode.RequestFailed, 'Not a Jira attachment id; no request made.');
  }
  const where = `GET /rest/api/3/attachment/content/${attachmentId}`;
  let response: JiraResponse;
  try {
    response = await requestJira(route`/rest/api/3/attachment/content/${attachmentId}`, {
      method: 'GET',
      headers: { Accept: '*/*' },
    });
  } catch (error) {
    throw new JiraError(JiraErrorCode.RequestFailed, `${where} failed: no answer from Jira.`, { cause: error });
  }
  if (response.status !== 200) {
    throw (
      accessStatusError(response.status, where) ??
      new JiraError(JiraErrorCode.RequestFailed, `${where} answered ${response.status}.`, { status: response.status })
    );
  }
  if (response.arrayBuffer === undefined) {
    throw new JiraError(JiraErrorCode.RequestFailed, `${where} answered 200, but its body cannot be read as bytes.`, { status: 200 });
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    throw new JiraError(JiraErrorCode.RequestFailed, `${where} answered 200, but reading its body failed.`, { status: 200, cause: error });
  }
  if (bytes.byteLength !== expectedSize) {
    throw new JiraError(
      JiraErrorCode.ResponseInvalid,
      `${where} answered ${bytes.byteLength} bytes; the attachment has ${expectedSize}.`,
      { status: 200 },
    );
  }
  return bytes;
};

import { route } from '@forge/api';
import * as z from 'zod/mini';

import { JiraError, JiraErrorCode } from './errors';
import type { AdfDocument } from './incoming-writes';
import { assertIssueKey } from './issue-reader';
import { getJiraJson, issueStatusError, type RequestJira } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

const metadataSchema = z.object({ mediaApiFileId: z.optional(z.string()) });

/**
 * The Media Services file id of an attachment, which an ADF media node names: `mediaApiFileId` of "Get attachment
 * metadata" (GET /rest/api/3/attachment/{id}, AttachmentMetadata: "File ID of the attachment in Media Store",
 * developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-attachments/#api-rest-api-3-attachment-id-get).
 * "Add attachment" answers `Attachment` beans, which do not carry it. Undefined when Jira gives none.
 */
export const attachmentMediaId = async (
  attachmentId: string,
  requestJira: RequestJira,
): Promise<string | undefined> => {
  if (!/^[0-9]{1,18}$/.test(attachmentId))
    throw new JiraError(JiraErrorCode.ResponseInvalid, 'Not a Jira attachment id.');
  const where = 'GET /rest/api/3/attachment/{id}';
  const json = await getJiraJson(requestJira, route`/rest/api/3/attachment/${attachmentId}`, issueStatusError);
  const id = parseJiraAnswer(metadataSchema, json, where).mediaApiFileId;
  return id === undefined || id === '' ? undefined : id;
};

/**
 * Replaces an issue's description ("Edit issue", PUT /rest/api/3/issue/{issueIdOrKey}, answers 204:
 * developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-put): a new
 * issue's inline images can only be uploaded once it exists, so its description shows them in place afterwards.
 */
export const updateIssueDescription = async (
  issueKey: string,
  description: AdfDocument,
  requestJira: RequestJira,
): Promise<void> => {
  assertIssueKey(issueKey);
  const where = `PUT /rest/api/3/issue/${issueKey}`;
  const response = await requestJira(route`/rest/api/3/issue/${issueKey}`, {
    method: 'PUT',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify({ fields: { description } }),
  }).catch((error: unknown) => {
    throw new JiraError(JiraErrorCode.RequestFailed, `${where} failed: no answer from Jira.`, { cause: error });
  });
  if (response.status !== 204)
    throw (
      issueStatusError(response.status, where) ??
      new JiraError(JiraErrorCode.RequestFailed, `${where} answered ${response.status}.`, { status: response.status })
    );
};

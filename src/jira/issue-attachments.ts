import { route } from '@forge/api';
import * as z from 'zod/mini';

import type { AttachmentOption } from '../contract/issue-email';
import { assertIssueKey } from './issue-reader';
import { getJiraJson, issueStatusError, type RequestJira, requestJiraAsUser } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

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
  assertIssueKey(issueKey);
  const json = await getJiraJson(requestJira, route`/rest/api/3/issue/${issueKey}?fields=attachment`, issueStatusError);
  const { fields } = parseJiraAnswer(attachmentFieldSchema, json, `GET /rest/api/3/issue/${issueKey}`);
  return (fields.attachment ?? []).map(({ id, filename, size, mimeType }) => ({ id, filename, size, mimeType }));
};

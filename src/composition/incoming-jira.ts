import { readWhole } from '../incoming/process/attachment-bytes';
import type { IncomingJiraPort } from '../incoming/process/ports';
import { uploadAttachment } from '../jira/attachment-upload';
import { findMarkedComment, findMarkedIssue } from '../jira/incoming-marks';
import { addComment, createIssue } from '../jira/incoming-writes';
import type { RequestJira } from '../jira/jira-client';
import { mayCommentOn } from '../jira/my-permissions';
import { findAccountIdByEmail } from '../jira/user-by-email';

/**
 * Incoming mail's Jira, as the app (handlers write as the app: the sender is rarely a Jira user who could be
 * impersonated). Jira's upload takes the whole file (multipart/form-data): the attachment filters bound what an upload collects (their largest size, 25 MB by default).
 */
export const createIncomingJira = (requestJira: RequestJira): IncomingJiraPort => ({
  createIssue: (issue) => createIssue(issue, requestJira),
  addComment: (issueKey, body, property) => addComment(issueKey, body, property, requestJira),
  findUserByEmail: (address) => findAccountIdByEmail(address, requestJira),
  uploadAttachment: async (issueKey, name, contentType, pieces) => {
    const uploaded = await uploadAttachment(
      issueKey,
      { name, contentType, bytes: (await readWhole(pieces)).bytes },
      requestJira,
    );
    return { id: uploaded.id, ...(uploaded.mediaApiFileId === undefined ? {} : { mediaId: uploaded.mediaApiFileId }) };
  },
  canComment: (issueKey) => mayCommentOn(issueKey, requestJira),
  findMarkedComment: async (issueKey, messageKey) => {
    const commentId = await findMarkedComment(issueKey, messageKey, requestJira);
    return commentId === undefined ? undefined : { commentId };
  },
  findMarkedIssue: async (projectKey, messageKey) => {
    const issueKey = await findMarkedIssue(projectKey, messageKey, requestJira);
    return issueKey === undefined ? undefined : { issueKey };
  },
});

import { openAttachment } from '../jira/attachment-content';
import { addEmailComment } from '../jira/issue-comment-writer';
import { requestJiraAsApp, requestJiraImpersonating } from '../jira/jira-client';
import type { OutboxDeps } from '../outbox/outbox-deps';

/**
 * The worker's Jira calls: an attachment's content, read as the person who sent the email (or as the app), and the
 * app's "Emailed to" comment. Only email-worker-root.ts imports this file, lazily: @forge/api and the Jira modules
 * are a chunk the worker loads when an email has attachments or asks for a comment, not when it starts.
 */
export const openWorkerAttachment: OutboxDeps['openAttachment'] = (attachmentId, expectedSize, readAs) =>
  openAttachment(
    attachmentId,
    expectedSize,
    readAs === undefined ? requestJiraAsApp : requestJiraImpersonating(readAs),
  );

export const addWorkerComment: OutboxDeps['addComment'] = async (issueKey, note) => {
  await addEmailComment(issueKey, note, requestJiraAsApp);
};

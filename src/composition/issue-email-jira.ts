import { downloadAttachment } from '../jira/attachment-content';
import { listIssueAttachments } from '../jira/issue-attachments';
import { addEmailComment } from '../jira/issue-comment-writer';
import { type LeaveOutAuthor, readIssueComments } from '../jira/issue-comments';
import { readIssueParticipants, readIssuePeople } from '../jira/issue-people';
import { readIssue } from '../jira/issue-reader';
import { requestJiraAsApp, requestJiraAsUser } from '../jira/jira-client';
import { readMyself } from '../jira/myself';
import { readUserEmails } from '../jira/user-emails';
import { searchJiraUsers } from '../jira/user-search';
import type { IssueEmailJira } from '../mail/issue-email-ports';

let appAccount: Promise<LeaveOutAuthor> | undefined;
/**
 * Whose comments emails leave out: the app's own Jira account, read once per container (warm invocations reuse it),
 * so that its "Emailed to ..." notes never go into an email. Should the read fail, every app's comments are left out
 * for this email (never ours let through), and the next email asks again.
 */
const appCommentsAuthor = (): Promise<LeaveOutAuthor> =>
  (appAccount ??= readMyself(requestJiraAsApp).then(
    (me): LeaveOutAuthor => ({ accountId: me.accountId }),
    (): LeaveOutAuthor => {
      appAccount = undefined;
      return { accountType: 'app' };
    },
  ));

/** Jira as the invoking user for everything they read; the app only writes its own comment. */
export const jiraAsUser: IssueEmailJira = {
  readSenderName: async () => (await readMyself(requestJiraAsUser)).displayName ?? 'A Jira user',
  readIssue: (issueKey) => readIssue(issueKey, requestJiraAsUser),
  readPeople: (issueKey) => readIssuePeople(issueKey, requestJiraAsUser),
  readParticipants: (issueKey) => readIssueParticipants(issueKey, requestJiraAsUser),
  // Jira's Email API answers apps only; the address goes into the message, never back to the person.
  readUserEmails: (accountIds) => readUserEmails(accountIds, requestJiraAsApp),
  listAttachments: (issueKey) => listIssueAttachments(issueKey, requestJiraAsUser),
  downloadAttachment: (attachmentId, expectedSize) => downloadAttachment(attachmentId, expectedSize, requestJiraAsUser),
  readComments: async (issueKey, limit) =>
    readIssueComments(issueKey, limit, requestJiraAsUser, await appCommentsAuthor()),
  searchUsers: (query) => searchJiraUsers(query, requestJiraAsUser),
  addEmailComment: async (issueKey, note) => {
    await addEmailComment(issueKey, note, requestJiraAsApp);
  },
};

/**
 * Jira as the app, for notification rules: a product trigger runs with no user. What an email shows is what the
 * rule's recipients were chosen to see; reading as the app is what the admin set up by creating the rule.
 */
export const jiraAsApp: IssueEmailJira = {
  ...jiraAsUser,
  readSenderName: async () => (await readMyself(requestJiraAsApp)).displayName ?? 'Issue Mailer',
  readIssue: (issueKey) => readIssue(issueKey, requestJiraAsApp),
  readPeople: (issueKey) => readIssuePeople(issueKey, requestJiraAsApp),
  readParticipants: (issueKey) => readIssueParticipants(issueKey, requestJiraAsApp),
  listAttachments: (issueKey) => listIssueAttachments(issueKey, requestJiraAsApp),
  downloadAttachment: (attachmentId, expectedSize) => downloadAttachment(attachmentId, expectedSize, requestJiraAsApp),
  readComments: async (issueKey, limit) =>
    readIssueComments(issueKey, limit, requestJiraAsApp, await appCommentsAuthor()),
  searchUsers: (query) => searchJiraUsers(query, requestJiraAsApp),
};

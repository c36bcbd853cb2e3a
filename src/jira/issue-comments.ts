import { route } from '@forge/api';
import * as z from 'zod/mini';

import { assertIssueKey } from './issue-reader';
import { getJiraJson, issueStatusError, type RequestJira, requestJiraAsUser } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

/** One comment as the email shows it. */
export interface IssueComment {
  id: string;
  /** The author's display name; Jira leaves the author out for anonymous and deleted accounts. */
  author: string;
  /** ISO 8601 with Jira's offset, e.g. `2025-03-03T10:02:17.000+0000`. */
  created: string;
  /** Jira's rendered HTML of the body. Untrusted: sanitize before use. */
  bodyHtml: string;
}

export interface IssueComments {
  /** Newest first. */
  comments: IssueComment[];
  /** Every comment on the issue the caller can see, however many were read. */
  total: number;
}

/** However many are asked for, an email carries at most this many comments. */
export const MAX_COMMENTS = 1000;
/** Comments read per call. */
const PAGE_SIZE = 100;
export const ANONYMOUS_AUTHOR = 'Anonymous';

const pageSchema = z.object({
  startAt: z.optional(z.number()),
  total: z.int().check(z.nonnegative()),
  comments: z.array(
    z.object({
      id: z.string(),
      author: z.nullish(
        z.object({
          displayName: z.optional(z.string()),
          accountId: z.optional(z.string()),
          accountType: z.optional(z.string()),
        }),
      ),
      created: z.string(),
      renderedBody: z.string(),
    }),
  ),
});

/** Whose comments an email leaves out: one account's (the app's own), or every app's when that is not known. */
export type LeaveOutAuthor = { accountId: string } | { accountType: 'app' };

/**
 * The newest comments of an issue with their rendered HTML, as the invoking user may see them. `limit` is a count
 * or 'all'; either way at most MAX_COMMENTS are read, a page of PAGE_SIZE per call. Comments by `leaveOut` (the
 * app's own account: its "Emailed to ..." notes would tell a new recipient who was emailed before) are left out of
 * both the comments and the total, and the pages go on until `limit` others are found.
 */
export const readIssueComments = async (
  issueKey: string,
  limit: number | 'all',
  requestJira: RequestJira = requestJiraAsUser,
  leaveOut?: LeaveOutAuthor,
): Promise<IssueComments> => {
  const leftOut = (
    author: { accountId?: string | undefined; accountType?: string | undefined } | null | undefined,
  ): boolean =>
    leaveOut !== undefined &&
    ('accountId' in leaveOut ? author?.accountId === leaveOut.accountId : author?.accountType === leaveOut.accountType);
  assertIssueKey(issueKey);
  const wanted = limit === 'all' ? MAX_COMMENTS : Math.min(Math.max(0, Math.floor(limit)), MAX_COMMENTS);
  const where = `GET /rest/api/3/issue/${issueKey}/comment`;
  const comments: IssueComment[] = [];
  let total: number;
  let left = 0;
  for (let startAt = 0; ;) {
    // A page of at least one comment, so that even limit 0 learns the total.
    const maxResults = Math.max(1, Math.min(PAGE_SIZE, wanted - comments.length));
    const json = await getJiraJson(
      requestJira,
      route`/rest/api/3/issue/${issueKey}/comment?orderBy=-created&expand=renderedBody&startAt=${startAt}&maxResults=${maxResults}`,
      issueStatusError,
    );
    const page = parseJiraAnswer(pageSchema, json, where);
    const kept = page.comments.filter((comment) => !leftOut(comment.author));
    left += page.comments.length - kept.length;
    total = page.total - left;
    for (const comment of kept.slice(0, wanted - comments.length)) {
      comments.push({
        id: comment.id,
        author: comment.author?.displayName ?? ANONYMOUS_AUTHOR,
        created: comment.created,
        bodyHtml: comment.renderedBody,
      });
    }
    startAt += page.comments.length;
    if (comments.length >= wanted || page.comments.length === 0 || startAt >= page.total) break;
  }
  return { comments, total };
};

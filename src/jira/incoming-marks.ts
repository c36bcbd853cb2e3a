import { route } from '@forge/api';
import * as z from 'zod/mini';

import type { EntityProperty } from './incoming-writes';
import { assertIssueKey } from './issue-reader';
import { getJiraJson, issueStatusError, type RequestJira } from './jira-client';
import { searchIssueKeys } from './jql-search';
import { parseJiraAnswer } from './parse-answer';

/**
 * The entity property each issue and comment the app writes for incoming mail carries (written in the same request,
 * src/jira/incoming-writes.ts). The `jira:entityProperty` module `incoming-mail-mark` in manifest.yml indexes its
 * `messageKey` for JQL, so its key and path must stay the same as there.
 */
export const INCOMING_MARK_KEY = 'issue-mailer-incoming';

/** The mark of the write for one incoming message; `messageKey` the message's key (a digest of its Message-ID). */
export const incomingMark = (messageKey: string): EntityProperty => ({
  key: INCOMING_MARK_KEY,
  value: { messageKey },
});

/** Comments asked for at a time, and pages read at most: a crashed run's comment is among the newest. */
const COMMENT_PAGE = 100;
const COMMENT_PAGES = 5;

const markSchema = z.object({ messageKey: z.optional(z.unknown()) });

const commentPageSchema = z.object({
  startAt: z.number(),
  total: z.number(),
  comments: z.array(
    z.object({
      id: z.string(),
      // `Comment.properties`: EntityProperty[], present when expanded.
      properties: z.optional(z.array(z.object({ key: z.string(), value: z.optional(z.unknown()) }))),
    }),
  ),
});

const hasMark = (properties: readonly { key: string; value?: unknown }[] | undefined, messageKey: string): boolean =>
  (properties ?? []).some((property) => {
    if (property.key !== INCOMING_MARK_KEY) return false;
    const mark = markSchema.safeParse(property.value);
    return mark.success && mark.data.messageKey === messageKey;
  });

/**
 * The id of the issue's comment that carries the mark of `messageKey`, or undefined: the newest comments first,
 * at most COMMENT_PAGES pages, each with its properties (GET /rest/api/3/issue/{key}/comment, `orderBy=-created`,
 * `expand=properties`: `Comment.properties`; the expansion Jira documents for POST /rest/api/3/comment/list,
 * developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-comments/, and answers on an issue's comments
 * too, https://github.com/pycontribs/jira/issues/1011). A gone or hidden issue is JiraError JIRA_ISSUE_NOT_FOUND.
 */
export const findMarkedComment = async (
  issueKey: string,
  messageKey: string,
  requestJira: RequestJira,
): Promise<string | undefined> => {
  assertIssueKey(issueKey);
  for (let page = 0, startAt = 0; page < COMMENT_PAGES; page += 1) {
    const json = await getJiraJson(
      requestJira,
      route`/rest/api/3/issue/${issueKey}/comment?orderBy=-created&expand=properties&startAt=${startAt}&maxResults=${COMMENT_PAGE}`,
      issueStatusError,
    );
    const answer = parseJiraAnswer(commentPageSchema, json, `GET /rest/api/3/issue/${issueKey}/comment`);
    const found = answer.comments.find((comment) => hasMark(comment.properties, messageKey));
    if (found) return found.id;
    startAt = answer.startAt + answer.comments.length;
    if (answer.comments.length === 0 || startAt >= answer.total) return undefined;
  }
  return undefined;
};

const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/;

/** A JQL string literal: `"` and `\` escaped with `\` (https://support.atlassian.com/jira-software-cloud/docs/jql-fields/). */
const jqlString = (text: string): string => `"${text.replace(/[\\"]/g, (char) => `\\${char}`)}"`;

/**
 * The key of the issue of `projectKey` that carries the mark of `messageKey`, or undefined. Found by JQL on the
 * indexed property, `issue.property[issue-mailer-incoming].messageKey = "<key>"`, which Jira answers only for a
 * value a `jira:entityProperty` module indexes as `string` (exact match)
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/). Search may
 * not yet show an issue created a moment ago [unconfirmed]: a caller healing a crash waits out its lease first.
 */
export const findMarkedIssue = async (
  projectKey: string,
  messageKey: string,
  requestJira: RequestJira,
): Promise<string | undefined> => {
  if (!PROJECT_KEY.test(projectKey)) throw new RangeError(`Not a Jira project key: ${JSON.stringify(projectKey)}.`);
  const jql = `project = ${jqlString(projectKey)} AND issue.property[${INCOMING_MARK_KEY}].messageKey = ${jqlString(messageKey)}`;
  const [key] = await searchIssueKeys(jql, 1, requestJira);
  return key;
};

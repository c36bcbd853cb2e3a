import type { IncomingMessage } from '../../mail-model/incoming-message';
import { compileIssueKeyPattern, findIssueKey } from '../matching/issue-key';
import { referencedMessageIds } from '../matching/message-ids';
import type { ProcessDeps } from './ports';

/** How the issue was found, in the order tried (issue 15, item 3 "Which issue"). */
export type MatchedBy = 'thread' | 'subject-key' | 'conversation';

export interface IssueMatch {
  issueKey: string;
  by: MatchedBy;
}

type FindDeps = Pick<ProcessDeps, 'handler' | 'findThread' | 'projectKeys' | 'conversations' | 'jira'>;

/** The handler's pattern was checked when saved; should it fail to compile now, the default is used. */
const patternOf = (source: string): RegExp => {
  const compiled = compileIssueKeyPattern(source);
  if (compiled.ok) return compiled.pattern;
  const fallback = compileIssueKeyPattern();
  if (!fallback.ok) throw new Error('The default issue-key pattern does not compile.');
  return fallback.pattern;
};

/** Each way of finding the issue, lazily: a later one is only asked when the earlier ones found nothing usable. */
const candidates = (message: IncomingMessage, deps: FindDeps): Array<() => Promise<IssueMatch | undefined>> => [
  async () => {
    for (const id of referencedMessageIds(message.internetMessageHeaders)) {
      const thread = await deps.findThread(id);
      if (thread !== undefined) return { issueKey: thread.issueKey, by: 'thread' };
    }
    return undefined;
  },
  async () => {
    const key = findIssueKey(message.subject, patternOf(deps.handler.subjectKeyPattern), await deps.projectKeys());
    return key === undefined ? undefined : { issueKey: key.key, by: 'subject-key' };
  },
  async () => {
    const conversationId = message.conversationId;
    if (conversationId === undefined || conversationId === '') return undefined;
    const issueKey = await deps.conversations.find(conversationId);
    return issueKey === undefined ? undefined : { issueKey, by: 'conversation' };
  },
];

/**
 * The issue a message belongs to: its In-Reply-To/References matched against the Message-IDs of mail the app sent,
 * then the leftmost key in its subject of a project the handler may write to (the handler's pattern), then the
 * issue its conversation (the mail service's thread) was last written to. A match whose issue is gone, or that the app may not comment
 * on, gives way to the next way; undefined when none is left.
 */
export const findIssue = async (message: IncomingMessage, deps: FindDeps): Promise<IssueMatch | undefined> => {
  for (const candidate of candidates(message, deps)) {
    const match = await candidate();
    if (match !== undefined && (await deps.jira.canComment(match.issueKey))) return match;
  }
  return undefined;
};

import { route } from '@forge/api';
import * as z from 'zod/mini';

import { addressKey, parseEmailAddress } from '../contract/email-address';
import { assertIssueKey } from './issue-reader';
import { issueStatusError, postJiraJson, type RequestJira, requestJiraAsApp } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

/** What the comment says about one email. Bcc is not part of it: those recipients stay private. */
export interface EmailCommentInput {
  senderAccountId: string;
  /** Shown in the mention until Jira renders the person's current name. */
  senderName?: string;
  to: readonly string[];
  cc: readonly string[];
  subject: string;
}

/** More recipients than this are summed up as "(and N more)". */
export const LISTED_RECIPIENTS = 5;

interface AdfNode {
  type: string;
  text?: string;
  attrs?: Record<string, string>;
  content?: AdfNode[];
}

/** Bare addresses, each once, in the order given: To first, then Cc. */
const recipientAddresses = (to: readonly string[], cc: readonly string[]): string[] => {
  const seen = new Set<string>();
  return [...to, ...cc].flatMap((recipient) => {
    const parsed = parseEmailAddress(recipient);
    const address = parsed.ok ? parsed.value.address : recipient.trim();
    const key = addressKey(address);
    if (address === '' || seen.has(key)) return [];
    seen.add(key);
    return [address];
  });
};

/** "a@x.com, b@y.com (and 3 more)". */
export const describeRecipients = (to: readonly string[], cc: readonly string[]): string => {
  const addresses = recipientAddresses(to, cc);
  const listed = addresses.slice(0, LISTED_RECIPIENTS).join(', ');
  const rest = addresses.length - LISTED_RECIPIENTS;
  return rest > 0 ? `${listed} (and ${rest} more)` : listed;
};

/** `Emailed to a@x.com, b@y.com (and 3 more) by @Sender: Subject` as an ADF document with a mention of the sender. */
export const emailCommentDocument = (input: EmailCommentInput): { type: 'doc'; version: 1; content: AdfNode[] } => {
  const mention: AdfNode = {
    type: 'mention',
    attrs: {
      id: input.senderAccountId,
      ...(input.senderName ? { text: `@${input.senderName}` } : {}),
      accessLevel: '',
    },
  };
  const subject = input.subject.trim();
  return {
    type: 'doc',
    version: 1,
    content: [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: `Emailed to ${describeRecipients(input.to, input.cc)} by ` },
          mention,
          { type: 'text', text: subject === '' ? '' : `: ${subject}` },
        ].filter((node) => node.type !== 'text' || node.text !== ''),
      },
    ],
  };
};

const createdSchema = z.object({ id: z.string() });

/**
 * Adds the "Emailed to ... by ..." comment as the app, so it is not mistaken for the sender's own words and needs
 * no comment permission of theirs. Answers the new comment's id.
 */
export const addEmailComment = async (
  issueKey: string,
  input: EmailCommentInput,
  requestJira: RequestJira = requestJiraAsApp,
): Promise<string> => {
  assertIssueKey(issueKey);
  const json = await postJiraJson(
    requestJira,
    route`/rest/api/3/issue/${issueKey}/comment`,
    { body: emailCommentDocument(input) },
    201,
    issueStatusError,
  );
  return parseJiraAnswer(createdSchema, json, `POST /rest/api/3/issue/${issueKey}/comment`, 201).id;
};

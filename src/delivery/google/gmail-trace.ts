import { GmailError, GmailErrorCode } from '../../google/gmail/gmail-errors';
import { describeGmailCall, gmailRequest, type GmailRequestDeps } from '../../google/gmail/gmail-request';
import type { MessageTrace } from '../../graph/message-lookup';

/*
 * users.messages.list https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/list:
 * `q` takes Gmail's search box syntax, whose `rfc822msgid:` operator finds "Messages with a certain message-id
 * header" (https://support.google.com/mail/answer/7190, written without the angle brackets); `includeSpamTrash`
 * so a sent copy someone binned still counts. Its scopes are mail.google.com, gmail.modify, gmail.readonly (and
 * gmail.metadata, which refuses `q`): gmail.send alone cannot look, so the caller checks the scope first.
 */

/** The Message-ID without its angle brackets, as the search operator takes it. */
const bare = (internetMessageId: string): string => internetMessageId.trim().replace(/^<|>$/g, '');

const invalid = (where: string, problem: string): GmailError =>
  new GmailError(GmailErrorCode.AnswerInvalid, `${where} answered 200: ${problem}`, { status: 200 });

/** The first message id of a users.messages.list answer; undefined when it lists none. */
export const readListedMessageId = (text: string, where: string): string | undefined => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid(where, 'the body is not JSON.');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw invalid(where, 'the body is not an object.');
  const { messages } = json as { messages?: unknown };
  // Gmail leaves `messages` out when nothing matches.
  if (messages === undefined) return undefined;
  if (!Array.isArray(messages)) throw invalid(where, 'response field "messages" must be an array.');
  if (messages.length === 0) return undefined;
  const id = (messages[0] as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || id.trim() === '') {
    throw invalid(where, 'response field "messages[0].id" must be a non-empty string.');
  }
  return id;
};

/**
 * Looks in the mailbox for a message with this Message-ID. The app makes no Gmail drafts, so anything found is
 * the sent copy of an earlier attempt (`requestId` stays empty: Gmail has no request ids).
 */
export const findGmailMessage = async (
  baseUrl: string,
  internetMessageId: string,
  deps: GmailRequestDeps,
): Promise<MessageTrace> => {
  const query = new URLSearchParams({
    q: `rfc822msgid:${bare(internetMessageId)}`,
    includeSpamTrash: 'true',
    maxResults: '1',
  });
  const url = `${baseUrl}/gmail/v1/users/me/messages?${query.toString()}`;
  const answer = await gmailRequest({ method: 'GET', url, expect: [200] }, deps);
  const id = readListedMessageId(answer.text, describeGmailCall('GET', url));
  return id === undefined
    ? { found: 'nothing', requestId: undefined }
    : { found: 'sent', messageId: id, requestId: undefined };
};

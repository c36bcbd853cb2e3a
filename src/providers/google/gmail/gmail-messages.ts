import { gmailJsonCall, type GmailReadDeps, gmailUserUrl } from './gmail-call';
import { GmailError, GmailErrorCode } from './gmail-errors';
import type { GmailFields, JsonObject } from './gmail-fields';
import { describeGmailCall } from './gmail-request';

/** A message as users.messages.get answers with format=raw: the RFC 822 bytes and Gmail's facts about them. */
export interface GmailRawMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  historyId: string;
  /** "The internal message creation timestamp (epoch ms)", when Gmail accepted it. */
  internalDate: number;
  sizeEstimate: number;
  raw: Uint8Array;
}

const BASE64URL = /^[A-Za-z0-9_-]*={0,2}$/;

const readRaw = (body: JsonObject, fields: GmailFields): GmailRawMessage => {
  const raw = fields.text(body, 'raw');
  if (!BASE64URL.test(raw)) throw fields.fail('raw', 'base64url');
  return {
    id: fields.text(body, 'id'),
    threadId: fields.text(body, 'threadId'),
    labelIds: fields.texts(body, 'labelIds'),
    historyId: fields.digits(body, 'historyId'),
    internalDate: Number(fields.digits(body, 'internalDate')),
    sizeEstimate: fields.count(body, 'sizeEstimate'),
    raw: new Uint8Array(Buffer.from(raw, 'base64url')),
  };
};

const messagePath = (id: string): string => `/messages/${encodeURIComponent(id)}`;

/**
 * users.messages.get with format=raw (5 units, https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/get):
 * "the entire email message content in the raw field as a base64url encoded string; the payload field is not
 * used". One call has the whole message, attachments included; format=full would need attachments.get per
 * attachment. A message gone since (404) is GMAIL_NOT_FOUND.
 */
export const readRawMessage = (id: string, deps: GmailReadDeps): Promise<GmailRawMessage> =>
  gmailJsonCall('GET', gmailUserUrl(deps, messagePath(id), { format: 'raw' }), readRaw, deps);

/**
 * users.messages.modify (5 units, https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/modify,
 * scopes mail.google.com or gmail.modify): adds then removes labels by id; answers the message's labels now.
 */
export const modifyLabels = (
  id: string,
  change: { add?: readonly string[]; remove?: readonly string[] },
  deps: GmailReadDeps,
): Promise<{ id: string; labelIds: string[] }> =>
  gmailJsonCall(
    'POST',
    gmailUserUrl(deps, `${messagePath(id)}/modify`),
    (body, fields) => ({ id: fields.text(body, 'id'), labelIds: fields.texts(body, 'labelIds') }),
    deps,
    { addLabelIds: [...(change.add ?? [])], removeLabelIds: [...(change.remove ?? [])] },
  );

/** Read, as Gmail has it: the message loses the system label UNREAD. */
export const markRead = (id: string, deps: GmailReadDeps): Promise<{ id: string; labelIds: string[] }> =>
  modifyLabels(id, { remove: ['UNREAD'] }, deps);

/** Gmail has no folders: "moving" takes the label the handler reads off and puts the processed one on. */
export const moveToLabel = (
  id: string,
  fromLabelId: string,
  toLabelId: string,
  deps: GmailReadDeps,
): Promise<{ id: string; labelIds: string[] }> => modifyLabels(id, { add: [toLabelId], remove: [fromLabelId] }, deps);

export interface GmailMessageRef {
  id: string;
  threadId: string;
}

/**
 * The messages of the mailbox with that Message-ID, by users.messages.list (5 units,
 * https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/list) with q=rfc822msgid:
 * (its own example; not allowed with the gmail.metadata scope; written without the angle brackets,
 * https://support.google.com/mail/answer/7190). Spam and trash are left out, as by default, unless
 * `includeSpamTrash` (the outbox's search for an earlier attempt: a sent copy someone binned still counts).
 */
export const findByMessageId = async (
  internetMessageId: string,
  deps: GmailReadDeps,
  options: { includeSpamTrash?: boolean } = {},
): Promise<GmailMessageRef[]> => {
  const bare = internetMessageId.trim().replace(/^<(.*)>$/, '$1');
  if (bare === '' || /[\s<>]/.test(bare)) {
    const where = describeGmailCall('GET', gmailUserUrl(deps, '/messages'));
    throw new GmailError(GmailErrorCode.BadRequest, `${where} not called: the Message-ID is not one.`);
  }
  const url = gmailUserUrl(deps, '/messages', {
    q: `rfc822msgid:${bare}`,
    maxResults: '10',
    includeSpamTrash: options.includeSpamTrash === true ? 'true' : undefined,
  });
  return gmailJsonCall(
    'GET',
    url,
    (body, fields) => {
      fields.count(body, 'resultSizeEstimate');
      return fields.objects(body, 'messages', (item, inner) => ({
        id: inner.text(item, 'id'),
        threadId: inner.text(item, 'threadId'),
      }));
    },
    deps,
  );
};

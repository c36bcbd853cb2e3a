import {
  type AttachmentDescription,
  attachmentSize,
  type MailAttachment,
  type MailHeader,
  type MailMessage,
  type OutgoingMessage,
} from '../../../mail-model/outgoing-message';
import type { GraphFailureReason } from './errors';

/*
 * Graph's shapes of the app's message (mail-model/outgoing-message.ts): a custom header is Graph's
 * `internetMessageHeader`, which takes only `x-` names, and the body goes as contentType HTML
 * (https://learn.microsoft.com/en-us/graph/api/resources/message).
 */

interface GraphRecipient {
  emailAddress: { address: string };
}

export interface GraphFileAttachment {
  '@odata.type': '#microsoft.graph.fileAttachment';
  name: string;
  contentType: string;
  contentBytes: string;
  isInline: boolean;
  contentId?: string;
}

/** Graph's `message` as the app sends it. */
export interface GraphMessage {
  subject: string;
  body: { contentType: 'HTML'; content: string };
  toRecipients: GraphRecipient[];
  ccRecipients: GraphRecipient[];
  bccRecipients: GraphRecipient[];
  replyTo?: GraphRecipient[];
  internetMessageHeaders?: MailHeader[];
  internetMessageId?: string;
  attachments?: GraphFileAttachment[];
}

/** The `sendMail` request body (Graph v1.0 `user: sendMail`). */
export interface GraphSendMailBody {
  message: GraphMessage;
  saveToSentItems: boolean;
}

/** Graph refuses more custom headers on one message (and an empty list, so none is sent then). */
export const MAX_CUSTOM_HEADERS = 5;

const recipients = (addresses: readonly string[] | undefined): GraphRecipient[] =>
  (addresses ?? []).map((address) => ({ emailAddress: { address } }));

const base64 = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

/** Length of the base64 text of `size` bytes (with padding). */
export const base64Length = (size: number): number => 4 * Math.ceil(size / 3);

const fileAttachment = (attachment: AttachmentDescription, contentBytes: string): GraphFileAttachment => ({
  '@odata.type': '#microsoft.graph.fileAttachment',
  name: attachment.name,
  contentType: attachment.contentType,
  contentBytes,
  isInline: attachment.isInline === true,
  ...(attachment.contentId === undefined ? {} : { contentId: attachment.contentId }),
});

export const toFileAttachment = (attachment: MailAttachment): GraphFileAttachment =>
  fileAttachment(attachment, base64(attachment.bytes));

/** The message without its attachments: what a draft is created with before they are added one by one. */
export const toGraphMessage = (message: Omit<MailMessage, 'attachments'>): GraphMessage => ({
  subject: message.subject,
  body: { contentType: 'HTML', content: message.html },
  toRecipients: recipients(message.to),
  ccRecipients: recipients(message.cc),
  bccRecipients: recipients(message.bcc),
  ...(message.replyTo === undefined || message.replyTo.length === 0 ? {} : { replyTo: recipients(message.replyTo) }),
  ...(message.headers === undefined || message.headers.length === 0
    ? {}
    : { internetMessageHeaders: message.headers.map(({ name, value }) => ({ name, value })) }),
  ...(message.internetMessageId === undefined ? {} : { internetMessageId: message.internetMessageId }),
});

const sendMailBody = <A extends AttachmentDescription>(
  message: Omit<OutgoingMessage, 'attachments'> & { attachments?: readonly A[] },
  saveToSentItems: boolean,
  encode: (attachment: A) => string,
): GraphSendMailBody => ({
  message: {
    ...toGraphMessage(message),
    ...(message.attachments === undefined || message.attachments.length === 0
      ? {}
      : { attachments: message.attachments.map((attachment) => fileAttachment(attachment, encode(attachment))) }),
  },
  saveToSentItems,
});

export const toSendMailBody = (message: MailMessage, saveToSentItems: boolean): GraphSendMailBody =>
  sendMailBody(message, saveToSentItems, (attachment) => base64(attachment.bytes));

/**
 * The exact UTF-8 size of `JSON.stringify(toSendMailBody(...))`, without reading or encoding the attachments:
 * base64 needs no JSON escaping, so each attachment adds exactly its base64 length to a body that carries empty
 * contentBytes.
 */
export const sendMailBodyBytes = (message: OutgoingMessage, saveToSentItems: boolean): number => {
  const skeleton = JSON.stringify(sendMailBody(message, saveToSentItems, () => ''));
  const encoded = (message.attachments ?? []).reduce(
    (sum, attachment) => sum + base64Length(attachmentSize(attachment)),
    0,
  );
  return Buffer.byteLength(skeleton, 'utf8') + encoded;
};

// RFC 5322 field names are printable ASCII but ":"; Graph adds that custom ones start with "x-".
const HEADER_NAME = /^x-[\x21-\x39\x3b-\x7e]+$/i;
// A line break would end the header and start another: no control characters but tab.
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's job
const HEADER_VALUE = /^[^\x00-\x08\x0a-\x1f\x7f]*$/;
// msg-id = "<" id-left "@" id-right ">", each printable ASCII without "<", ">" and "@".
const MESSAGE_ID = /^<[\x21-\x3b\x3d\x3f\x41-\x7e]+@[\x21-\x3b\x3d\x3f\x41-\x7e]+>$/;

const quoted = (text: string): string => JSON.stringify(text.slice(0, 100));

export interface MessageProblem {
  reason: GraphFailureReason;
  /** Names the header or property; never a header's value. */
  text: string;
}

/** What Graph would refuse about the custom headers and Message-ID, checked before anything is sent. */
export const messageProblem = (message: OutgoingMessage): MessageProblem | undefined => {
  const headers = message.headers ?? [];
  if (headers.length > MAX_CUSTOM_HEADERS) {
    return {
      reason: 'invalid-header',
      text: `a message takes at most ${MAX_CUSTOM_HEADERS} custom headers, not ${headers.length}.`,
    };
  }
  for (const { name, value } of headers) {
    if (!HEADER_NAME.test(name)) {
      return {
        reason: 'invalid-header',
        text: `the header name ${quoted(name)} must start with x- and hold printable ASCII without ":".`,
      };
    }
    if (!HEADER_VALUE.test(value)) {
      return {
        reason: 'invalid-header',
        text: `the value of the header ${quoted(name)} holds a line break or another control character.`,
      };
    }
  }
  if (message.internetMessageId !== undefined && !MESSAGE_ID.test(message.internetMessageId)) {
    return { reason: 'bad-request', text: 'the internetMessageId must look like <local-part@domain>.' };
  }
  return undefined;
};

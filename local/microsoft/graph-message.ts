import { createHash } from 'node:crypto';

import type { EmulatedMailbox, StoredMessage } from './types';

type Json = Record<string, unknown>;

/** The properties Graph returns for a message without $select, in its order (docs: user-list-messages). */
export const DEFAULT_MESSAGE_PROPERTIES = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'receivedDateTime',
  'sentDateTime',
  'hasAttachments',
  'internetMessageId',
  'subject',
  'bodyPreview',
  'importance',
  'parentFolderId',
  'conversationId',
  'conversationIndex',
  'isDeliveryReceiptRequested',
  'isReadReceiptRequested',
  'isRead',
  'isDraft',
  'webLink',
  'inferenceClassification',
  'body',
  'sender',
  'from',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'flag',
] as const;

/** Structural properties returned only when $select names them. */
const SELECT_ONLY_PROPERTIES = ['uniqueBody', 'internetMessageHeaders'] as const;

/** Navigation properties: $select may name them, but without $expand they carry nothing. */
const NAVIGATION_PROPERTIES = [
  'attachments',
  'extensions',
  'multiValueExtendedProperties',
  'singleValueExtendedProperties',
];

export const SELECTABLE_MESSAGE_PROPERTIES: readonly string[] = [
  ...DEFAULT_MESSAGE_PROPERTIES,
  ...SELECT_ONLY_PROPERTIES,
  ...NAVIGATION_PROPERTIES,
];

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest();

/** `2030-06-01T12:00:00Z`: Graph writes message times to the second. */
const graphDateTime = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');

const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** The first 255 characters of the body as text, as `bodyPreview` gives them. */
const bodyPreview = (body: StoredMessage['message']['body']): string => {
  const content = body?.content ?? '';
  const textContent =
    body?.contentType === 'html'
      ? content
          .replace(/<(style|script|head)\b[\s\S]*?<\/\1>/gi, ' ')
          .replace(/<[^>]*>/g, ' ')
          .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
      : content;
  return textContent.replace(/\s+/g, ' ').trim().slice(0, 255);
};

/**
 * The Message-ID of a message: the one the client chose on create or sendMail (Exchange keeps it), else one made
 * from the item id in the sender's domain, as Exchange makes one when the client leaves it out.
 */
export const internetMessageIdOf = (itemId: string, message: StoredMessage['message'], mailboxUpn: string): string => {
  if (typeof message.internetMessageId === 'string') return message.internetMessageId;
  const domain = mailboxUpn.split('@')[1] ?? 'contoso.onmicrosoft.com';
  return `<${hash('internet-message-id', itemId).toString('hex').slice(0, 32).toUpperCase()}@${domain}>`;
};

/** The change key, and the weak ETag Graph derives from it. */
export const changeKeyOf = (stored: StoredMessage): string =>
  `CQAAABYAAAA${hash('change-key', stored.id).toString('base64').slice(0, 24)}`;

/**
 * A stored message as Graph's `message` resource in the sender's Sent Items: every property a default GET
 * returns, plus the select-only ones.
 */
export const graphMessage = (stored: StoredMessage, mailbox: EmulatedMailbox, parentFolderId: string): Json => {
  const { message } = stored;
  const time = graphDateTime(stored.receivedAt);
  const owner = { emailAddress: { name: mailbox.displayName, address: mailbox.userPrincipalName } };
  const from = (message.from as Json | undefined) ?? owner;
  const body = {
    contentType: message.body?.contentType === 'html' ? 'html' : 'text',
    content: message.body?.content ?? '',
  };
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  return {
    id: stored.id,
    createdDateTime: time,
    lastModifiedDateTime: time,
    changeKey: changeKeyOf(stored),
    categories: list(message.categories),
    receivedDateTime: time,
    sentDateTime: time,
    hasAttachments: (message.attachments?.length ?? 0) > 0,
    internetMessageId: internetMessageIdOf(stored.id, message, mailbox.userPrincipalName),
    subject: message.subject ?? '',
    bodyPreview: bodyPreview(message.body),
    importance: typeof message.importance === 'string' ? message.importance : 'normal',
    parentFolderId,
    conversationId: `AAQkAG${hash('conversation', stored.id).toString('base64url').slice(0, 40)}=`,
    conversationIndex: hash('conversation-index', stored.id).subarray(0, 22).toString('base64'),
    isDeliveryReceiptRequested: message.isDeliveryReceiptRequested === true,
    isReadReceiptRequested: message.isReadReceiptRequested === true,
    isRead: true,
    isDraft: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(stored.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    body,
    sender: from,
    from,
    toRecipients: list(message.toRecipients),
    ccRecipients: list(message.ccRecipients),
    bccRecipients: list(message.bccRecipients),
    replyTo: list(message.replyTo),
    flag: message.flag ?? { flagStatus: 'notFlagged' },
    uniqueBody: body,
    internetMessageHeaders: list(message.internetMessageHeaders),
  };
};

/**
 * The message as a response item: `@odata.etag` first, then the default properties, or with $select only `id`
 * and the selected ones (canonical names, in Graph's order).
 */
export const projectMessage = (full: Json, select: readonly string[] | undefined): Json => {
  const names =
    select === undefined
      ? DEFAULT_MESSAGE_PROPERTIES
      : ['id', ...SELECTABLE_MESSAGE_PROPERTIES.filter((name) => name !== 'id' && select.includes(name))];
  const item: Json = { '@odata.etag': `W/"${String(full.changeKey)}"` };
  for (const name of names) {
    if (name in full) item[name] = full[name];
  }
  return item;
};

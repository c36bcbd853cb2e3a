import { createHash } from 'node:crypto';

import type { FolderMessage, MailBody } from './mail-store';

type Json = Record<string, unknown>;

/** How the client asked for ids and bodies (Prefer headers of message-get and outlook-immutable-id). */
export interface MessageView {
  /** `Prefer: IdType="ImmutableId"`: ids that survive moves (https://learn.microsoft.com/en-us/graph/outlook-immutable-id). */
  immutableIds: boolean;
  /** `Prefer: outlook.body-content-type="text"|"html"`; undefined keeps each body as stored. */
  bodyType?: 'text' | 'html';
}

/**
 * The Prefer preferences the emulator honours, and what Preference-Applied echoes back
 * (https://learn.microsoft.com/en-us/graph/api/message-get?view=graph-rest-1.0#request-headers).
 */
export const readPrefer = (prefer: string | undefined): MessageView & { applied: string[] } => {
  const value = prefer ?? '';
  const applied: string[] = [];
  const body = /outlook\.body-content-type\s*=\s*"?(text|html)"?/i.exec(value)?.[1]?.toLowerCase();
  const bodyType = body === 'text' || body === 'html' ? body : undefined;
  if (bodyType !== undefined) applied.push(`outlook.body-content-type="${bodyType}"`);
  const immutableIds = /IdType\s*=\s*"?ImmutableId"?/i.test(value);
  if (immutableIds) applied.push('IdType="ImmutableId"');
  return { immutableIds, ...(bodyType === undefined ? {} : { bodyType }), applied };
};

const ENTITIES: Record<string, string> = {
  '&nbsp;': ' ',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};

/** HTML as Exchange's text conversion gives it, roughly: blocks become lines, tags go, entities decode. */
export const htmlToText = (content: string): string =>
  content
    .replace(/<(style|script|head)\b[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|tr|h[1-6]|li|blockquote)>|<hr\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(nbsp|amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/&#(\d+);/g, (_entity, code: string) => String.fromCodePoint(Number(code)))
    .replace(/\n{3,}/g, '\n\n')
    .trim();

export const escapeText = (value: string): string => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const asType = (body: MailBody, type: 'text' | 'html' | undefined): MailBody => {
  if (type === undefined || type === body.contentType) return body;
  if (type === 'text') return { contentType: 'text', content: htmlToText(body.content) };
  return {
    contentType: 'html',
    content: `<html><body><div>${escapeText(body.content).replace(/\r?\n/g, '<br>')}</div></body></html>`,
  };
};

const preview = (body: MailBody): string =>
  (body.contentType === 'html' ? htmlToText(body.content) : body.content).replace(/\s+/g, ' ').trim().slice(0, 255);

export const changeKeyOfReceived = (message: FolderMessage): string =>
  `CQAAABYAAAA${createHash('sha256').update(`${message.immutableId}\u0000${message.version}`).digest('base64').slice(0, 24)}`;

/** The id a client sees for a message, as its Prefer header asked. */
export const visibleId = (message: FolderMessage, view: MessageView): string =>
  view.immutableIds ? message.immutableId : message.id;

const graphTime = (iso: string) => iso.replace(/\.\d{3}Z$/, 'Z');

/**
 * A received message as Graph's `message` resource (https://learn.microsoft.com/en-us/graph/api/resources/message):
 * the default properties plus `uniqueBody` and `internetMessageHeaders`, which projectMessage() leaves out unless
 * $select names them.
 */
export const receivedMessage = (message: FolderMessage, view: MessageView): Json => {
  const id = visibleId(message, view);
  return {
    id,
    createdDateTime: graphTime(message.receivedDateTime),
    lastModifiedDateTime: graphTime(message.lastModifiedDateTime),
    changeKey: changeKeyOfReceived(message),
    categories: [],
    receivedDateTime: graphTime(message.receivedDateTime),
    sentDateTime: graphTime(message.sentDateTime ?? message.receivedDateTime),
    // Graph's hasAttachments leaves inline attachments out (message resource).
    hasAttachments: message.attachments.some((attachment) => !attachment.isInline),
    internetMessageId: message.internetMessageId,
    subject: message.subject,
    bodyPreview: preview(message.body),
    importance: 'normal',
    parentFolderId: message.folderId,
    conversationId: message.conversationId,
    conversationIndex: message.conversationIndex,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: message.isRead,
    isDraft: false,
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    inferenceClassification: 'focused',
    body: asType(message.body, view.bodyType),
    sender: message.sender ?? message.from,
    from: message.from,
    toRecipients: message.toRecipients,
    ccRecipients: message.ccRecipients ?? [],
    bccRecipients: [],
    replyTo: message.replyTo ?? [],
    flag: { flagStatus: 'notFlagged' },
    uniqueBody: asType(message.uniqueBody, view.bodyType),
    internetMessageHeaders: message.internetMessageHeaders,
  };
};

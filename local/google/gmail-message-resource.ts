import type { Attachment } from 'postal-mime';

import type { StoredGmailMessage } from './gmail-mailboxes';

/*
 * Gmail's Message resource (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages#Message)
 * in the formats of users.messages.get (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/get):
 * `minimal` (id, threadId, labelIds, snippet, historyId, internalDate, sizeEstimate), `metadata` (+ payload headers,
 * `metadataHeaders` choosing which), `full` (+ the parsed payload: "An attachment ID is present if the body data is
 * contained in a separate attachment", fetched by users.messages.attachments.get), `raw` (+ `raw`, the whole RFC 2822
 * message base64url encoded, no payload).
 */

export type MessageFormat = 'minimal' | 'metadata' | 'full' | 'raw';
export const MESSAGE_FORMATS: readonly MessageFormat[] = ['minimal', 'metadata', 'full', 'raw'];

/** An attachment's id: opaque to the app, the message and the part's index to the emulator. */
export const attachmentIdOf = (messageId: string, index: number): string =>
  `ANGjdJ${Buffer.from(`${messageId}:${index}`, 'utf8').toString('base64url')}`;

export const attachmentIndexOf = (messageId: string, attachmentId: string): number | undefined => {
  if (!attachmentId.startsWith('ANGjdJ')) return undefined;
  const [id, index] = Buffer.from(attachmentId.slice(6), 'base64url').toString('utf8').split(':');
  return id === messageId && index !== undefined && /^\d{1,4}$/.test(index) ? Number(index) : undefined;
};

export const attachmentBytes = (file: Attachment): Buffer =>
  typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(new Uint8Array(file.content));

const headersOf = (message: StoredGmailMessage): Array<{ name: string; value: string }> =>
  message.parsed.headers.map((h) => ({ name: h.originalKey, value: h.value }));

const textPart = (partId: string, mimeType: string, content: string) => {
  const bytes = Buffer.from(content, 'utf8');
  return {
    partId,
    mimeType,
    filename: '',
    headers: [{ name: 'Content-Type', value: `${mimeType}; charset="UTF-8"` }],
    body: { size: bytes.byteLength, data: bytes.toString('base64url') },
  };
};

const fullPayload = (message: StoredGmailMessage): Record<string, unknown> => {
  const { parsed } = message;
  const contentType =
    parsed.headers
      .find((h) => h.key === 'content-type')
      ?.value.split(';')[0]
      ?.trim() ?? 'text/plain';
  const texts = [
    ...(parsed.text === undefined ? [] : [['text/plain', parsed.text] as const]),
    ...(parsed.html === undefined ? [] : [['text/html', parsed.html] as const]),
  ];
  const files = parsed.attachments.map((file, index) => ({
    partId: String(texts.length + index),
    mimeType: file.mimeType,
    filename: file.filename ?? '',
    headers: [
      { name: 'Content-Type', value: file.mimeType },
      ...(file.disposition === null ? [] : [{ name: 'Content-Disposition', value: file.disposition }]),
      ...(file.contentId === undefined ? [] : [{ name: 'Content-ID', value: file.contentId }]),
    ],
    body: { attachmentId: attachmentIdOf(message.id, index), size: attachmentBytes(file).byteLength },
  }));
  const headers = headersOf(message);
  if (!contentType.toLowerCase().startsWith('multipart/')) {
    const [only] = texts;
    const body = only === undefined ? { size: 0 } : textPart('', only[0], only[1]).body;
    return { partId: '', mimeType: contentType, filename: '', headers, body };
  }
  return {
    partId: '',
    mimeType: contentType,
    filename: '',
    headers,
    body: { size: 0 },
    parts: [...texts.map(([type, content], index) => textPart(String(index), type, content)), ...files],
  };
};

/** The message in `format`; `metadataHeaders` (lower case) keeps only those headers in `metadata`. */
export const messageResource = (
  message: StoredGmailMessage,
  format: MessageFormat,
  metadataHeaders: readonly string[] = [],
): Record<string, unknown> => {
  const base = {
    id: message.id,
    threadId: message.threadId,
    labelIds: [...message.labelIds],
    snippet: (message.parsed.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 200),
    sizeEstimate: message.raw.byteLength,
    historyId: message.historyId,
    internalDate: String(message.internalDate),
  };
  if (format === 'raw') return { ...base, raw: message.raw.toString('base64url') };
  if (format === 'minimal') return base;
  if (format === 'metadata') {
    const headers = headersOf(message).filter(
      (header) => metadataHeaders.length === 0 || metadataHeaders.includes(header.name.toLowerCase()),
    );
    const mimeType = message.parsed.headers.find((h) => h.key === 'content-type')?.value.split(';')[0] ?? 'text/plain';
    return { ...base, payload: { mimeType: mimeType.trim(), headers } };
  }
  return { ...base, payload: fullPayload(message) };
};

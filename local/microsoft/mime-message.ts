import type { StoredMessage } from './types';

type Recipient = { emailAddress: { address: string; name?: string } };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Strict base64 (whitespace and line breaks allowed), as Exchange reads a MIME sendMail body. */
export const decodeStrictBase64 = (text: string): Buffer | undefined => {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64.test(compact)) return undefined;
  return Buffer.from(compact, 'base64');
};

const parseAddressList = (value: string | undefined): Recipient[] => {
  if (value === undefined) return [];
  return value
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const angle = /^(.*)<([^>]*)>\s*$/.exec(part);
      if (angle === null) return { emailAddress: { address: part } };
      const name = (angle[1] ?? '').trim().replace(/^"(.*)"$/, '$1');
      const address = (angle[2] ?? '').trim();
      return name.length > 0 ? { emailAddress: { address, name } } : { emailAddress: { address } };
    });
};

/**
 * Reads the headers of an RFC 822 message sent to sendMail as base64 text: Subject, To, Cc, Bcc and the body.
 * Multipart bodies are kept as their raw text; encoded words are not decoded.
 */
export const parseMimeMessage = (raw: Buffer): StoredMessage['message'] => {
  const text = raw.toString('utf8');
  const split = /\r?\n\r?\n/.exec(text);
  const head = split === null ? text : text.slice(0, split.index);
  const bodyText = split === null ? '' : text.slice(split.index + split[0].length);
  const headers = new Map<string, string>();
  let current: string | undefined;
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && current !== undefined) {
      headers.set(current, `${headers.get(current) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    current = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(current)) headers.set(current, line.slice(colon + 1).trim());
  }
  const contentType = (headers.get('content-type') ?? 'text/plain').toLowerCase();
  return {
    subject: headers.get('subject') ?? '',
    body: { contentType: contentType.startsWith('text/html') ? 'html' : 'text', content: bodyText },
    toRecipients: parseAddressList(headers.get('to')),
    ccRecipients: parseAddressList(headers.get('cc')),
    bccRecipients: parseAddressList(headers.get('bcc')),
  };
};

import { parseEmailAddress } from '../../../src/contract/email-address';

/** What people type between addresses. Line breaks and tabs come from lists pasted out of mail clients and sheets. */
const LIST_SEPARATORS = new Set([',', ';']);
const LINE_SEPARATORS = new Set(['\n', '\r', '\t']);

export interface SplitText {
  /** Tokens a separator has closed, trimmed, empty ones dropped. */
  complete: string[];
  /** What follows the last separator: the address still being typed (leading spaces dropped). */
  rest: string;
}

/**
 * Splits typed or pasted text into recipients at commas, semicolons, line breaks and tabs. A comma inside a quoted
 * name (`"Doe, Jane" <jane@example.com>`) or inside `<…>` does not split; a line break always does, so one
 * unbalanced quote cannot swallow a whole pasted list.
 */
export function splitRecipientText(text: string): SplitText {
  const complete: string[] = [];
  let start = 0;
  let quoted = false;
  let escaped = false;
  let angle = false;
  const close = (end: number) => {
    const token = text.slice(start, end).trim();
    if (token !== '') complete.push(token);
    start = end + 1;
  };
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (LINE_SEPARATORS.has(char)) {
      close(index);
      quoted = false;
      escaped = false;
      angle = false;
    } else if (quoted) {
      if (escaped) escaped = false;
      else if (char === '\\') escaped = true;
      else if (char === '"') quoted = false;
    } else if (char === '"') {
      quoted = true;
    } else if (char === '<') {
      angle = true;
    } else if (char === '>') {
      angle = false;
    } else if (!angle && LIST_SEPARATORS.has(char)) {
      close(index);
    }
  }
  return { complete, rest: text.slice(start).trimStart() };
}

/** Every recipient in the text, the unfinished last one included (leaving a field or pasting a list). */
export function splitAllRecipients(text: string): string[] {
  const { complete, rest } = splitRecipientText(text);
  const last = rest.trim();
  return last === '' ? complete : [...complete, last];
}

/** Whether a paste should become chips at once rather than text to keep typing. */
export const isRecipientList = (text: string): boolean => splitRecipientText(text).complete.length > 0;

/** RFC 5322 atext plus spaces, and any non-ASCII letter (RFC 6532): a display name that needs no quotes. */
const PLAIN_NAME = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~ -]+$/u;

/**
 * `Name <address>` for a person picked from a list, the form the backend parses. Names with commas, dots or
 * brackets are quoted; a name that still would not parse is left out rather than sending something else.
 */
export function formatMailbox(name: string | undefined, address: string): string {
  const display = (name ?? '').replace(/\s+/g, ' ').trim();
  if (display === '') return address;
  const phrase = PLAIN_NAME.test(display) ? display : `"${display.replace(/["\\]/g, '\\$&')}"`;
  const mailbox = `${phrase} <${address}>`;
  return parseEmailAddress(mailbox).ok ? mailbox : address;
}

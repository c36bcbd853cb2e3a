import { headerValues } from '../headers';
import type { MessageHeader } from '../message';

/** A header longer than this is read only so far; a thread's References rarely pass a few kilobytes. */
const MAX_HEADER_CHARS = 16_000;
/** At most this many ids from one message: the newest ones count (In-Reply-To, then References from the end). */
export const MAX_REFERENCED_IDS = 100;

/**
 * A Message-ID in the one form the app compares: `<id-left@id-right>` with the id-right (a domain, RFC 5322
 * §3.6.4) lowercased and the id-left kept as it is, since nothing makes it case-insensitive. Undefined for
 * something that is no msg-id (no `@`, spaces inside).
 */
export const normalizeMessageId = (id: string): string | undefined => {
  const bare = id.trim().replace(/^<|>$/g, '').trim();
  const at = bare.lastIndexOf('@');
  if (at <= 0 || at === bare.length - 1 || /[\s<>]/.test(bare)) return undefined;
  return `<${bare.slice(0, at)}@${bare.slice(at + 1).toLowerCase()}>`;
};

/** The value without RFC 5322 comments (parenthesised, nestable, with quoted-pairs) outside angle brackets. */
const withoutComments = (value: string): string => {
  let out = '';
  let depth = 0;
  let inAngle = false;
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    if (depth > 0) {
      if (char === '\\') index++;
      else if (char === '(') depth++;
      else if (char === ')') depth--;
      continue;
    }
    if (char === '(' && !inAngle) depth = 1;
    else {
      if (char === '<') inAngle = true;
      else if (char === '>') inAngle = false;
      out += char;
    }
  }
  return out;
};

/**
 * The msg-ids of an In-Reply-To or References value, in order, normalised, each once. RFC 5322 writes them as
 * `<id>` separated by folding white space; clients that drop the brackets or separate with commas are read too.
 */
export const parseMessageIds = (value: string): string[] => {
  const text = withoutComments(value.slice(0, MAX_HEADER_CHARS));
  const bracketed = text.match(/<[^<>]{1,998}>/g);
  const candidates = bracketed ?? text.split(/[\s,]+/);
  const ids = candidates.map(normalizeMessageId).filter((id): id is string => id !== undefined);
  return [...new Set(ids)];
};

/**
 * The Message-IDs a reply refers to, most likely parent first: In-Reply-To's, then References' from the newest
 * (last) to the oldest; to match against the `internetMessageId`s of the emails the app sent.
 */
export const referencedMessageIds = (headers: readonly MessageHeader[] | null | undefined): string[] => {
  const inReplyTo = headerValues(headers, 'in-reply-to').flatMap(parseMessageIds);
  const references = headerValues(headers, 'references').flatMap(parseMessageIds).reverse();
  return [...new Set([...inReplyTo, ...references])].slice(0, MAX_REFERENCED_IDS);
};

import { headerValue, headerValues } from '../headers';
import type { EmailAddress, MessageHeader } from '../message';
import type { NoiseReason } from './noise-reasons';

/**
 * The prefix of the headers the app sends (src/mail/thread-identity.ts: `x-issue-mailer-issue`, `-email`, and
 * `-auto-submitted` on mail a rule sent); any header under it marks the app's own mail, or another Issue Mailer
 * site's.
 */
export const OWN_HEADER_PREFIX = 'x-issue-mailer-';

export interface NoiseInput {
  /** The message's headers (names in any case); missing for some same-tenant mail through Graph (graph-inbound.md §3). */
  headers?: readonly MessageHeader[] | null;
  from?: EmailAddress | null;
  /** The app's own sender mailboxes (every credential's), in any case. */
  ownMailboxes: readonly string[];
  /** The message's top-level MIME type when known apart from the headers, e.g. from its MIME (`$value`). */
  contentType?: string | null;
}

export type NoiseVerdict = { noise: false } | { noise: true; reason: NoiseReason; reasons: NoiseReason[] };

/** A header value's first token, without RFC 5322 comments and parameters: `auto-replied (vacation); x=y` -> `auto-replied`. */
const token = (value: string): string =>
  value
    .replace(/\([^()]{0,200}\)/g, ' ')
    .split(';')[0]!
    .trim()
    .toLowerCase();

const REPORT_SENDERS = new Set(['mailer-daemon', 'postmaster']);
const BULK_PRECEDENCES = new Set(['bulk', 'junk', 'list']);

const isReport = (input: NoiseInput, fromAddress: string): boolean => {
  const types = [...headerValues(input.headers, 'content-type'), input.contentType ?? ''].map(token);
  if (types.includes('multipart/report')) return true;
  const local = fromAddress.slice(0, fromAddress.lastIndexOf('@'));
  return REPORT_SENDERS.has(local);
};

const isAutoSubmitted = (headers: NoiseInput['headers']): boolean =>
  headerValues(headers, 'auto-submitted').some((value) => !['', 'no'].includes(token(value)));

const suppressesAutoResponses = (headers: NoiseInput['headers']): boolean =>
  headerValues(headers, 'x-auto-response-suppress').some((value) => !['', 'none'].includes(token(value)));

const hasEmptyReturnPath = (headers: NoiseInput['headers']): boolean => {
  const value = headerValue(headers, 'return-path');
  return value !== undefined && value.replace(/[\s<>]/g, '') === '';
};

/**
 * Whether a message is noise the app must not process, and why (every reason that applies, the first one
 * leading). Header names and values compare case-insensitively. The sender's hourly limit is not decided here:
 * it needs the count of what came before.
 */
export const classifyNoise = (input: NoiseInput): NoiseVerdict => {
  const headers = input.headers;
  const fromAddress = (input.from?.address ?? '').trim().toLowerCase();
  const own = new Set(input.ownMailboxes.map((mailbox) => mailbox.trim().toLowerCase()));
  const checks: Array<[NoiseReason, boolean]> = [
    ['OWN_MAILBOX', fromAddress !== '' && own.has(fromAddress)],
    ['OWN_HEADERS', (headers ?? []).some((header) => header.name.toLowerCase().startsWith(OWN_HEADER_PREFIX))],
    ['DELIVERY_REPORT', isReport(input, fromAddress)],
    ['AUTO_SUBMITTED', isAutoSubmitted(headers)],
    ['AUTO_RESPONSE_SUPPRESS', suppressesAutoResponses(headers)],
    ['BULK_PRECEDENCE', headerValues(headers, 'precedence').some((value) => BULK_PRECEDENCES.has(token(value)))],
    ['AUTOREPLY_HEADER', ['x-autoreply', 'x-autorespond'].some((name) => headerValue(headers, name) !== undefined)],
    ['EMPTY_RETURN_PATH', hasEmptyReturnPath(headers)],
  ];
  const reasons = checks.filter(([, applies]) => applies).map(([reason]) => reason);
  const [reason] = reasons;
  return reason === undefined ? { noise: false } : { noise: true, reason, reasons };
};

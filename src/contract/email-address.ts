import emailAddresses from 'email-addresses';

/** Exchange Online accepts at most 500 recipients a message (To, Cc and Bcc together). */
export const MAX_RECIPIENTS = 500;

export interface ParsedAddress {
  /** The addr-spec, e.g. `jane@example.com`. */
  address: string;
  /** The display name, when one was given (`Jane Doe <jane@example.com>`). */
  name: string | undefined;
}

export type AddressParse = { ok: true; value: ParsedAddress } | { ok: false; message: string };

const DOMAIN_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;

/**
 * One recipient as a person types it: `jane@example.com` or `Jane Doe <jane@example.com>`, checked as an RFC 5322
 * mailbox (RFC 6532 allows UTF-8) by the email-addresses parser. Groups, comments-only input and domains without a
 * dot (`jane@localhost`) are refused: mail to them never leaves Exchange Online.
 */
export const parseEmailAddress = (input: string): AddressParse => {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter an email address.' };
  if (text.length > 320) return { ok: false, message: 'An email address is at most 320 characters long.' };
  const parsed = emailAddresses.parseOneAddress({ input: text, rfc6532: true, rejectTLD: true });
  if (parsed === null || parsed.type !== 'mailbox') {
    return { ok: false, message: `"${text}" is not a valid email address.` };
  }
  const labels = parsed.domain.split('.');
  if (parsed.domain.startsWith('[') || !labels.every((label) => DOMAIN_LABEL.test(label))) {
    return { ok: false, message: `"${text}" is not a valid email address.` };
  }
  const name = parsed.name?.trim();
  return { ok: true, value: { address: parsed.address, name: name === undefined || name === '' ? undefined : name } };
};

/** Addresses compare case-insensitively for folding duplicates (the local part is case-insensitive in Exchange). */
export const addressKey = (address: string): string => address.trim().toLowerCase();

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
/** A top-level domain is never all digits (RFC 3696 section 2): `a@127.0.0.1` names a host, not a mail domain. */
const NUMERIC_LABEL = /^\p{N}+$/u;

const invalid = (text: string): AddressParse => ({ ok: false, message: `"${text}" is not a valid email address.` });

/**
 * One recipient as a person types it: `jane@example.com` or `Jane Doe <jane@example.com>`, checked as an RFC 5322
 * mailbox (RFC 6532 allows UTF-8) by the email-addresses parser. Refused, because mail to them never leaves Exchange
 * Online or Graph refuses them after the email was queued: groups, comments-only input, domains without a dot
 * (`jane@localhost`), address literals (`jane@[127.0.0.1]`) and dotted numbers (`jane@127.0.0.1`), and quoted local
 * parts (`"a b"@example.com`): the parser hands their content back unquoted (`a b@example.com`), which is no address.
 */
export const parseEmailAddress = (input: string): AddressParse => {
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter an email address.' };
  if (text.length > 320) return { ok: false, message: 'An email address is at most 320 characters long.' };
  const parsed = emailAddresses.parseOneAddress({ input: text, rfc6532: true, rejectTLD: true });
  if (parsed === null || parsed.type !== 'mailbox') return invalid(text);
  if (parsed.parts.local.tokens.includes('"')) {
    return {
      ok: false,
      message: `"${text}" has a quoted part before the @, which Microsoft 365 does not deliver to. Use the address without quotes.`,
    };
  }
  const labels = parsed.domain.split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  if (
    parsed.domain.startsWith('[') ||
    NUMERIC_LABEL.test(topLevel) ||
    !labels.every((label) => DOMAIN_LABEL.test(label))
  ) {
    return invalid(text);
  }
  const name = parsed.name?.trim();
  return { ok: true, value: { address: parsed.address, name: name === undefined || name === '' ? undefined : name } };
};

/** Addresses compare case-insensitively for folding duplicates (the local part is case-insensitive in Exchange). */
export const addressKey = (address: string): string => address.trim().toLowerCase();

import { parseEmailAddress } from '../../../src/contract/email-address';
import { splitAllRecipients, splitRecipientText, type SplitText } from '../../shared/address-split';

export { splitAllRecipients, splitRecipientText, type SplitText };

/** Whether a paste should become chips at once rather than text to keep typing. */
export const isRecipientList = (text: string): boolean => splitRecipientText(text).complete.length > 0;

/** RFC 5322 atext plus spaces, and any non-ASCII letter (RFC 6532): a display name that needs no quotes. */
const PLAIN_NAME = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~ -]+$/u;

/**
 * `Name <address>` for a person picked from a list, the form the backend parses. Names with commas, dots or
 * brackets are quoted; a name that still would not parse is left out rather than sending something else.
 */
export const formatMailbox = (name: string | undefined, address: string): string => {
  const display = (name ?? '').replace(/\s+/g, ' ').trim();
  if (display === '') return address;
  const phrase = PLAIN_NAME.test(display) ? display : `"${display.replace(/["\\]/g, '\\$&')}"`;
  const mailbox = `${phrase} <${address}>`;
  return parseEmailAddress(mailbox).ok ? mailbox : address;
};

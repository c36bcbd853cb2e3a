import { addressKey, MAX_RECIPIENTS, parseEmailAddress } from '../contract/email-address';
import { MailValidationError } from './errors';

export { MAX_RECIPIENTS };

export interface Recipient {
  address: string;
  name?: string;
}

export interface Recipients {
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
}

export interface RecipientsInput {
  to: readonly string[];
  cc: readonly string[];
  bcc: readonly string[];
}

/**
 * Parses what the dialog sent (`jane@example.com` or `Jane <jane@example.com>`) and drops repeated addresses
 * (case-insensitively), keeping the most visible place: To, then Cc, then Bcc. Throws MailValidationError for an
 * address that does not parse, past Exchange's limit, or when nobody is left in To. The schema checked the
 * addresses already; this is the one place that decides what is sent.
 */
export const foldRecipients = (input: RecipientsInput): Recipients => {
  const seen = new Set<string>();
  const keep = (field: keyof RecipientsInput): Recipient[] => {
    const kept: Recipient[] = [];
    for (const text of input[field]) {
      const parsed = parseEmailAddress(text);
      if (!parsed.ok) throw new MailValidationError({ [field]: parsed.message });
      const key = addressKey(parsed.value.address);
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(parsed.value.name === undefined ? { address: parsed.value.address } : { address: parsed.value.address, name: parsed.value.name });
    }
    return kept;
  };
  const folded = { to: keep('to'), cc: keep('cc'), bcc: keep('bcc') };
  if (folded.to.length === 0) throw new MailValidationError({ to: 'Add at least one recipient.' });
  if (seen.size > MAX_RECIPIENTS) {
    throw new MailValidationError({ to: `A message can have at most ${MAX_RECIPIENTS} recipients in To, Cc and Bcc together.` });
  }
  return folded;
};

export const recipientCount = (recipients: Recipients): number =>
  recipients.to.length + recipients.cc.length + recipients.bcc.length;

import { MailValidationError } from './errors';

/** Exchange Online accepts at most 500 recipients a message. */
export const MAX_RECIPIENTS = 500;

export interface Recipients {
  to: string[];
  cc: string[];
  bcc: string[];
}

/**
 * Drops repeated addresses (case-insensitively), keeping the most visible place: To, then Cc, then Bcc. Throws
 * MailValidationError past Exchange's limit or when nobody is left in To.
 */
export const normalizeRecipients = (recipients: Recipients): Recipients => {
  const seen = new Set<string>();
  const keep = (addresses: readonly string[]): string[] =>
    addresses.filter((address) => {
      const key = address.trim().toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const normalized = { to: keep(recipients.to), cc: keep(recipients.cc), bcc: keep(recipients.bcc) };
  if (normalized.to.length === 0) throw new MailValidationError({ to: 'Add at least one recipient.' });
  if (seen.size > MAX_RECIPIENTS) {
    throw new MailValidationError({ to: `A message can have at most ${MAX_RECIPIENTS} recipients in To, Cc and Bcc together.` });
  }
  return normalized;
};

export const recipientCount = (recipients: Recipients): number =>
  recipients.to.length + recipients.cc.length + recipients.bcc.length;

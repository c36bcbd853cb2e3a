import { addressKey, MAX_RECIPIENTS, parseEmailAddress } from '../contract/email-address';
import { MailValidationError } from './errors';

export { MAX_RECIPIENTS };

export interface Recipient {
  address: string;
  name?: string;
  /**
   * Set for a Jira user whose address Jira hid from whoever chose them: the address goes only into the message, and
   * the email log, the history and the "Emailed to" comment show this name instead.
   */
  hidden?: { accountId: string; name: string };
}

export interface Recipients {
  to: Recipient[];
  cc: Recipient[];
  bcc: Recipient[];
}

/** An address as typed (`jane@example.com`, `Jane <jane@example.com>`), or a recipient already resolved. */
export type RecipientEntry = string | Recipient;

export interface RecipientsInput {
  to: readonly RecipientEntry[];
  cc: readonly RecipientEntry[];
  bcc: readonly RecipientEntry[];
}

/**
 * A hidden person folds only with the same person, never with a typed address: folding them would tell the sender
 * (by the count, or by what the history lists) whether an address they guessed is that person's.
 */
const foldKey = (recipient: Recipient): string =>
  recipient.hidden === undefined ? addressKey(recipient.address) : `jira:${recipient.hidden.accountId}`;

/** What records may show of a recipient: the address, or the name of a person whose address Jira hides. */
export const recipientLabel = (recipient: Recipient): string => recipient.hidden?.name ?? recipient.address;

/**
 * Parses what the dialog sent (`jane@example.com` or `Jane <jane@example.com>`), takes people already resolved, and
 * drops repeats (addresses case-insensitively), keeping the most visible place: To, then Cc, then Bcc. Throws
 * MailValidationError for an address that does not parse, past Exchange's limit, or when nobody is left in To. The
 * schema checked the addresses already; this is the one place that decides what is sent.
 */
export const foldRecipients = (input: RecipientsInput): Recipients => {
  const seen = new Set<string>();
  const keep = (field: keyof RecipientsInput): Recipient[] => {
    const kept: Recipient[] = [];
    for (const entry of input[field]) {
      let recipient: Recipient;
      if (typeof entry === 'string') {
        const parsed = parseEmailAddress(entry);
        if (!parsed.ok) throw new MailValidationError({ [field]: parsed.message });
        recipient =
          parsed.value.name === undefined
            ? { address: parsed.value.address }
            : { address: parsed.value.address, name: parsed.value.name };
      } else {
        recipient = entry;
      }
      const key = foldKey(recipient);
      if (seen.has(key)) continue;
      seen.add(key);
      kept.push(recipient);
    }
    return kept;
  };
  const folded = { to: keep('to'), cc: keep('cc'), bcc: keep('bcc') };
  if (folded.to.length === 0) throw new MailValidationError({ to: 'Add at least one recipient.' });
  if (seen.size > MAX_RECIPIENTS) {
    throw new MailValidationError({
      to: `A message can have at most ${MAX_RECIPIENTS} recipients in To, Cc and Bcc together.`,
    });
  }
  return folded;
};

export const recipientCount = (recipients: Recipients): number =>
  recipients.to.length + recipients.cc.length + recipients.bcc.length;

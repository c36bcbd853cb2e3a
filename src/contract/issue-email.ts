import * as z from 'zod/mini';

const address = z.string().check(z.trim(), z.email({ error: 'Enter valid email addresses, separated by commas.' }));

/** Cc and Bcc have no wording of their own for the limit: this is the message zod's classic build gave. */
const copies = () =>
  z._default(z.array(address).check(z.maxLength(500, 'Too big: expected array to have <=500 items')), []);

/** The issue comes from the resolver's context (the issue the action was opened on), never from the payload. */
export const sendIssueEmailSchema = z.strictObject({
  to: z.array(address).check(
    z.minLength(1, 'Add at least one recipient.'),
    z.maxLength(500, 'A message can have at most 500 recipients.'),
  ),
  cc: copies(),
  bcc: copies(),
  subject: z.string().check(
    z.trim(),
    z.minLength(1, 'Enter a subject.'),
    z.maxLength(255, 'Keep the subject under 255 characters.'),
  ),
  /** Plain text the sender writes above the issue. */
  message: z._default(z.string().check(z.maxLength(20000, 'Keep the message under 20,000 characters.')), ''),
});

export type SendIssueEmailInput = z.input<typeof sendIssueEmailSchema>;

export interface IssueEmailDraft {
  issueKey: string;
  issueSummary: string;
  subject: string;
  /** The sender mailbox of the credential mail goes out through, or null when none is configured. */
  senderMailbox: string | null;
}

export interface SentIssueEmail {
  issueKey: string;
  sentAt: string;
  recipientCount: number;
}

import { z } from 'zod';

const address = z.string().trim().email('Enter valid email addresses, separated by commas.');

/** The issue comes from the resolver's context (the issue the action was opened on), never from the payload. */
export const sendIssueEmailSchema = z
  .object({
    to: z.array(address).min(1, 'Add at least one recipient.').max(500, 'A message can have at most 500 recipients.'),
    cc: z.array(address).max(500).default([]),
    bcc: z.array(address).max(500).default([]),
    subject: z.string().trim().min(1, 'Enter a subject.').max(255, 'Keep the subject under 255 characters.'),
    /** Plain text the sender writes above the issue. */
    message: z.string().max(20000, 'Keep the message under 20,000 characters.').default(''),
  })
  .strict();

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

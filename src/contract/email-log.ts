import * as z from 'zod/mini';

import {
  CURSOR_MESSAGE,
  DELIVERY_STATUSES,
  type DeliveryStatus,
  EMAIL_ID_PATTERN,
  EMAIL_LOG_CURSOR_PATTERN,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
} from './email-log-values';

export {
  CURSOR_MESSAGE,
  DEFAULT_RETENTION_DAYS,
  DELIVERY_STATUSES,
  type DeliveryStatus,
  EMAIL_ID_PATTERN,
  EMAIL_LOG_CURSOR_PATTERN,
  MAX_RETENTION_DAYS,
  MIN_RETENTION_DAYS,
} from './email-log-values';
export const EMAIL_LOG_PAGE_SIZE = 25;

export interface DeliveryError {
  /** Stable code, e.g. GRAPH_THROTTLED, GRAPH_INVALID_RECIPIENTS, DELIVERY_UNCERTAIN. */
  code: string;
  /** Safe to show: never a token, a secret or a raw response. */
  message: string;
}

/** One thing that happened to an email, oldest first in an entry's `events`. */
export interface DeliveryEvent {
  at: string;
  status: DeliveryStatus;
  /** What happened, in words an admin understands: "Microsoft 365 asked to wait 3 s (429)". */
  note: string;
  /** The attempt it belongs to (1 for the first), when it belongs to one. */
  attempt?: number;
  /** Graph's request-id of the answer, for Microsoft support. */
  requestId?: string;
  error?: DeliveryError;
  /** The mailbox an attempt went out from (the credential's at the time), on the event that ended the attempt. */
  from?: string;
}

/**
 * One row of the email log. Bcc addresses are never shown, only their number; a Jira user whose address Jira hid
 * from whoever chose them is listed by name (Jira admins cannot see hidden addresses either).
 */
export interface EmailLogSummary {
  emailId: string;
  createdAt: string;
  updatedAt: string;
  /** 'connection-test': a test email of the admin page's Test connection, about no issue and never resendable. */
  kind: 'issue' | 'connection-test';
  /** Absent only for a connection test. */
  issueKey?: string;
  senderMailbox: string;
  to: string[];
  cc: string[];
  bccCount: number;
  subject: string;
  status: DeliveryStatus;
  /** Attempts made to hand the email to Microsoft 365, over all rounds. */
  attempts: number;
  lastError?: DeliveryError;
  /** Graph's request-id of the accepted send, or of the last failed answer. */
  requestId?: string;
  sentAt?: string;
  /** When a queued or retrying email is due for its next attempt. */
  nextAttemptAt?: string;
  /** Who queued it: the person who pressed "Send". */
  requestedBy: { accountId: string; name: string };
  /** Failed emails can be sent again from the log. */
  canResend: boolean;
}

export interface EmailLogEntry extends EmailLogSummary {
  events: DeliveryEvent[];
  attachmentCount: number;
}

/**
 * An email as it was sent, while the email log keeps its content (as long as the log keeps the email, see the
 * retention setting). To and Cc as the log lists them: a person whose address Jira hid is named, never addressed;
 * Bcc only counted. The body is the HTML that was sent (rendered and sanitized when it was queued), to be shown only
 * in a sandboxed frame.
 */
export type EmailContentView =
  | {
      kept: true;
      subject: string;
      from: string;
      to: string[];
      cc: string[];
      bccCount: number;
      replyTo: string[];
      html: string;
      /** File names of the attachments (images shown in the body are part of the body). */
      attachments: string[];
    }
  | { kept: false };

export interface EmailLogPage {
  items: EmailLogSummary[];
  /** Pass back to get the next page; absent on the last page. */
  cursor?: string;
}

const isoInstant = z.iso.datetime({ offset: true, error: 'Use an ISO 8601 date and time.' });

/** Newest first. `from` and `to` bound `createdAt` (from inclusive, to exclusive). */
export const listEmailLogSchema = z.strictObject({
  status: z.optional(z.enum(DELIVERY_STATUSES, 'Choose queued, sending, retrying, sent or failed.')),
  issueKey: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.toUpperCase(),
        z.regex(/^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}$/, 'Enter an issue key such as DEMO-12.'),
      ),
  ),
  from: z.optional(isoInstant),
  to: z.optional(isoInstant),
  cursor: z.optional(z.string().check(z.regex(EMAIL_LOG_CURSOR_PATTERN, CURSOR_MESSAGE))),
  limit: z._default(z.int().check(z.minimum(1), z.maximum(100)), EMAIL_LOG_PAGE_SIZE),
});
export type ListEmailLogInput = z.input<typeof listEmailLogSchema>;
export type ListEmailLogQuery = z.output<typeof listEmailLogSchema>;

export const emailIdSchema = z.strictObject({
  emailId: z.string().check(z.regex(EMAIL_ID_PATTERN, 'Not an email id of this app.')),
});
export type EmailIdInput = z.input<typeof emailIdSchema>;

/** "Resend"; `anyway` after the log warned that nothing has changed since the email failed. */
export const resendEmailSchema = z.strictObject({
  emailId: z.string().check(z.regex(EMAIL_ID_PATTERN, 'Not an email id of this app.')),
  anyway: z.optional(z.boolean('Answer true or false.')),
});
export type ResendEmailInput = z.input<typeof resendEmailSchema>;

export const emailLogSettingsSchema = z.strictObject({
  retentionDays: z
    .int('Enter a whole number of days.')
    .check(
      z.minimum(MIN_RETENTION_DAYS, `Keep emails at least ${MIN_RETENTION_DAYS} day.`),
      z.maximum(MAX_RETENTION_DAYS, `Keep emails at most ${MAX_RETENTION_DAYS} days.`),
    ),
});
export type EmailLogSettings = z.output<typeof emailLogSettingsSchema>;

/**
 * What a sender can do about a failed email: `send-again` (later, or after changing the addresses or the message),
 * or `ask-admin` (Microsoft 365 refuses the app or its mailbox: pressing Send again cannot help).
 */
export type SenderRemedy = 'send-again' | 'ask-admin';

/** A failure as the sender's dialog shows it: the sender's words, and what they can do. */
export interface SenderFailure extends DeliveryError {
  /** Absent: `send-again`. */
  remedy?: SenderRemedy;
}

/** What the dialog polls after "Send" until the email is sent or failed. */
export interface EmailDeliveryView {
  emailId: string;
  status: DeliveryStatus;
  attempts: number;
  lastError?: SenderFailure;
  /** When it failed for good: with the id, what the sender quotes to an admin. */
  finishedAt?: string;
  sentAt?: string;
  nextAttemptAt?: string;
  recipientCount: number;
}

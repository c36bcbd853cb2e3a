import * as z from 'zod/mini';

import { EMAIL_LOG_CURSOR_PATTERN } from './email-log-values';
import { INCOMING_CURSOR_MESSAGE, INCOMING_STATUSES, type IncomingStatus } from './incoming-log-values';
import { MAIL_HANDLER_ID_PATTERN } from './mail-handler-rules';

export {
  INCOMING_CURSOR_MESSAGE,
  INCOMING_STATUSES,
  type IncomingStatus,
  REPROCESSABLE_STATUSES,
} from './incoming-log-values';

export const INCOMING_LOG_PAGE_SIZE = 25;

/** Records are keyed by the SHA-256 of the message's Message-ID (src/incoming/records/message-key.ts). */
export const INCOMING_MESSAGE_KEY_PATTERN = /^[0-9a-f]{64}$/;

/** A mail handler as the log's filter offers it. */
export interface IncomingHandlerRef {
  id: string;
  name: string;
  /** A handler switched off drops its jobs: its messages cannot be processed again until it is on. */
  enabled: boolean;
}

/** One row of the incoming log: a message the app read from a handler's mailbox. */
export interface IncomingLogSummary {
  messageKey: string;
  /** When the app first saw it. */
  createdAt: string;
  updatedAt: string;
  receivedAt: string;
  handlerId: string;
  /** The handler's name; "Deleted handler" once it is gone. */
  handlerName: string;
  mailbox: string;
  from: { name?: string; address: string };
  subject: string;
  status: IncomingStatus;
  /** What became of it, in words: "Created DEMO-12", "Ignored: auto-reply", "Failed: ...". */
  result: string;
  issueKey?: string;
  /** Graph's request-id of the read that brought it, for Microsoft support. */
  requestId?: string;
  /** Held and failed messages of a handler that is on can be processed again from the log. */
  canProcessAgain: boolean;
}

export interface IncomingLogEntry extends IncomingLogSummary {
  internetMessageId?: string;
  conversationId?: string;
  /** Runs that claimed it, "Process again" included. */
  attempts: number;
  /** Why it was ignored or held: the stable code behind `result`. */
  reason?: string;
  /** A failure's stable code and the app's own sentence (never an answer's text). */
  error?: { code: string; message: string };
  commentId?: string;
  /** Other handlers whose mailbox had a copy (a Cc to two mailboxes), by name: seen, not processed twice. */
  alsoSeenBy: string[];
}

export interface IncomingLogPage {
  items: IncomingLogSummary[];
  /** Pass back to get the next page; absent on the last page. */
  cursor?: string;
  /** Every mail handler by name, for the handler filter. */
  handlers: IncomingHandlerRef[];
}

const isoInstant = z.iso.datetime({ offset: true, error: 'Use an ISO 8601 date and time.' });

/**
 * Newest first. `from` and `to` bound when the app first saw the message (from inclusive, to exclusive); `sender`
 * is the sender's address, matched whole and in any case.
 */
export const listIncomingLogSchema = z.strictObject({
  status: z.optional(z.enum(INCOMING_STATUSES, 'Choose processing, created, commented, ignored, held or failed.')),
  handlerId: z.optional(z.string().check(z.regex(MAIL_HANDLER_ID_PATTERN, 'Choose a mail handler.'))),
  sender: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.toLowerCase(),
        z.regex(/^[^\s@<>]{1,200}@[^\s@<>]{1,200}$/, 'Enter a whole email address such as casey@example.com.'),
      ),
  ),
  from: z.optional(isoInstant),
  to: z.optional(isoInstant),
  cursor: z.optional(z.string().check(z.regex(EMAIL_LOG_CURSOR_PATTERN, INCOMING_CURSOR_MESSAGE))),
  limit: z._default(z.int().check(z.minimum(1), z.maximum(100)), INCOMING_LOG_PAGE_SIZE),
});
export type ListIncomingLogInput = z.input<typeof listIncomingLogSchema>;
export type ListIncomingLogQuery = z.output<typeof listIncomingLogSchema>;

export const incomingMessageKeySchema = z.strictObject({
  messageKey: z.string().check(z.regex(INCOMING_MESSAGE_KEY_PATTERN, 'Not a message of the incoming log.')),
});
export type IncomingMessageKeyInput = z.input<typeof incomingMessageKeySchema>;

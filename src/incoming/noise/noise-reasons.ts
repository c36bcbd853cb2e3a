/**
 * Why a message is not processed: stable codes (the incoming log and its filters keep them). Loop protection first,
 * then reports, then automatic mail.
 */
export const NOISE_REASONS = [
  /** From one of the app's own sender mailboxes. */
  'OWN_MAILBOX',
  /** Carries the app's own headers (`x-issue-mailer-*`): an email the app sent, come back. */
  'OWN_HEADERS',
  /** A delivery or read report (`multipart/report`, a DSN, mail from MAILER-DAEMON or postmaster). */
  'DELIVERY_REPORT',
  /** `Auto-Submitted` other than `no` (RFC 3834): auto-generated or auto-replied. */
  'AUTO_SUBMITTED',
  /** `X-Auto-Response-Suppress` (Exchange's marker on automatic mail) other than `None`. */
  'AUTO_RESPONSE_SUPPRESS',
  /** `Precedence: bulk`, `junk` or `list`. */
  'BULK_PRECEDENCE',
  /** `X-Autoreply` (and its spelling `X-Autorespond`): an out-of-office or other automatic answer. */
  'AUTOREPLY_HEADER',
  /** An empty `Return-Path` (`<>`): the null sender of reports and automatic answers (RFC 5321 §4.5.5). */
  'EMPTY_RETURN_PATH',
] as const;

export type NoiseReason = (typeof NOISE_REASONS)[number];

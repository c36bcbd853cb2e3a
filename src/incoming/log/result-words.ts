import type { NoiseReason } from '../noise/noise-reasons';
import { PROCESS_REASONS, type ProcessReason } from '../process/process-reasons';
import type { IncomingRecord } from '../records/incoming-record';

/**
 * Every reason code a message can be ignored or held for (src/incoming/noise/noise-reasons.ts and
 * src/incoming/process/process-reasons.ts), in the admin's words. A Record over both unions, so a new code does not
 * compile until it is worded here.
 */
export const REASON_WORDS: Readonly<Record<NoiseReason | ProcessReason, string>> = {
  OWN_MAILBOX: "from the app's own mailbox",
  OWN_HEADERS: 'sent by Issue Mailer',
  DELIVERY_REPORT: 'delivery report',
  // Exchange's out-of-office carries Auto-Submitted: auto-replied, which leads the noise checks.
  AUTO_SUBMITTED: 'auto-reply',
  AUTO_RESPONSE_SUPPRESS: 'automatic mail',
  BULK_PRECEDENCE: 'bulk or mailing-list mail',
  AUTOREPLY_HEADER: 'out-of-office',
  EMPTY_RETURN_PATH: 'automatic mail without a return address',
  [PROCESS_REASONS.RefusedSender]: 'sender not allowed',
  [PROCESS_REASONS.SenderHourlyLimit]: 'sender over the hourly limit',
  [PROCESS_REASONS.NoIssueToReplyTo]: 'new issues are off for this handler',
  [PROCESS_REASONS.NoSender]: 'no sender address',
};

const isWorded = (reason: string): reason is keyof typeof REASON_WORDS => Object.hasOwn(REASON_WORDS, reason);

/** A code this version does not know (a newer worker's) is shown as it is: it is a stable code, never content. */
const reasonWords = (reason: string | undefined): string | undefined =>
  reason === undefined ? undefined : isWorded(reason) ? REASON_WORDS[reason] : reason;

const withReason = (prefix: string, reason: string | undefined): string => {
  const words = reasonWords(reason);
  return words === undefined ? prefix : `${prefix}: ${words}`;
};

/**
 * What became of a message, as the incoming log's Result column says it: "Created DEMO-12", "Commented on DEMO-3",
 * "Ignored: auto-reply", "Held: sender over the hourly limit", "Failed: <the record's safe sentence>", "Processing".
 */
export const resultWords = (record: Pick<IncomingRecord, 'status' | 'issueKey' | 'reason' | 'error'>): string => {
  switch (record.status) {
    case 'processing':
      return 'Processing';
    case 'created':
      return record.issueKey === undefined ? 'Created an issue' : `Created ${record.issueKey}`;
    case 'commented':
      return record.issueKey === undefined ? 'Commented on an issue' : `Commented on ${record.issueKey}`;
    case 'ignored':
      return withReason('Ignored', record.reason);
    case 'held':
      return withReason('Held', record.reason);
    case 'failed':
      return record.error === undefined ? 'Failed' : `Failed: ${record.error.message}`;
  }
};

import type { NoiseReason } from '../noise/noise-reasons';

/**
 * Why the use case ignored or held a message, besides the noise codes (src/incoming/noise/noise-reasons.ts): stable
 * codes the incoming log keeps in its `reason` and filters by.
 */
export const PROCESS_REASONS = {
  /** The handler's sender policy does not let this sender write in. */
  RefusedSender: 'refused-sender',
  /** More messages from this sender in the last hour than the handler allows: held for "Process again". */
  SenderHourlyLimit: 'sender-hourly-limit',
  /** No issue matched and the handler only comments. */
  NoIssueToReplyTo: 'no-issue-to-reply-to',
  /** The message has no sender address to match, limit or answer. */
  NoSender: 'no-sender',
} as const;

export type ProcessReason = (typeof PROCESS_REASONS)[keyof typeof PROCESS_REASONS];

export type IgnoreReason = ProcessReason | NoiseReason;

import { AppError } from '../shared/app-error';

/** Stable codes of turning an email into a mail service's requests. */
export const DeliveryErrorCode = {
  MessageTooLarge: 'MESSAGE_TOO_LARGE',
  /** The sender's mailbox cannot be searched for an earlier attempt (a credential that may send but not read). */
  TraceUnavailable: 'MAILBOX_TRACE_UNAVAILABLE',
} as const;
export type DeliveryErrorCode = (typeof DeliveryErrorCode)[keyof typeof DeliveryErrorCode];

const MIB = 1024 * 1024;

/** MB to one decimal, rounded up: a total just over the limit never reads as the limit itself. */
const megabytes = (bytes: number): string => (Math.ceil((bytes * 10) / MIB) / 10).toFixed(1);

/** The attachments add up to more than one message can carry (Exchange Online's 150 MB). */
export class MessageTooLargeError extends AppError<'MESSAGE_TOO_LARGE'> {
  readonly totalBytes: number;
  readonly limitBytes: number;
  constructor(totalBytes: number, limitBytes: number) {
    super(
      'MessageTooLargeError',
      DeliveryErrorCode.MessageTooLarge,
      `The attachments add up to ${megabytes(totalBytes)} MB; a message can carry at most ${Math.floor(limitBytes / MIB)} MB. ` +
        'Leave some attachments out.',
    );
    this.totalBytes = totalBytes;
    this.limitBytes = limitBytes;
  }
}

/**
 * The credential may send but not read its mailbox, so whether an earlier attempt went out cannot be looked up. The
 * outbox then fails the email as DELIVERY_UNCERTAIN rather than risk sending it twice.
 */
export class TraceUnavailableError extends AppError<'MAILBOX_TRACE_UNAVAILABLE'> {
  constructor(message: string) {
    super('TraceUnavailableError', DeliveryErrorCode.TraceUnavailable, message);
  }
}

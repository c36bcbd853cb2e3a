import { AppError } from '../../shared/app-error';

export const ProcessErrorCode = {
  /** Another run holds the message's claim now: the queue should run the job again later. */
  MessageBusy: 'INCOMING_MESSAGE_BUSY',
} as const;
export type ProcessErrorCode = (typeof ProcessErrorCode)[keyof typeof ProcessErrorCode];

/** Thrown for the queue to retry the job after `retryAfterMs` (when the other run's lease ends at the latest). */
export class MessageBusyError extends AppError<ProcessErrorCode> {
  readonly retryable = true;
  readonly retryAfterMs: number;

  constructor(messageKey: string, retryAfterMs: number) {
    super('MessageBusyError', ProcessErrorCode.MessageBusy, `Incoming message ${messageKey} is being processed.`);
    this.retryAfterMs = retryAfterMs;
  }
}

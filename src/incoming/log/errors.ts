import { AppError } from '../../shared/app-error';

/** Stable codes of the incoming log (the admin page's section). */
export const IncomingLogErrorCode = {
  NotFound: 'INCOMING_MESSAGE_NOT_FOUND',
  /** "Process again" of a message that is not held or failed (any more). */
  NotReprocessable: 'INCOMING_NOT_REPROCESSABLE',
  /** "Process again" of a message whose handler is deleted or switched off: its worker would drop the job. */
  HandlerOff: 'INCOMING_HANDLER_OFF',
  /** The queue did not take the job: the message is left held or failed, as it was. */
  QueueUnavailable: 'INCOMING_QUEUE_UNAVAILABLE',
  /** Storage did not take the log's page cursor (a stale page, or a cursor it never issued). */
  CursorInvalid: 'INCOMING_LOG_CURSOR_INVALID',
} as const;
export type IncomingLogErrorCode = (typeof IncomingLogErrorCode)[keyof typeof IncomingLogErrorCode];

export class IncomingLogError extends AppError<IncomingLogErrorCode> {
  constructor(code: IncomingLogErrorCode, message: string, options?: { cause?: unknown }) {
    super('IncomingLogError', code, message, options);
  }
}

export class IncomingMessageNotFoundError extends IncomingLogError {
  constructor(messageKey: string) {
    super(IncomingLogErrorCode.NotFound, `No message ${messageKey} in the incoming log.`);
    this.name = 'IncomingMessageNotFoundError';
  }
}

export class NotReprocessableError extends IncomingLogError {
  constructor(messageKey: string, status: string) {
    super(
      IncomingLogErrorCode.NotReprocessable,
      `Message ${messageKey} is ${status}; only held and failed messages can be processed again.`,
    );
    this.name = 'NotReprocessableError';
  }
}

export class IncomingHandlerOffError extends IncomingLogError {
  constructor(messageKey: string, handlerId: string) {
    super(
      IncomingLogErrorCode.HandlerOff,
      `Message ${messageKey}'s handler ${handlerId} is deleted or switched off; it cannot be processed again.`,
    );
    this.name = 'IncomingHandlerOffError';
  }
}

export class IncomingQueueUnavailableError extends IncomingLogError {
  constructor(cause: unknown) {
    super(IncomingLogErrorCode.QueueUnavailable, 'The incoming-mail queue did not take the job.', { cause });
    this.name = 'IncomingQueueUnavailableError';
  }
}

export class IncomingLogCursorInvalidError extends IncomingLogError {
  constructor(cause: unknown) {
    super(IncomingLogErrorCode.CursorInvalid, 'Storage did not take the incoming log cursor.', { cause });
    this.name = 'IncomingLogCursorInvalidError';
  }
}

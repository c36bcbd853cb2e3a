import { AppError } from '../shared/app-error';

/** Stable codes of the outbox and the email log. */
export const OutboxErrorCode = {
  EmailNotFound: 'EMAIL_NOT_FOUND',
  NotResendable: 'EMAIL_NOT_RESENDABLE',
  RecordInvalid: 'OUTBOX_RECORD_INVALID',
  WriteConflict: 'OUTBOX_WRITE_CONFLICT',
  QueueUnavailable: 'OUTBOX_QUEUE_UNAVAILABLE',
  ContentMissing: 'OUTBOX_CONTENT_MISSING',
  /** An attempt may have gone out and Microsoft 365 could not be asked whether it did. */
  DeliveryUncertain: 'DELIVERY_UNCERTAIN',
  /** Storage did not take the email log's page cursor (a stale page, or a cursor it never issued). */
  CursorInvalid: 'EMAIL_LOG_CURSOR_INVALID',
  /** "Resend" of an email that failed for good, with nothing changed since: the admin is asked to confirm. */
  ResendUnchanged: 'EMAIL_RESEND_UNCHANGED',
  /** "Resend" of a Test connection's test email, which was never queued. */
  ConnectionTestNotResendable: 'EMAIL_CONNECTION_TEST_NOT_RESENDABLE',
} as const;
export type OutboxErrorCode = (typeof OutboxErrorCode)[keyof typeof OutboxErrorCode];

export class OutboxError extends AppError<OutboxErrorCode> {
  constructor(code: OutboxErrorCode, message: string, options?: { cause?: unknown }) {
    super('OutboxError', code, message, options);
  }
}

export class EmailNotFoundError extends OutboxError {
  constructor(emailId: string) {
    super(OutboxErrorCode.EmailNotFound, `No email ${emailId} in the email log.`);
    this.name = 'EmailNotFoundError';
  }
}

export class NotResendableError extends OutboxError {
  constructor(emailId: string, status: string) {
    super(OutboxErrorCode.NotResendable, `Email ${emailId} is ${status}; only failed emails can be resent.`);
    this.name = 'NotResendableError';
  }
}

export class ConnectionTestNotResendableError extends OutboxError {
  constructor(emailId: string) {
    super(
      OutboxErrorCode.ConnectionTestNotResendable,
      `Email ${emailId} is a connection test's test email; it cannot be resent.`,
    );
    this.name = 'ConnectionTestNotResendableError';
  }
}

export class ResendUnchangedError extends OutboxError {
  constructor(emailId: string) {
    super(
      OutboxErrorCode.ResendUnchanged,
      `Email ${emailId} failed for good and its credential has not been saved since.`,
    );
    this.name = 'ResendUnchangedError';
  }
}

/** A stored record or content chunk does not have the shape this version of the app writes. */
export class OutboxRecordInvalidError extends OutboxError {
  constructor(what: string, problem: string) {
    super(OutboxErrorCode.RecordInvalid, `The stored ${what} does not fit: ${problem}`);
    this.name = 'OutboxRecordInvalidError';
  }
}

/** Another writer changed the record first, again and again: the caller gives up for now. */
export class WriteConflictError extends OutboxError {
  constructor(what: string) {
    super(OutboxErrorCode.WriteConflict, `Could not update ${what}: it kept changing under us.`);
    this.name = 'WriteConflictError';
  }
}

export class QueueUnavailableError extends OutboxError {
  constructor(cause: unknown) {
    super(OutboxErrorCode.QueueUnavailable, 'Could not put the email on the outbox queue.', { cause });
    this.name = 'QueueUnavailableError';
  }
}

export class ContentMissingError extends OutboxError {
  constructor(emailId: string) {
    super(OutboxErrorCode.ContentMissing, `The content of email ${emailId} is no longer stored.`);
    this.name = 'ContentMissingError';
  }
}

/** The email log's page cursor was refused by storage (Forge kvs: INVALID_CURSOR). */
export class EmailLogCursorInvalidError extends OutboxError {
  constructor(cause: unknown) {
    super(OutboxErrorCode.CursorInvalid, 'Storage refused the email log page cursor.', { cause });
    this.name = 'EmailLogCursorInvalidError';
  }
}

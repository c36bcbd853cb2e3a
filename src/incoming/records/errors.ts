import { AppError } from '../../shared/app-error';

/** Stable codes of the incoming log and its exactly-once marks. */
export const IncomingRecordErrorCode = {
  RecordInvalid: 'INCOMING_RECORD_INVALID',
  WriteConflict: 'INCOMING_WRITE_CONFLICT',
} as const;
export type IncomingRecordErrorCode = (typeof IncomingRecordErrorCode)[keyof typeof IncomingRecordErrorCode];

export class IncomingRecordError extends AppError<IncomingRecordErrorCode> {
  constructor(code: IncomingRecordErrorCode, message: string, options?: { cause?: unknown }) {
    super('IncomingRecordError', code, message, options);
  }
}

export class IncomingRecordInvalidError extends IncomingRecordError {
  constructor(key: string, problem: string) {
    super(IncomingRecordErrorCode.RecordInvalid, `Incoming message ${key} is not readable: ${problem}`);
    this.name = 'IncomingRecordInvalidError';
  }
}

/** Others kept writing the record first: the job is retried, and the next run reads it afresh. */
export class IncomingWriteConflictError extends IncomingRecordError {
  constructor(key: string) {
    super(IncomingRecordErrorCode.WriteConflict, `Incoming message ${key} changed under every write tried.`);
    this.name = 'IncomingWriteConflictError';
  }
}

import { AppError } from '../../shared/app-error';

export const ConnectionErrorCode = {
  /** The handler's folder is not in the mailbox (renamed or deleted since it was saved). */
  FolderNotFound: 'INCOMING_FOLDER_NOT_FOUND',
  /** A delta round went on for more pages than any real folder needs: stopped, to be taken up on the next run. */
  DeltaTooLong: 'INCOMING_DELTA_TOO_LONG',
} as const;
export type ConnectionErrorCode = (typeof ConnectionErrorCode)[keyof typeof ConnectionErrorCode];

export class IncomingConnectionError extends AppError<ConnectionErrorCode> {
  constructor(code: ConnectionErrorCode, message: string, options?: { cause?: unknown }) {
    super('IncomingConnectionError', code, message, options);
  }
}

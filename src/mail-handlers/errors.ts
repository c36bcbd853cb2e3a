import { AppError } from '../shared/app-error';

/** Stable codes of mail handlers. */
export const MailHandlerErrorCode = {
  NotFound: 'MAIL_HANDLER_NOT_FOUND',
  Invalid: 'MAIL_HANDLER_INVALID',
  TooMany: 'MAIL_HANDLERS_LIMIT',
} as const;
export type MailHandlerErrorCode = (typeof MailHandlerErrorCode)[keyof typeof MailHandlerErrorCode];

export class MailHandlerError extends AppError<MailHandlerErrorCode> {
  constructor(code: MailHandlerErrorCode, message: string) {
    super('MailHandlerError', code, message);
  }
}

export class MailHandlerNotFoundError extends MailHandlerError {
  constructor(id: string) {
    super(MailHandlerErrorCode.NotFound, `No mail handler ${id}.`);
    this.name = 'MailHandlerNotFoundError';
  }
}

/**
 * A handler that names what does not exist or the app cannot use (credential, project, issue type), or conflicts
 * with another handler (same name, same folder); the field says which.
 */
export class MailHandlerInvalidError extends MailHandlerError {
  readonly fieldErrors: Readonly<Record<string, string>>;
  constructor(fieldErrors: Record<string, string>) {
    super(MailHandlerErrorCode.Invalid, `The mail handler is not valid: ${Object.keys(fieldErrors).join(', ')}.`);
    this.name = 'MailHandlerInvalidError';
    this.fieldErrors = fieldErrors;
  }
}

export class TooManyMailHandlersError extends MailHandlerError {
  constructor(limit: number) {
    super(MailHandlerErrorCode.TooMany, `At most ${limit} mail handlers.`);
    this.name = 'TooManyMailHandlersError';
  }
}

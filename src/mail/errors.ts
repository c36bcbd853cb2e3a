import { AppError } from '../shared/app-error';

/** Stable codes of composing and sending an issue email. */
export const MailErrorCode = {
  Invalid: 'MAIL_INVALID',
  NotAllowedToSend: 'NOT_ALLOWED_TO_SEND',
} as const;
export type MailErrorCode = (typeof MailErrorCode)[keyof typeof MailErrorCode];

/** The email cannot be sent as asked; `fieldErrors` says why, per payload field. */
export class MailValidationError extends AppError<'MAIL_INVALID'> {
  readonly fieldErrors: Readonly<Record<string, string>>;
  constructor(fieldErrors: Record<string, string>) {
    super(
      'MailValidationError',
      MailErrorCode.Invalid,
      `The email is not valid: ${Object.keys(fieldErrors).join(', ')}.`,
    );
    this.fieldErrors = fieldErrors;
  }
}

/** The admin's "who may send" setting leaves the caller out; `reason` names the groups and roles, safe to show. */
export class NotAllowedToSendError extends AppError<'NOT_ALLOWED_TO_SEND'> {
  readonly reason: string;
  constructor(reason: string) {
    super(
      'NotAllowedToSendError',
      MailErrorCode.NotAllowedToSend,
      'The caller is not among the people the admin lets send email.',
    );
    this.reason = reason;
  }
}

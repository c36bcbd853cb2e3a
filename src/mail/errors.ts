import { AppError } from '../shared/app-error';

/** Stable codes of composing and sending an issue email. */
export const MailErrorCode = {
  Invalid: 'MAIL_INVALID',
  NotAllowedToSend: 'NOT_ALLOWED_TO_SEND',
  MessageTooLarge: 'MESSAGE_TOO_LARGE',
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
      MailErrorCode.MessageTooLarge,
      `The attachments add up to ${megabytes(totalBytes)} MB; a message can carry at most ${Math.floor(limitBytes / MIB)} MB. ` +
        'Leave some attachments out.',
    );
    this.totalBytes = totalBytes;
    this.limitBytes = limitBytes;
  }
}

/** The email cannot be sent as asked; `fieldErrors` says why, per payload field. */
export class MailValidationError extends Error {
  readonly code = 'MAIL_INVALID';
  readonly fieldErrors: Readonly<Record<string, string>>;
  constructor(fieldErrors: Record<string, string>) {
    super(`The email is not valid: ${Object.keys(fieldErrors).join(', ')}.`);
    this.name = 'MailValidationError';
    this.fieldErrors = fieldErrors;
  }
}

/** The admin's "who may send" setting leaves the caller out; `reason` names the groups and roles, safe to show. */
export class NotAllowedToSendError extends Error {
  readonly code = 'NOT_ALLOWED_TO_SEND';
  readonly reason: string;
  constructor(reason: string) {
    super('The caller is not among the people the admin lets send email.');
    this.name = 'NotAllowedToSendError';
    this.reason = reason;
  }
}

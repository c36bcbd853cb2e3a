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

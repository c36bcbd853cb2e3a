import { AuthorizeErrorCode } from '../../contract/error-codes';
import { AppError } from '../../shared/app-error';

export { AuthorizeErrorCode } from '../../contract/error-codes';

/**
 * Authorize refused before Microsoft was asked to redeem anything, or Microsoft's sign-in ended without a code.
 * The message never holds the code, the state, Microsoft's error description or a secret.
 */
export class AuthorizeError extends AppError<AuthorizeErrorCode> {
  /** Microsoft's OAuth `error` at /authorize (checked to be a plain word), when it sent one. */
  readonly oauthError: string | undefined;
  readonly aadstsCode: number | undefined;

  constructor(
    code: AuthorizeErrorCode,
    message: string,
    details: { oauthError?: string; aadstsCode?: number; cause?: unknown } = {},
  ) {
    super('AuthorizeError', code, message, details.cause === undefined ? {} : { cause: details.cause });
    this.oauthError = details.oauthError;
    this.aadstsCode = details.aadstsCode;
  }
}

export const notAuthorizationCode = (id: string): AuthorizeError =>
  new AuthorizeError(
    AuthorizeErrorCode.NotAuthorizationCode,
    `Credential "${id}" does not use the authorization code grant: it has no mailbox to sign in.`,
  );

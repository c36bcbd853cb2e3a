import { SECRET_REQUIRED_MESSAGE } from '../contract/credential-input-rules';
import { AppError } from '../shared/app-error';

/** Stable codes of stored credentials. */
export const CredentialErrorCode = {
  NotFound: 'CREDENTIAL_NOT_FOUND',
  /** Also CommonErrorCode.NotConfigured: the answer every resolver gives before a credential is saved. */
  NotConfigured: 'NOT_CONFIGURED',
  SecretMissing: 'SECRET_MISSING',
  PrivateKeyMissing: 'PRIVATE_KEY_MISSING',
  InUse: 'CREDENTIAL_IN_USE',
  /** Mail handlers read their mailboxes through it. */
  ReadByHandlers: 'CREDENTIAL_READ_BY_HANDLERS',
  Invalid: 'CREDENTIAL_INVALID',
  SecretRequired: 'SECRET_REQUIRED',
} as const;
export type CredentialErrorCode = (typeof CredentialErrorCode)[keyof typeof CredentialErrorCode];

export class CredentialNotFoundError extends AppError<'CREDENTIAL_NOT_FOUND'> {
  constructor(id: string) {
    super('CredentialNotFoundError', CredentialErrorCode.NotFound, `No credential with id "${id}".`);
  }
}

/** Mail cannot go out because no credential is stored yet. */
export class NoCredentialConfiguredError extends AppError<'NOT_CONFIGURED'> {
  constructor() {
    super('NoCredentialConfiguredError', CredentialErrorCode.NotConfigured, 'No credential is configured.');
  }
}

/** The stored credential has no secret in secret storage (never saved, or removed by hand). */
export class SecretMissingError extends AppError<'SECRET_MISSING'> {
  constructor(id: string) {
    super('SecretMissingError', CredentialErrorCode.SecretMissing, `Credential "${id}" has no client secret stored.`);
  }
}

/** A certificate credential has no private key in secret storage (never saved, or removed by hand). */
export class PrivateKeyMissingError extends AppError<'PRIVATE_KEY_MISSING'> {
  constructor(id: string) {
    super(
      'PrivateKeyMissingError',
      CredentialErrorCode.PrivateKeyMissing,
      `Credential "${id}" has no private key stored.`,
    );
  }
}

/** Deleting the credential would leave something that uses it without one. */
export class CredentialInUseError extends AppError<'CREDENTIAL_IN_USE'> {
  readonly usedBy: readonly string[];
  constructor(id: string, usedBy: readonly string[]) {
    super('CredentialInUseError', CredentialErrorCode.InUse, `Credential "${id}" is in use: ${usedBy.join(', ')}.`);
    this.usedBy = usedBy;
  }
}

/** Deleting the credential would leave mail handlers that read their mailboxes through it with none. */
export class CredentialReadByHandlersError extends AppError<'CREDENTIAL_READ_BY_HANDLERS'> {
  readonly handlers: readonly string[];
  constructor(id: string, handlers: readonly string[]) {
    super(
      'CredentialReadByHandlersError',
      CredentialErrorCode.ReadByHandlers,
      `Credential "${id}" is read through by mail handlers: ${handlers.join(', ')}.`,
    );
    this.handlers = handlers;
  }
}

/**
 * A credential that passed the payload schema but cannot be saved as it is; `fieldErrors` says why, per field,
 * in words for the admin page.
 */
export class CredentialValidationError extends AppError<'CREDENTIAL_INVALID' | 'SECRET_REQUIRED'> {
  readonly fieldErrors: Readonly<Record<string, string>>;
  constructor(
    fieldErrors: Record<string, string>,
    name = 'CredentialValidationError',
    code: 'CREDENTIAL_INVALID' | 'SECRET_REQUIRED' = CredentialErrorCode.Invalid,
  ) {
    super(name, code, `The credential is not valid: ${Object.keys(fieldErrors).join(', ')}.`);
    this.fieldErrors = fieldErrors;
  }
}

export { SECRET_REQUIRED_MESSAGE } from '../contract/credential-input-rules';

/** Creating a credential needs a secret; editing without one keeps the stored secret. */
export class SecretRequiredError extends CredentialValidationError {
  constructor() {
    super({ clientSecret: SECRET_REQUIRED_MESSAGE }, 'SecretRequiredError', CredentialErrorCode.SecretRequired);
  }
}

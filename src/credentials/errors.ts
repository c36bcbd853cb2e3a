export class CredentialNotFoundError extends Error {
  readonly code = 'CREDENTIAL_NOT_FOUND';
  constructor(id: string) {
    super(`No credential with id "${id}".`);
    this.name = 'CredentialNotFoundError';
  }
}

/** Mail cannot go out because no credential is stored yet. */
export class NoCredentialConfiguredError extends Error {
  readonly code = 'NOT_CONFIGURED';
  constructor() {
    super('No credential is configured.');
    this.name = 'NoCredentialConfiguredError';
  }
}

/** The stored credential has no secret in secret storage (never saved, or removed by hand). */
export class SecretMissingError extends Error {
  readonly code = 'SECRET_MISSING';
  constructor(id: string) {
    super(`Credential "${id}" has no client secret stored.`);
    this.name = 'SecretMissingError';
  }
}

/**
 * A credential that passed the payload schema but cannot be saved as it is; `fieldErrors` says why, per field,
 * in words for the admin page.
 */
export class CredentialValidationError extends Error {
  readonly code: string = 'CREDENTIAL_INVALID';
  readonly fieldErrors: Readonly<Record<string, string>>;
  constructor(fieldErrors: Record<string, string>) {
    super(`The credential is not valid: ${Object.keys(fieldErrors).join(', ')}.`);
    this.name = 'CredentialValidationError';
    this.fieldErrors = fieldErrors;
  }
}

export const SECRET_REQUIRED_MESSAGE = "Paste the client secret's Value from Certificates & secrets.";

/** Creating a credential needs a secret; editing without one keeps the stored secret. */
export class SecretRequiredError extends CredentialValidationError {
  override readonly code = 'SECRET_REQUIRED';
  constructor() {
    super({ clientSecret: SECRET_REQUIRED_MESSAGE });
    this.name = 'SecretRequiredError';
  }
}

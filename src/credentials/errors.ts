import { SECRET_REQUIRED_MESSAGE } from '../contract/credential-input-rules';

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

/** A certificate credential has no private key in secret storage (never saved, or removed by hand). */
export class PrivateKeyMissingError extends Error {
  readonly code = 'PRIVATE_KEY_MISSING';
  constructor(id: string) {
    super(`Credential "${id}" has no private key stored.`);
    this.name = 'PrivateKeyMissingError';
  }
}

/** Deleting the credential would leave something that uses it without one. */
export class CredentialInUseError extends Error {
  readonly code = 'CREDENTIAL_IN_USE';
  readonly usedBy: readonly string[];
  constructor(id: string, usedBy: readonly string[]) {
    super(`Credential "${id}" is in use: ${usedBy.join(', ')}.`);
    this.name = 'CredentialInUseError';
    this.usedBy = usedBy;
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

export { SECRET_REQUIRED_MESSAGE } from '../contract/credential-input-rules';

/** Creating a credential needs a secret; editing without one keeps the stored secret. */
export class SecretRequiredError extends CredentialValidationError {
  override readonly code = 'SECRET_REQUIRED';
  constructor() {
    super({ clientSecret: SECRET_REQUIRED_MESSAGE });
    this.name = 'SecretRequiredError';
  }
}

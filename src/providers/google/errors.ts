import { MailServiceError, type MailServiceFailure } from '../../mail-model/mail-service-error';

/** Stable codes of what can be wrong with a pasted or uploaded service account JSON key. */
export const GoogleKeyErrorCode = {
  TooLarge: 'GOOGLE_KEY_TOO_LARGE',
  NotJson: 'GOOGLE_KEY_NOT_JSON',
  NotServiceAccount: 'GOOGLE_KEY_NOT_SERVICE_ACCOUNT',
  FieldMissing: 'GOOGLE_KEY_FIELD_MISSING',
  FieldInvalid: 'GOOGLE_KEY_FIELD_INVALID',
  /** `private_key` is PEM but PKCS#1 (`BEGIN RSA PRIVATE KEY`) or another type, not Google's PKCS#8. */
  NotPkcs8: 'GOOGLE_KEY_NOT_PKCS8',
  /** `private_key` looks like PKCS#8 but no RS256 key could be imported from it. */
  PrivateKeyUnreadable: 'GOOGLE_KEY_PRIVATE_KEY_UNREADABLE',
  /** `universe_domain` names another universe (e.g. a sovereign cloud) with its own endpoints. */
  OtherUniverse: 'GOOGLE_KEY_OTHER_UNIVERSE',
} as const;
export type GoogleKeyErrorCode = (typeof GoogleKeyErrorCode)[keyof typeof GoogleKeyErrorCode];

/** A service account key was refused. The message names the field; it never quotes the private key. */
export class GoogleKeyError extends MailServiceError<GoogleKeyErrorCode> {
  /** The JSON field at fault, when one is. */
  readonly field: string | undefined;

  constructor(code: GoogleKeyErrorCode, message: string, details: { field?: string; cause?: unknown } = {}) {
    // The app's own reading of the stored key: Google was not asked.
    super('GoogleKeyError', code, message, {
      service: 'Google Workspace',
      answeredByService: false,
      ...(details.cause === undefined ? {} : { cause: details.cause }),
    });
    this.field = details.field;
  }

  get failure(): MailServiceFailure {
    return 'refused';
  }
}

/** Stable codes of everything that can go wrong getting a Google access token with the JWT bearer grant. */
export const GoogleTokenErrorCode = {
  /** `unauthorized_client`: no domain-wide delegation for the client ID, or a requested scope is not allowed. */
  DelegationMissing: 'GOOGLE_DELEGATION_MISSING',
  /** `access_denied`: one or more scopes are not authorised for the client in the Admin console. */
  ScopeNotAllowed: 'GOOGLE_SCOPE_NOT_ALLOWED',
  /** `invalid_grant` "Invalid email or User ID" / "Not a valid email": the mailbox (`sub`) is unknown or suspended. */
  UserUnknown: 'GOOGLE_USER_UNKNOWN',
  /** `invalid_grant` "Invalid JWT Signature.": key deleted, disabled, expired or not the service account's. */
  KeyInvalid: 'GOOGLE_KEY_INVALID',
  /** `invalid_grant` "account not found": the service account itself was deleted. */
  ServiceAccountNotFound: 'GOOGLE_SERVICE_ACCOUNT_NOT_FOUND',
  /** `invalid_grant` "Invalid JWT: Token must be a short-lived token…": a wrong clock. */
  ClockSkew: 'GOOGLE_CLOCK_SKEW',
  InvalidScope: 'GOOGLE_INVALID_SCOPE',
  ClientDisabled: 'GOOGLE_CLIENT_DISABLED',
  ClientDeleted: 'GOOGLE_CLIENT_DELETED',
  InvalidClient: 'GOOGLE_INVALID_CLIENT',
  AdminPolicyEnforced: 'GOOGLE_ADMIN_POLICY_ENFORCED',
  OrgInternal: 'GOOGLE_ORG_INTERNAL',
  /** Any other OAuth error answer. */
  Rejected: 'GOOGLE_TOKEN_REJECTED',
  /** The app could not sign the assertion with the stored private key. */
  AssertionFailed: 'GOOGLE_ASSERTION_FAILED',
  EndpointUnreachable: 'GOOGLE_TOKEN_ENDPOINT_UNREACHABLE',
  EndpointTimeout: 'GOOGLE_TOKEN_ENDPOINT_TIMEOUT',
  /** 5xx or 429 from the token endpoint: worth another try later. */
  EndpointError: 'GOOGLE_TOKEN_ENDPOINT_ERROR',
  /** Not JSON, or a field of the answer is missing or wrong. */
  ResponseInvalid: 'GOOGLE_TOKEN_RESPONSE_INVALID',
  EndpointNotAllowed: 'GOOGLE_TOKEN_ENDPOINT_NOT_ALLOWED',
} as const;
export type GoogleTokenErrorCode = (typeof GoogleTokenErrorCode)[keyof typeof GoogleTokenErrorCode];

const TRANSIENT: ReadonlySet<GoogleTokenErrorCode> = new Set([
  GoogleTokenErrorCode.EndpointUnreachable,
  GoogleTokenErrorCode.EndpointTimeout,
  GoogleTokenErrorCode.EndpointError,
]);

export interface GoogleTokenErrorDetails {
  /** The OAuth `error` value, e.g. `unauthorized_client`. */
  oauthError?: string;
  /** Google's `error_description`, kept only when it is short plain text (Google's are fixed sentences). */
  description?: string;
  status?: number;
  cause?: unknown;
}

/**
 * A Google token request failed. The message says method, host and path and what went wrong; it never holds the
 * private key, the assertion or the access token.
 */
export class GoogleTokenError extends MailServiceError<GoogleTokenErrorCode> {
  readonly oauthError: string | undefined;
  readonly description: string | undefined;
  readonly status: number | undefined;

  constructor(code: GoogleTokenErrorCode, message: string, details: GoogleTokenErrorDetails = {}) {
    super('GoogleTokenError', code, message, {
      service: "Google's token endpoint",
      answeredByService: true,
      ...(details.cause === undefined ? {} : { cause: details.cause }),
    });
    this.oauthError = details.oauthError;
    this.description = details.description;
    this.status = details.status;
  }

  /** Whether trying again later may work without anyone changing anything. */
  get transient(): boolean {
    return TRANSIENT.has(this.code);
  }

  /** A token is asked for before anything is sent: no token failure can leave an email half sent. */
  get failure(): MailServiceFailure {
    return this.transient ? 'unavailable' : 'refused';
  }
}

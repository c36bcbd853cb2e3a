import type { AuthorizationErrorCode } from '../contract/error-codes';
import { AppError } from '../shared/app-error';

/** Stable codes of everything that can go wrong getting an access token. */
export const TokenErrorCode = {
  InvalidClientSecret: 'TOKEN_INVALID_CLIENT_SECRET',
  ClientSecretExpired: 'TOKEN_CLIENT_SECRET_EXPIRED',
  AppNotFound: 'TOKEN_APP_NOT_FOUND',
  TenantNotFound: 'TOKEN_TENANT_NOT_FOUND',
  InvalidScope: 'TOKEN_INVALID_SCOPE',
  NoClientCredential: 'TOKEN_NO_CLIENT_CREDENTIAL',
  /** Microsoft could not validate the signed client assertion (certificate not registered, wrong key, expired). */
  InvalidClientAssertion: 'TOKEN_INVALID_CLIENT_ASSERTION',
  /** The app could not sign a client assertion with the stored private key. */
  ClientAssertionFailed: 'TOKEN_CLIENT_ASSERTION_FAILED',
  /** Any other AADSTS or OAuth error answer. */
  Rejected: 'TOKEN_REJECTED',
  EndpointUnreachable: 'TOKEN_ENDPOINT_UNREACHABLE',
  EndpointTimeout: 'TOKEN_ENDPOINT_TIMEOUT',
  /** The endpoint answered 5xx. */
  EndpointError: 'TOKEN_ENDPOINT_ERROR',
  /** Not JSON, or a field of the answer is missing or wrong. */
  ResponseInvalid: 'TOKEN_RESPONSE_INVALID',
  EndpointNotAllowed: 'ENDPOINT_NOT_ALLOWED',
} as const;
export type TokenErrorCode = (typeof TokenErrorCode)[keyof typeof TokenErrorCode];

export interface TokenErrorDetails {
  /** The AADSTS number, e.g. 7000215, when Microsoft gave one. */
  aadstsCode?: number;
  /** The OAuth `error` value, e.g. `invalid_client`. */
  oauthError?: string;
  status?: number;
  /** Microsoft's ids for a support ticket; safe to show, never secret. */
  traceId?: string;
  correlationId?: string;
  cause?: unknown;
}

/** What a token endpoint's refusal said, for every error family built from one. */
abstract class OAuthAnswerError<C extends string> extends AppError<C> {
  readonly aadstsCode: number | undefined;
  readonly oauthError: string | undefined;
  readonly status: number | undefined;
  readonly traceId: string | undefined;
  readonly correlationId: string | undefined;

  protected constructor(name: string, code: C, message: string, details: TokenErrorDetails) {
    super(name, code, message, details);
    this.aadstsCode = details.aadstsCode;
    this.oauthError = details.oauthError;
    this.status = details.status;
    this.traceId = details.traceId;
    this.correlationId = details.correlationId;
  }
}

/**
 * A token request failed. The message says method, host and path and what went wrong; it never holds the
 * client secret, the token or the raw response (Microsoft's descriptions carry trace ids and app names).
 */
export class TokenError extends OAuthAnswerError<TokenErrorCode> {
  constructor(code: TokenErrorCode, message: string, details: TokenErrorDetails = {}) {
    super('TokenError', code, message, details);
  }
}

export { AuthorizationErrorCode } from '../contract/error-codes';

/**
 * The authorization code grant failed in a way only a new sign-in ("Authorize again") or a new start can fix.
 * Transport and client-authentication failures (unreachable, invalid client secret, ...) stay TokenErrors: they
 * mean what they mean for client credentials. The message never holds the code, verifier, state, token or secret.
 */
export class AuthorizationError extends OAuthAnswerError<AuthorizationErrorCode> {
  constructor(code: AuthorizationErrorCode, message: string, details: TokenErrorDetails = {}) {
    super('AuthorizationError', code, message, details);
  }
}

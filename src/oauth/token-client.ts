import { describeUrl } from '../http/describe-url';
import { checkEndpoint, type PolicyEnv } from '../http/endpoint-policy';
import { EndpointNotAllowedError } from '../http/errors';
import type { Clock, FetchLike } from '../shared/seams';
import { tokenErrorCodeForAadsts } from './aadsts-guidance';
import { TokenError, TokenErrorCode } from './errors';

/** How the app proves who it is: a client secret, or a client assertion signed with a certificate's key. */
export type ClientProof = { clientSecret: string } | { clientAssertion: string };

export type ClientCredentialsRequest = {
  /** The Microsoft identity platform v2 token endpoint, `https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token`. */
  tokenEndpoint: string;
  clientId: string;
  scope: string;
} & ClientProof;

/** RFC 7523 section 2.2: the client authenticates with a JWT. */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface AccessToken {
  accessToken: string;
  /** Milliseconds since the epoch at which the token stops working, by the caller's clock. */
  expiresAt: number;
}

export interface TokenClientDeps {
  fetch: FetchLike;
  now: Clock;
  /** Abort the request after this long; a resolver has 25 s in all. */
  timeoutMs?: number;
  env?: PolicyEnv;
}

export const DEFAULT_TOKEN_TIMEOUT_MS = 6_000;

const OAUTH_ERROR = /^[a-z_]{1,64}$/;
const AADSTS_IN_TEXT = /^AADSTS(\d{1,10})\b/;
const GUID_LIKE = /^[0-9a-fA-F-]{1,64}$/;

/** The form fields that authenticate the client: a client secret, or a certificate's client assertion. */
export const clientProofFields = (proof: ClientProof): Record<string, string> =>
  'clientAssertion' in proof
    ? { client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: proof.clientAssertion }
    : { client_secret: proof.clientSecret };

/** A token endpoint's 200 answer: a JSON object whose fields the grant checks, and when the request left. */
export interface TokenAnswer {
  json: Record<string, unknown>;
  requestedAt: number;
  /** `POST host/path`, for messages. */
  where: string;
}

/**
 * POSTs a form to a Microsoft identity platform v2 token endpoint (any grant). A 200 answer must be a JSON object;
 * everything else becomes a TokenError with a stable code, and no message holds a form field's value.
 */
export const postTokenForm = async (
  tokenEndpoint: string,
  fields: Record<string, string>,
  deps: TokenClientDeps,
): Promise<TokenAnswer> => {
  const where = `POST ${describeUrl(tokenEndpoint)}`;
  let url: URL;
  try {
    url = checkEndpoint('token endpoint', tokenEndpoint, deps.env);
  } catch (error) {
    if (!(error instanceof EndpointNotAllowedError)) throw error;
    throw new TokenError(TokenErrorCode.EndpointNotAllowed, `${where} refused: ${error.message}`, { cause: error });
  }

  const requestedAt = deps.now();
  let response: Response;
  try {
    response = await deps.fetch(url.href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'error',
      signal: AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS),
    });
  } catch (error) {
    if (isTimeout(error)) {
      throw new TokenError(TokenErrorCode.EndpointTimeout, `${where} timed out.`, { cause: error });
    }
    throw new TokenError(TokenErrorCode.EndpointUnreachable, `${where} failed: no answer from the server.`, {
      cause: error,
    });
  }

  const text = await readText(response, where);
  const status = response.status;

  if (status !== 200) throw parseFailure(text, status, where);
  return { json: parseSuccess(text, response.headers.get('content-type'), where), requestedAt, where };
};

/**
 * OAuth 2.0 client credentials grant (RFC 6749 section 4.4) against the Microsoft identity platform.
 * Every field of the answer is checked; every failure becomes a TokenError with a stable code.
 */
export const requestClientCredentialsToken = async (
  request: ClientCredentialsRequest,
  deps: TokenClientDeps,
): Promise<AccessToken> => {
  const answer = await postTokenForm(
    request.tokenEndpoint,
    {
      client_id: request.clientId,
      ...clientProofFields(request),
      scope: request.scope,
      grant_type: 'client_credentials',
    },
    deps,
  );
  return readAccessToken(answer);
};

const isTimeout = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

const readText = async (response: Response, where: string): Promise<string> => {
  try {
    return await response.text();
  } catch (error) {
    const code = isTimeout(error) ? TokenErrorCode.EndpointTimeout : TokenErrorCode.EndpointUnreachable;
    throw new TokenError(code, `${where} failed while reading the answer.`, { status: response.status, cause: error });
  }
};

const invalid = (where: string, problem: string, status: number, cause?: unknown): TokenError =>
  new TokenError(TokenErrorCode.ResponseInvalid, `${where} answered ${status}: ${problem}`, { status, cause });

const isJsonContentType = (contentType: string | null): boolean =>
  contentType !== null && /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(contentType.trim());

const parseJsonObject = (text: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

const parseSuccess = (text: string, contentType: string | null, where: string): Record<string, unknown> => {
  if (!isJsonContentType(contentType)) {
    throw invalid(
      where,
      `Content-Type must be application/json, got ${JSON.stringify((contentType ?? '(none)').slice(0, 80))}.`,
      200,
    );
  }
  const json = parseJsonObject(text);
  if (json === undefined) throw invalid(where, 'the body is not a JSON object.', 200);
  return json;
};

/** A bad field of a 200 answer, named. */
export const invalidTokenAnswer = (where: string, problem: string): TokenError => invalid(where, problem, 200);

/** The access token of a 200 answer: `access_token`, `token_type` Bearer and `expires_in` checked. */
export const readAccessToken = ({ json, where, requestedAt }: TokenAnswer): AccessToken => {
  const accessToken = json['access_token'];
  if (typeof accessToken !== 'string' || accessToken.trim() === '') {
    throw invalid(where, 'response field "access_token" must be a non-empty string.', 200);
  }
  const tokenType = json['token_type'];
  if (typeof tokenType !== 'string' || tokenType.toLowerCase() !== 'bearer') {
    throw invalid(where, 'response field "token_type" must be "Bearer".', 200);
  }
  const expiresIn = toPositiveNumber(json['expires_in']);
  if (expiresIn === undefined) {
    throw invalid(where, 'response field "expires_in" must be a positive number of seconds.', 200);
  }
  // Counted from when the request left, so clock skew and latency only ever shorten the lifetime.
  return { accessToken, expiresAt: requestedAt + expiresIn * 1000 };
};

const toPositiveNumber = (value: unknown): number | undefined => {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())
        ? Number(value)
        : NaN;
  return Number.isFinite(number) && number > 0 ? number : undefined;
};

const parseFailure = (text: string, status: number, where: string): TokenError => {
  const json = parseJsonObject(text);
  const oauthError = typeof json?.['error'] === 'string' && OAUTH_ERROR.test(json['error']) ? json['error'] : undefined;
  const aadstsCode = aadstsCodeOf(json);
  const details = {
    status,
    ...(oauthError === undefined ? {} : { oauthError }),
    ...(aadstsCode === undefined ? {} : { aadstsCode }),
    ...idField(json, 'trace_id', 'traceId'),
    ...idField(json, 'correlation_id', 'correlationId'),
  };
  const label = [aadstsCode === undefined ? undefined : `AADSTS${aadstsCode}`, oauthError].filter(Boolean).join(' ');
  const answered = `${where} answered ${status}${label === '' ? '' : ` (${label})`}`;

  if (status >= 500) return new TokenError(TokenErrorCode.EndpointError, `${answered}: server error.`, details);
  if (oauthError === undefined) {
    return new TokenError(TokenErrorCode.ResponseInvalid, `${answered}: not an OAuth 2.0 error answer.`, details);
  }
  return new TokenError(tokenErrorCodeForAadsts(aadstsCode), `${answered}: the token request was refused.`, details);
};

/** `error_codes[0]`, else the number at the start of `error_description` ("AADSTS7000215: ..."). */
const aadstsCodeOf = (json: Record<string, unknown> | undefined): number | undefined => {
  if (json === undefined) return undefined;
  const codes = json['error_codes'];
  if (Array.isArray(codes) && typeof codes[0] === 'number' && Number.isSafeInteger(codes[0]) && codes[0] > 0) {
    return codes[0];
  }
  const description = json['error_description'];
  const match = typeof description === 'string' ? AADSTS_IN_TEXT.exec(description) : null;
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

const idField = <K extends string>(
  json: Record<string, unknown> | undefined,
  field: string,
  as: K,
): Partial<Record<K, string>> => {
  const value = json?.[field];
  return typeof value === 'string' && GUID_LIKE.test(value) ? ({ [as]: value } as Partial<Record<K, string>>) : {};
};

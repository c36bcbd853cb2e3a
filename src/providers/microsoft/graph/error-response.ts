import { GraphError, GraphErrorCode, type GraphErrorDetails, type GraphFailureReason } from './errors';
import { readGraphErrorBody } from './graph-answers';

const IDENTIFIER = /^[A-Za-z0-9_.-]{1,100}$/;
const REQUEST_ID = /^[0-9A-Za-z-]{1,100}$/;

export interface GraphErrorBody {
  code: string;
  message: string;
  requestId: string | undefined;
  clientRequestId: string | undefined;
}

export const parseGraphErrorBody = (text: string): GraphErrorBody | undefined => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  // Graph's OData error envelope (graph-answer-schemas.ts).
  const parsed = readGraphErrorBody(json);
  if (!parsed.ok) return undefined;
  const { code, message, innerError } = parsed.value.error;
  return {
    code,
    message: message ?? '',
    requestId: innerError?.['request-id'],
    clientRequestId: innerError?.['client-request-id'],
  };
};

/**
 * Exchange answers 403 ErrorAccessDenied both for a missing Mail.Send grant and for a mailbox outside the
 * application access policy or RBAC for Applications scope; only the message tells them apart ("Access to OData is
 * disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings." is the policy's).
 */
const APP_ACCESS_POLICY_TEXT = /access to odata is disabled|application access polic|apponly accesspolicy|\[RAOP\]/i;
const NO_RECIPIENTS_TEXT = /contains no recipients/i;
const TOKEN_EXPIRED_TEXT = /token is expired|token has expired|lifetime validation failed/i;

const REASON_BY_CODE: Readonly<Record<string, GraphFailureReason>> = {
  NoPermissionsInAccessToken: 'no-permissions-in-token',
  Authorization_RequestDenied: 'directory-access-denied',
  ErrorInvalidUser: 'invalid-user',
  Request_ResourceNotFound: 'directory-object-not-found',
  MailboxNotEnabledForRESTAPI: 'mailbox-not-enabled',
  InvalidInternetMessageHeader: 'invalid-header',
  ErrorMimeContentInvalidBase64String: 'invalid-mime',
  ErrorMessageSizeExceeded: 'too-large',
  InefficientFilter: 'inefficient-filter',
};

/** Which Graph answer this is, by its code and, where Graph uses one code for several things, its text. */
export const graphFailureReason = (status: number, body: GraphErrorBody | undefined): GraphFailureReason => {
  const code = body?.code ?? '';
  const message = body?.message ?? '';
  const byCode = REASON_BY_CODE[code];
  if (byCode !== undefined) return byCode;
  if (code === 'InvalidAuthenticationToken')
    return TOKEN_EXPIRED_TEXT.test(message) ? 'token-expired' : 'token-invalid';
  if (code === 'ErrorAccessDenied') return APP_ACCESS_POLICY_TEXT.test(message) ? 'app-access-policy' : 'access-denied';
  if (code === 'ErrorInvalidRecipients')
    return NO_RECIPIENTS_TEXT.test(message) ? 'no-recipients' : 'invalid-recipients';
  if (status === 401) return 'unauthorized';
  if (status === 403) return APP_ACCESS_POLICY_TEXT.test(message) ? 'app-access-policy' : 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 413) return 'too-large';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'unavailable';
  if (status === 400) return 'bad-request';
  return 'other';
};

export const classifyGraphError = (status: number, body: GraphErrorBody | undefined): GraphErrorCode => {
  const code = body?.code ?? '';
  if (code === 'MailboxNotEnabledForRESTAPI') return GraphErrorCode.MailboxNotEnabled;
  if (status === 401) return GraphErrorCode.Unauthorized;
  if (status === 403) {
    return APP_ACCESS_POLICY_TEXT.test(body?.message ?? '')
      ? GraphErrorCode.AppAccessPolicyDenied
      : GraphErrorCode.AccessDenied;
  }
  if (status === 404) return GraphErrorCode.MailboxNotFound;
  if (status === 413 || code === 'ErrorMessageSizeExceeded') return GraphErrorCode.RequestTooLarge;
  if (status === 429) return GraphErrorCode.Throttled;
  if (status >= 500) return GraphErrorCode.Unavailable;
  if (status === 400) {
    return code === 'ErrorInvalidRecipients' ? GraphErrorCode.InvalidRecipients : GraphErrorCode.BadRequest;
  }
  return GraphErrorCode.RequestFailed;
};

export interface GraphFailure {
  /** e.g. `POST graph.microsoft.com/v1.0/users/a%40b.com/sendMail` */
  where: string;
  status: number;
  headers: Headers;
  text: string;
  retryAfterSeconds?: number;
}

/** Turns a non-success Graph answer into a GraphError, keeping Graph's code and request ids. */
export const graphErrorFromResponse = (failure: GraphFailure): GraphError => {
  const body = parseGraphErrorBody(failure.text);
  const code = classifyGraphError(failure.status, body);
  const reason = graphFailureReason(failure.status, body);
  const graphCode = body !== undefined && IDENTIFIER.test(body.code) ? body.code : undefined;
  const requestId = pickId(failure.headers.get('request-id'), body?.requestId);
  const clientRequestId = pickId(failure.headers.get('client-request-id'), body?.clientRequestId);
  const details: GraphErrorDetails = {
    status: failure.status,
    reason,
    ...(graphCode === undefined ? {} : { graphCode }),
    ...(requestId === undefined ? {} : { requestId }),
    ...(clientRequestId === undefined ? {} : { clientRequestId }),
    ...(failure.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: failure.retryAfterSeconds }),
  };
  const label = graphCode === undefined ? '' : ` ${graphCode}`;
  const request = requestId === undefined ? '' : ` (request-id ${requestId})`;
  return new GraphError(code, `${failure.where} answered ${failure.status}${label}${request}.`, details);
};

const pickId = (...candidates: Array<string | null | undefined>): string | undefined =>
  candidates.find((value): value is string => typeof value === 'string' && REQUEST_ID.test(value));

import { MailServiceError, type MailServiceFailure } from '../../../mail-model/mail-service-error';
import { AppError } from '../../../shared/app-error';

/** Stable codes of everything that can go wrong sending mail through Microsoft Graph. */
export const GraphErrorCode = {
  Unauthorized: 'GRAPH_UNAUTHORIZED',
  AccessDenied: 'GRAPH_ACCESS_DENIED',
  AppAccessPolicyDenied: 'GRAPH_APP_ACCESS_POLICY_DENIED',
  /** The directory refused a search: the app lacks the User.Read.All application permission (or its consent). */
  DirectoryAccessDenied: 'GRAPH_DIRECTORY_ACCESS_DENIED',
  MailboxNotFound: 'GRAPH_MAILBOX_NOT_FOUND',
  MailboxNotEnabled: 'GRAPH_MAILBOX_NOT_ENABLED',
  InvalidRecipients: 'GRAPH_INVALID_RECIPIENTS',
  RequestTooLarge: 'GRAPH_REQUEST_TOO_LARGE',
  Throttled: 'GRAPH_THROTTLED',
  Unavailable: 'GRAPH_UNAVAILABLE',
  BadRequest: 'GRAPH_BAD_REQUEST',
  /** Any other 4xx. */
  RequestFailed: 'GRAPH_REQUEST_FAILED',
  Unreachable: 'GRAPH_UNREACHABLE',
  /** No answer in time: the mail may or may not have gone out. */
  Timeout: 'GRAPH_TIMEOUT',
  ResponseInvalid: 'GRAPH_RESPONSE_INVALID',
  EndpointNotAllowed: 'ENDPOINT_NOT_ALLOWED',
} as const;
export type GraphErrorCode = (typeof GraphErrorCode)[keyof typeof GraphErrorCode];

/**
 * What exactly Graph said, finer than the code: each Graph error answer an admin may meet gets its own, so the
 * guidance can name the fix. Transport failures have none.
 */
export type GraphFailureReason =
  | 'token-expired'
  | 'token-invalid'
  | 'no-permissions-in-token'
  | 'unauthorized'
  | 'app-access-policy'
  | 'access-denied'
  | 'directory-access-denied'
  | 'forbidden'
  | 'invalid-user'
  | 'directory-object-not-found'
  | 'mailbox-not-enabled'
  | 'not-found'
  | 'invalid-recipients'
  | 'no-recipients'
  | 'invalid-header'
  | 'invalid-mime'
  | 'too-large'
  | 'inefficient-filter'
  | 'bad-request'
  | 'throttled'
  | 'unavailable'
  | 'other';

export interface GraphErrorDetails {
  status?: number;
  reason?: GraphFailureReason;
  /** Graph's `error.code`, e.g. `ErrorAccessDenied`. */
  graphCode?: string;
  /** Graph's `request-id`, which Microsoft support asks for. */
  requestId?: string;
  clientRequestId?: string;
  /** Seconds Graph asked us to wait (Retry-After), when it throttled. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

/** What each code means for an email (mail-model/mail-service-error.ts); any other code is a refusal. */
const FAILURES: Readonly<Partial<Record<GraphErrorCode, MailServiceFailure>>> = {
  [GraphErrorCode.Throttled]: 'throttled',
  [GraphErrorCode.Unavailable]: 'unavailable',
  // No answer, or one that could not be read: the send may have reached Exchange.
  [GraphErrorCode.Timeout]: 'no-answer',
  [GraphErrorCode.Unreachable]: 'no-answer',
  [GraphErrorCode.ResponseInvalid]: 'no-answer',
};

/**
 * A Graph call failed. The message says method, host and path, status and Graph's error code; Graph's own
 * message text is not repeated in it and the token never is. `requestId` is Graph's `request-id`, which Microsoft
 * support asks for; `retryAfterSeconds` the seconds Graph asked us to wait (Retry-After), when it throttled.
 */
export class GraphError extends MailServiceError<GraphErrorCode> {
  readonly status: number | undefined;
  readonly reason: GraphFailureReason | undefined;
  readonly graphCode: string | undefined;
  readonly clientRequestId: string | undefined;

  constructor(code: GraphErrorCode, message: string, details: GraphErrorDetails = {}) {
    super('GraphError', code, message, {
      service: 'Microsoft Graph',
      answeredByService: true,
      ...(details.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: details.retryAfterSeconds }),
      ...(details.requestId === undefined ? {} : { requestId: details.requestId }),
      ...(details.cause === undefined ? {} : { cause: details.cause }),
    });
    this.status = details.status;
    this.reason = details.reason;
    this.graphCode = details.graphCode;
    this.clientRequestId = details.clientRequestId;
  }

  get failure(): MailServiceFailure {
    return FAILURES[this.code] ?? 'refused';
  }
}

/**
 * A send paced to a slot did not go out: its time to leave (`sendBy`) had passed when the request was ready, after
 * its token (a fresh one after a 401 included). Nothing reached Microsoft, so nothing was sent or counted.
 */
export class SendWindowPassedError extends MailServiceError<'GRAPH_SEND_WINDOW_PASSED'> {
  constructor(message: string) {
    super('SendWindowPassedError', 'GRAPH_SEND_WINDOW_PASSED', message, {
      service: 'Microsoft Graph',
      answeredByService: false,
    });
  }

  get failure(): MailServiceFailure {
    return 'slot-missed';
  }
}

/**
 * A streamed attachment's source handed over another number of bytes than the size the upload session was opened
 * with. The Jira download checks this itself (JiraError); this guards any other source.
 */
export class AttachmentSourceError extends AppError<'ATTACHMENT_SOURCE_INVALID'> {
  constructor(message: string) {
    super('AttachmentSourceError', 'ATTACHMENT_SOURCE_INVALID', message);
  }
}

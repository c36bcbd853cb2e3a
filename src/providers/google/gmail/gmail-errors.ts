import { MailServiceError, type MailServiceFailure } from '../../../mail-model/mail-service-error';

/** Stable codes of everything that can go wrong calling the Gmail API (sending and reading). */
export const GmailErrorCode = {
  /** 429, or 403 rateLimitExceeded / userRateLimitExceeded: per-user or per-project quota; try again soon. */
  RateLimited: 'GMAIL_RATE_LIMITED',
  /** 403 dailyLimitExceeded, or the mailbox's sending limit: nothing goes out until the rolling day allows it. */
  DailyLimit: 'GMAIL_DAILY_LIMIT',
  /** 403 insufficientPermissions / domainPolicy / accessNotConfigured / forbidden. */
  Forbidden: 'GMAIL_FORBIDDEN',
  /** 401 even with a fresh token. */
  Unauthorized: 'GMAIL_UNAUTHORIZED',
  NotFound: 'GMAIL_NOT_FOUND',
  /** history.list's 404: the stored startHistoryId is out of date or invalid; a full sync is needed. */
  HistoryExpired: 'GMAIL_HISTORY_EXPIRED',
  /** 400 invalidArgument / badRequest / failedPrecondition, e.g. an invalid To header. */
  BadRequest: 'GMAIL_BAD_REQUEST',
  /** Over Gmail's 35 MB for the whole message: refused before anything is sent. */
  MessageTooLarge: 'GMAIL_MESSAGE_TOO_LARGE',
  /** 5xx: Google's side; worth another try. */
  Unavailable: 'GMAIL_UNAVAILABLE',
  /** No answer in time: the mail may or may not have been sent. */
  Timeout: 'GMAIL_TIMEOUT',
  Unreachable: 'GMAIL_UNREACHABLE',
  /** Another status than Gmail documents, or an answer field missing or wrong. */
  AnswerInvalid: 'GMAIL_ANSWER_INVALID',
  /** The base URL or an upload session URL is not Google's (nor the allowed local emulator). */
  EndpointNotAllowed: 'GMAIL_ENDPOINT_NOT_ALLOWED',
  /** A send paced to a slot was not sent: its time to leave had passed. Nothing reached Google. */
  SendWindowPassed: 'GMAIL_SEND_WINDOW_PASSED',
} as const;
export type GmailErrorCode = (typeof GmailErrorCode)[keyof typeof GmailErrorCode];

const TRANSIENT: ReadonlySet<GmailErrorCode> = new Set([
  GmailErrorCode.RateLimited,
  GmailErrorCode.Unavailable,
  GmailErrorCode.Timeout,
  GmailErrorCode.Unreachable,
]);

/** What each code means for an email (mail-model/mail-service-error.ts); any other code is a refusal. */
const FAILURES: Readonly<Partial<Record<GmailErrorCode, MailServiceFailure>>> = {
  [GmailErrorCode.RateLimited]: 'throttled',
  [GmailErrorCode.Unavailable]: 'unavailable',
  [GmailErrorCode.DailyLimit]: 'daily-limit',
  // No answer, or one that could not be read: the upload may have completed at Google.
  [GmailErrorCode.Timeout]: 'no-answer',
  [GmailErrorCode.Unreachable]: 'no-answer',
  [GmailErrorCode.AnswerInvalid]: 'no-answer',
  // Nothing reached Google: the worker takes the next slot.
  [GmailErrorCode.SendWindowPassed]: 'slot-missed',
};

export interface GmailErrorDetails {
  status?: number;
  /** `error.errors[0].reason`, e.g. `insufficientPermissions`. */
  reason?: string;
  /** `error.status`, a google.rpc.Code name such as `PERMISSION_DENIED`. */
  googleStatus?: string;
  retryAfterSeconds?: number;
  cause?: unknown;
}

/**
 * A Gmail API call failed. The message says method, host and path, status and Google's reason; never the token,
 * an upload session URL's id or the message's content.
 */
export class GmailError extends MailServiceError<GmailErrorCode> {
  readonly status: number | undefined;
  readonly reason: string | undefined;
  readonly googleStatus: string | undefined;

  constructor(code: GmailErrorCode, message: string, details: GmailErrorDetails = {}) {
    // Gmail's answers carry no request id.
    super('GmailError', code, message, {
      service: 'Gmail',
      answeredByService: true,
      ...(details.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: details.retryAfterSeconds }),
      ...(details.cause === undefined ? {} : { cause: details.cause }),
    });
    this.status = details.status;
    this.reason = details.reason;
    this.googleStatus = details.googleStatus;
  }

  get failure(): MailServiceFailure {
    return FAILURES[this.code] ?? 'refused';
  }

  /** Whether trying again later (minutes, not a day) may work without anyone changing anything. */
  get transient(): boolean {
    return TRANSIENT.has(this.code);
  }
}

import { TraceUnavailableError } from '../delivery/errors';
import { GoogleKeyError, GoogleTokenError, GoogleTokenErrorCode } from '../google/errors';
import { GmailError, GmailErrorCode } from '../google/gmail/gmail-errors';
import { GraphError, GraphErrorCode } from '../graph/errors';
import { JiraError, JiraErrorCode } from '../jira/errors';
import { TokenError, TokenErrorCode } from '../oauth/errors';
import { StorageError } from '../storage/errors';

/**
 * What a failed attempt means for the email: `retry`, a later attempt can succeed (throttling, outages, Retry-After
 * when given); `paused`, the mailbox reached its provider's daily sending limit, so the email waits that long without
 * spending its attempts; `unsure`, the email may have gone out without the app hearing so (no answer in time);
 * `final`, trying again cannot help (bad recipients, missing permission, a deleted credential).
 */
export type FailureKind =
  | { kind: 'retry'; retryAfterSeconds?: number }
  | { kind: 'paused'; retryAfterSeconds: number }
  | { kind: 'unsure' }
  | { kind: 'final' };

/**
 * Gmail's sending limit is counted "over a rolling 24-hour period" and, once reached, "users can't send new messages
 * for up to 24 hours" (https://support.google.com/a/answer/166852). Without Google's own time to retry, the email
 * looks again in an hour; never later than a day.
 */
export const DAILY_LIMIT_PAUSE_SECONDS = 3_600;
export const MAX_PAUSE_SECONDS = 86_400;

const RETRY_GRAPH: ReadonlySet<string> = new Set([GraphErrorCode.Throttled, GraphErrorCode.Unavailable]);
/** Requests that got no answer: the send may have reached Exchange. */
const UNSURE_GRAPH: ReadonlySet<string> = new Set([
  GraphErrorCode.Timeout,
  GraphErrorCode.Unreachable,
  GraphErrorCode.ResponseInvalid,
]);
const RETRY_TOKEN: ReadonlySet<string> = new Set([
  TokenErrorCode.EndpointUnreachable,
  TokenErrorCode.EndpointTimeout,
  TokenErrorCode.EndpointError,
]);
/** Gmail's throttling and outages, answered before anything was sent (gmail-errors.ts). */
const RETRY_GMAIL: ReadonlySet<string> = new Set([GmailErrorCode.RateLimited, GmailErrorCode.Unavailable]);
/**
 * No answer, or one that could not be read: the upload may have completed at Google. A send paced to a slot that
 * missed it (GMAIL_SEND_WINDOW_PASSED) sent nothing: the worker takes the next slot (attempt-delivery.ts).
 */
const UNSURE_GMAIL: ReadonlySet<string> = new Set([
  GmailErrorCode.Timeout,
  GmailErrorCode.Unreachable,
  GmailErrorCode.AnswerInvalid,
]);
const RETRY_GOOGLE_TOKEN: ReadonlySet<string> = new Set([
  GoogleTokenErrorCode.EndpointUnreachable,
  GoogleTokenErrorCode.EndpointTimeout,
  GoogleTokenErrorCode.EndpointError,
]);

const retry = (retryAfterSeconds: number | undefined): FailureKind =>
  retryAfterSeconds === undefined ? { kind: 'retry' } : { kind: 'retry', retryAfterSeconds };

const gmailKind = (error: GmailError): FailureKind => {
  if (error.code === GmailErrorCode.DailyLimit) {
    const asked = error.retryAfterSeconds ?? DAILY_LIMIT_PAUSE_SECONDS;
    return { kind: 'paused', retryAfterSeconds: Math.min(MAX_PAUSE_SECONDS, Math.max(1, asked)) };
  }
  if (RETRY_GMAIL.has(error.code)) return retry(error.retryAfterSeconds);
  return UNSURE_GMAIL.has(error.code) ? { kind: 'unsure' } : { kind: 'final' };
};

export const failureKind = (error: unknown): FailureKind => {
  if (error instanceof GraphError) {
    if (RETRY_GRAPH.has(error.code)) return retry(error.retryAfterSeconds);
    if (UNSURE_GRAPH.has(error.code)) return { kind: 'unsure' };
    return { kind: 'final' };
  }
  if (error instanceof GmailError) return gmailKind(error);
  if (error instanceof TokenError) return RETRY_TOKEN.has(error.code) ? { kind: 'retry' } : { kind: 'final' };
  // A token is asked for before anything is sent: no Google token failure can leave the email half sent.
  if (error instanceof GoogleTokenError) {
    return RETRY_GOOGLE_TOKEN.has(error.code) ? { kind: 'retry' } : { kind: 'final' };
  }
  if (error instanceof JiraError)
    return error.code === JiraErrorCode.RequestFailed ? { kind: 'retry' } : { kind: 'final' };
  if (error instanceof StorageError) return { kind: 'retry' };
  return { kind: 'final' };
};

/** Graph's request-id of a failed answer, for the log; Gmail's answers carry none. */
export const requestIdOf = (error: unknown): string | undefined =>
  error instanceof GraphError ? error.requestId : undefined;

/**
 * A line for the admin's log about what went wrong technically: the message of the app's own error families (they
 * name method, host, path, status and Graph's or Google's reason, never a token, key or body), only the class for
 * anything else.
 */
export const technicalNote = (error: unknown): string => {
  const known =
    error instanceof GraphError ||
    error instanceof TokenError ||
    error instanceof GmailError ||
    error instanceof GoogleTokenError ||
    error instanceof GoogleKeyError ||
    error instanceof TraceUnavailableError ||
    error instanceof JiraError ||
    error instanceof StorageError;
  if (known) return error.message.replace(/\.$/, '');
  return error instanceof Error ? error.name : 'An unknown error';
};

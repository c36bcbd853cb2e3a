import { TraceUnavailableError } from '../delivery/errors';
import { JiraError, JiraErrorCode } from '../jira/errors';
import { MailServiceError } from '../mail-model/mail-service-error';
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
 * A daily sending limit is counted over a rolling day (Gmail's "over a rolling 24-hour period", after which "users
 * can't send new messages for up to 24 hours": https://support.google.com/a/answer/166852). Without the service's
 * own time to retry, the email looks again in an hour; never later than a day.
 */
export const DAILY_LIMIT_PAUSE_SECONDS = 3_600;
export const MAX_PAUSE_SECONDS = 86_400;

const RETRY_TOKEN: ReadonlySet<string> = new Set([
  TokenErrorCode.EndpointUnreachable,
  TokenErrorCode.EndpointTimeout,
  TokenErrorCode.EndpointError,
]);

const retry = (retryAfterSeconds: number | undefined): FailureKind =>
  retryAfterSeconds === undefined ? { kind: 'retry' } : { kind: 'retry', retryAfterSeconds };

/** A mail service's failure by what it means (mail-model/mail-service-error.ts), whichever provider's. */
const serviceKind = (error: MailServiceError): FailureKind => {
  switch (error.failure) {
    case 'daily-limit': {
      const asked = error.retryAfterSeconds ?? DAILY_LIMIT_PAUSE_SECONDS;
      return { kind: 'paused', retryAfterSeconds: Math.min(MAX_PAUSE_SECONDS, Math.max(1, asked)) };
    }
    case 'throttled':
    case 'unavailable':
      return retry(error.retryAfterSeconds);
    case 'no-answer':
      return { kind: 'unsure' };
    // A missed slot sent nothing: attempt-delivery.ts takes the next slot before asking this.
    case 'slot-missed':
    case 'refused':
      return { kind: 'final' };
  }
};

/** `instanceof` of a generic class narrows to its `any` instance; this narrows to its `string` one. */
const isServiceError = (error: unknown): error is MailServiceError => error instanceof MailServiceError;

export const failureKind = (error: unknown): FailureKind => {
  if (isServiceError(error)) return serviceKind(error);
  if (error instanceof TokenError) return RETRY_TOKEN.has(error.code) ? { kind: 'retry' } : { kind: 'final' };
  if (error instanceof JiraError)
    return error.code === JiraErrorCode.RequestFailed ? { kind: 'retry' } : { kind: 'final' };
  if (error instanceof StorageError) return { kind: 'retry' };
  return { kind: 'final' };
};

/** The mail service's id of a failed request, for the log, where the service gives one. */
export const requestIdOf = (error: unknown): string | undefined =>
  error instanceof MailServiceError ? error.requestId : undefined;

/**
 * A line for the admin's log about what went wrong technically: the message of the app's own error families (they
 * name method, host, path, status and the mail service's reason, never a token, key or body), only the class for
 * anything else.
 */
export const technicalNote = (error: unknown): string => {
  const known =
    error instanceof MailServiceError ||
    error instanceof TokenError ||
    error instanceof TraceUnavailableError ||
    error instanceof JiraError ||
    error instanceof StorageError;
  if (known) return error.message.replace(/\.$/, '');
  return error instanceof Error ? error.name : 'An unknown error';
};

import { GraphError, GraphErrorCode } from '../graph/errors';
import { JiraError, JiraErrorCode } from '../jira/errors';
import { TokenError, TokenErrorCode } from '../oauth/errors';
import { StorageError } from '../storage/errors';

/**
 * What a failed attempt means for the email: `retry`, a later attempt can succeed (throttling, outages, Retry-After
 * when given); `unsure`, the email may have gone out without the app hearing so (no answer in time); `final`,
 * trying again cannot help (bad recipients, missing permission, a deleted credential).
 */
export type FailureKind = { kind: 'retry'; retryAfterSeconds?: number } | { kind: 'unsure' } | { kind: 'final' };

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

export const failureKind = (error: unknown): FailureKind => {
  if (error instanceof GraphError) {
    if (RETRY_GRAPH.has(error.code)) {
      return error.retryAfterSeconds === undefined
        ? { kind: 'retry' }
        : { kind: 'retry', retryAfterSeconds: error.retryAfterSeconds };
    }
    if (UNSURE_GRAPH.has(error.code)) return { kind: 'unsure' };
    return { kind: 'final' };
  }
  if (error instanceof TokenError) return RETRY_TOKEN.has(error.code) ? { kind: 'retry' } : { kind: 'final' };
  if (error instanceof JiraError)
    return error.code === JiraErrorCode.RequestFailed ? { kind: 'retry' } : { kind: 'final' };
  if (error instanceof StorageError) return { kind: 'retry' };
  return { kind: 'final' };
};

/** Graph's request-id of a failed answer, for the log. */
export const requestIdOf = (error: unknown): string | undefined =>
  error instanceof GraphError ? error.requestId : undefined;

/**
 * A line for the admin's log about what went wrong technically: the message of the app's own error families (they
 * name method, host, path, status and Graph's code, never a token or a body), only the class for anything else.
 */
export const technicalNote = (error: unknown): string => {
  const known =
    error instanceof GraphError ||
    error instanceof TokenError ||
    error instanceof JiraError ||
    error instanceof StorageError;
  if (known) return error.message.replace(/\.$/, '');
  return error instanceof Error ? error.name : 'An unknown error';
};

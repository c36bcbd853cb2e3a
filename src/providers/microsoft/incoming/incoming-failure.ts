import { type IncomingFailureKind, IncomingMailboxError } from '../../../mail-model/incoming-errors';
import { GraphError, GraphErrorCode } from '../graph/errors';
import { InboundErrorCode, InboundGraphError } from '../graph/inbound-errors';

/** Graph's failures that may pass if the job runs again (https://learn.microsoft.com/en-us/graph/throttling). */
const PASSING = new Set<string>([
  GraphErrorCode.Throttled,
  GraphErrorCode.Unavailable,
  GraphErrorCode.Unreachable,
  GraphErrorCode.Timeout,
]);

/** The incoming log's sentences for Microsoft 365's refusals (the app's own words: Graph's may quote an answer). */
const LOG_MESSAGES: Readonly<Record<string, string>> = {
  [GraphErrorCode.AccessDenied]: 'Microsoft 365 refused to let the credential read this mailbox.',
  [GraphErrorCode.Unauthorized]: 'Microsoft 365 refused the credential.',
};

const INBOUND_KINDS: Readonly<Record<InboundErrorCode, IncomingFailureKind>> = {
  [InboundErrorCode.Gone]: 'gone',
  [InboundErrorCode.AttachmentTooLarge]: 'too-large',
  [InboundErrorCode.DeltaResync]: 'other',
};

/**
 * Graph's failure as the incoming processing sees it (IncomingMailboxError, its code and request-id kept); any other
 * error (a token refusal, storage, a bug) as it is.
 */
export const asIncomingFailure = (error: unknown): unknown => {
  if (error instanceof InboundGraphError)
    return new IncomingMailboxError(error.code, INBOUND_KINDS[error.code], error.message, {
      ...(error.item === undefined ? {} : { item: error.item }),
      ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
      cause: error,
    });
  if (!(error instanceof GraphError)) return error;
  const logMessage = LOG_MESSAGES[error.code];
  return new IncomingMailboxError(error.code, PASSING.has(error.code) ? 'passing' : 'other', error.message, {
    ...(error.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
    ...(logMessage === undefined ? {} : { logMessage }),
    cause: error,
  });
};

/** Runs a Graph call, its failure turned into the incoming processing's. */
export const translated = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    throw asIncomingFailure(error);
  }
};

/** A download's pieces, a failure while reading them (too large, timed out) turned too; stopping early still cancels. */
export async function* translatedPieces(pieces: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  try {
    yield* pieces;
  } catch (error) {
    throw asIncomingFailure(error);
  }
}

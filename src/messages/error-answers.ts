import { CommonErrorCode } from '../contract/error-codes';
import type { ResolverError } from '../contract/result';
import { errorWords } from '../messages/error-words';
import { type Audience, INTERNAL_MESSAGE } from '../messages/words';

/** What the composition root answers for a failure these words do not know. */
export { INTERNAL_MESSAGE } from '../messages/words';

/**
 * The answer for an error of a known family: its stable code and its words (src/messages/error-words.ts, a table
 * keyed by code), VALIDATION_FAILED for a form to correct. Never the error's own message. Undefined for anything
 * else, which the caller reports as INTERNAL_ERROR.
 */
export const toResolverError = (error: unknown, audience: Audience): ResolverError | undefined => {
  const said = errorWords(error, audience);
  if (said === undefined) return undefined;
  const { code, message, fieldErrors, validation } = said;
  return {
    code: validation ? CommonErrorCode.ValidationFailed : code,
    message,
    ...(fieldErrors === undefined ? {} : { fieldErrors }),
  };
};

/**
 * Ids and codes worth a log line for support (Microsoft's trace and request ids, statuses). Nothing here can hold
 * a secret, a token or a response body.
 */
export const diagnosticsOf = (error: unknown): string => {
  if (!(error instanceof Error)) return '';
  const fields: Array<[string, unknown]> = [
    ['status', (error as { status?: unknown }).status],
    ['aadsts', (error as { aadstsCode?: unknown }).aadstsCode],
    ['graphCode', (error as { graphCode?: unknown }).graphCode],
    ['traceId', (error as { traceId?: unknown }).traceId],
    ['correlationId', (error as { correlationId?: unknown }).correlationId],
    ['requestId', (error as { requestId?: unknown }).requestId],
    ['clientRequestId', (error as { clientRequestId?: unknown }).clientRequestId],
  ];
  return fields
    .filter(
      ([, value]) => typeof value === 'number' || (typeof value === 'string' && /^[A-Za-z0-9_.-]{1,100}$/.test(value)),
    )
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(' ');
};

/**
 * A failed delivery as the email log keeps it: the code and the admin's message, and the sender's message (which
 * points them at their admin) when it says something else.
 */
export const describeDeliveryFailure = (error: unknown): { code: string; message: string; senderMessage?: string } => {
  const admin = toResolverError(error, 'admin');
  const sender = toResolverError(error, 'user');
  const message = admin?.message ?? INTERNAL_MESSAGE;
  const senderMessage = sender?.message ?? INTERNAL_MESSAGE;
  return {
    code: admin?.code ?? CommonErrorCode.Internal,
    message,
    ...(senderMessage === message ? {} : { senderMessage }),
  };
};

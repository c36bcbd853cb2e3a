import { InvocationPayloadTooLargeError } from './errors';

/** Resolver and UI invocations get 25 s on Forge. */
export const INVOCATION_TIMEOUT_MS = 25_000;

/**
 * Forge's size limits of one invocation (https://developer.atlassian.com/platform/forge/limits-invocation/): the
 * payload a UI sends with `invoke` (and an action's inputs), and the answer that goes back.
 */
export const MAX_INVOCATION_PAYLOAD_BYTES = 500 * 1024;
export const MAX_INVOCATION_RESPONSE_BYTES = 5 * 1024 * 1024;

/** Answers as the platform does: the bridge receives JSON, so a handler's answer crosses as JSON. */
export const acrossTheWire = (value: unknown): unknown =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);

const jsonBytes = (value: unknown): number =>
  value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Refuses what Forge refuses: a payload over 500 KB before the function runs, an answer over 5 MB after. */
export const checkSize = (what: 'payload' | 'response', functionKey: string, value: unknown): void => {
  const limit = what === 'payload' ? MAX_INVOCATION_PAYLOAD_BYTES : MAX_INVOCATION_RESPONSE_BYTES;
  const bytes = jsonBytes(value);
  if (bytes > limit) throw new InvocationPayloadTooLargeError(what, functionKey, bytes, limit);
};

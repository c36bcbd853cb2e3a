import { createHash, randomBytes, randomUUID } from 'node:crypto';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (value: string): boolean => GUID.test(value);

export const newGuid = (): string => randomUUID();

/**
 * A GUID derived from a name, so ids the config does not hold (an app's service principal object id) stay the
 * same across restarts.
 */
export const stableGuid = (...parts: string[]): string => {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export const randomBase64Url = (bytes: number): string => randomBytes(bytes).toString('base64url');

/** The client's `client-request-id` header when it is a GUID (Microsoft ignores anything else). */
export const clientRequestId = (header: string | string[] | undefined): string | undefined => {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && isGuid(value.trim()) ? value.trim() : undefined;
};

/** `2023-05-06 06:03:00Z`, as AADSTS error bodies write timestamps. */
export const aadTimestamp = (date: Date): string => `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;

/** `2024-03-08T10:22:05`, as Graph's innerError.date is written. */
export const graphDate = (date: Date): string => date.toISOString().slice(0, 19);

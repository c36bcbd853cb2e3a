import type { IncomingMessage, ServerResponse } from 'node:http';

import { type BodyResult, drainBody, writeResponse } from '../shared/http-kit';

export type { BodyResult } from '../shared/http-kit';

/**
 * Reads a request body, keeping at most `limit` bytes. A larger body is still read to its end (and dropped) so
 * the client gets the answer instead of a reset connection while it is still uploading.
 */
export const readBody = (req: IncomingMessage, limit: number): Promise<BodyResult> => drainBody(req, limit);

export const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

/** The media type of a Content-Type header, lower case, without parameters. */
export const mediaType = (req: IncomingMessage): string | undefined => {
  const value = header(req, 'content-type');
  if (value === undefined) return undefined;
  return value.split(';')[0]?.trim().toLowerCase();
};

/** The emulator's answers carry only the headers each endpoint names (no base headers of the local site). */
export const send = (
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer | undefined,
): void => writeResponse(res, status, headers, body);

export const sendJson = (res: ServerResponse, status: number, headers: Record<string, string>, body: unknown): void => {
  send(res, status, headers, JSON.stringify(body));
};

/** The path of a request URL split into decoded segments; undecodable segments are kept as sent. */
export const pathSegments = (pathname: string): string[] =>
  pathname
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });

export const requestUrl = (req: IncomingMessage): URL => {
  // The base only serves to parse the path; nothing is fetched from it.
  return new URL(req.url ?? '/', 'http://emulator.invalid');
};

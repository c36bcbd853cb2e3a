import type { IncomingMessage, ServerResponse } from 'node:http';

export type BodyResult = { tooLarge: false; body: Buffer } | { tooLarge: true; receivedBytes: number };

/**
 * Reads a request body, keeping at most `limit` bytes. A larger body is still read to its end (and dropped) so
 * the client gets the answer instead of a reset connection while it is still uploading.
 */
export const readBody = (req: IncomingMessage, limit: number): Promise<BodyResult> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limit) chunks.push(chunk);
    });
    let ended = false;
    req.on('end', () => {
      ended = true;
      resolve(
        received > limit
          ? { tooLarge: true, receivedBytes: received }
          : { tooLarge: false, body: Buffer.concat(chunks) },
      );
    });
    req.on('error', reject);
    // A client that goes away mid-upload would otherwise leave this waiting forever.
    req.on('close', () => {
      if (!ended) reject(new Error('the client closed the connection before the request body ended'));
    });
  });

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

export const send = (
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer | undefined,
): void => {
  const payload = body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { ...headers, 'Content-Length': String(payload?.length ?? 0) });
  res.end(payload);
};

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

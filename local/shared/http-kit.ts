import type { IncomingMessage, ServerResponse } from 'node:http';

import type { z } from 'zod';

/** A failure the host answers with a status and a message that is safe to show. */
export class HostHttpError extends Error {
  override name = 'HostHttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** What a failed request answers: a HostHttpError's own status, code and message; anything else a bare 500. */
export interface RequestFailure {
  status: number;
  code: string;
  message: string;
}

/**
 * Reads a request's failure and logs the unexpected ones (5xx) by class name and code, never their message.
 */
export const requestFailure = (
  error: unknown,
  request: IncomingMessage,
  pathname: string,
  log: (line: string) => void,
): RequestFailure => {
  const failure =
    error instanceof HostHttpError
      ? { status: error.status, code: error.code, message: error.message }
      : { status: 500, code: 'INTERNAL_ERROR', message: 'The local host could not answer that request.' };
  if (failure.status >= 500) {
    log(`${request.method} ${pathname} failed: ${error instanceof Error ? error.name : typeof error} ${failure.code}`);
  }
  return failure;
};

const BASE_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-cache',
};

/**
 * Writes a whole response: status, headers with the body's Content-Length, and the body (none for HEAD, which
 * Node leaves out anyway). The one writer under every local server's answers.
 */
export const writeResponse = (
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer | undefined,
): void => {
  const payload = body === undefined ? undefined : typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(status, { ...headers, 'content-length': String(payload?.length ?? 0) });
  response.end(response.req.method === 'HEAD' ? undefined : payload);
};

/** An answer of the local site (host and Jira pages), with its base headers. */
export const send = (
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void => writeResponse(response, status, { ...BASE_HEADERS, ...headers }, body);

export const sendJson = (response: ServerResponse, status: number, value: unknown): void => {
  // A resolver may answer `undefined`; JSON has no such value, so it crosses as null.
  send(response, status, JSON.stringify(value ?? null), { 'content-type': 'application/json; charset=utf-8' });
};

export const redirect = (response: ServerResponse, location: string, headers: Record<string, string> = {}): void => {
  send(response, 303, '', { ...headers, location });
};

export type BodyResult = { tooLarge: false; body: Buffer } | { tooLarge: true; receivedBytes: number };

/**
 * Reads a request body to its end, keeping at most `limitBytes`: a larger body is still read (and dropped) so that
 * the client gets the answer instead of a reset connection while it is still uploading. The request stays open
 * for the answer (a server that watches for clients giving up must see no 'close' from reading).
 */
export const drainBody = (request: IncomingMessage, limitBytes: number): Promise<BodyResult> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received <= limitBytes) chunks.push(chunk);
    });
    let ended = false;
    request.on('end', () => {
      ended = true;
      resolve(
        received > limitBytes
          ? { tooLarge: true, receivedBytes: received }
          : { tooLarge: false, body: Buffer.concat(chunks) },
      );
    });
    request.on('error', reject);
    // A client that goes away mid-upload would otherwise leave this waiting forever.
    request.on('close', () => {
      if (!ended) reject(new Error('the client closed the connection before the request body ended'));
    });
  });

/** Reads a request body, stopping at `limitBytes`; the request is done with once read, as `for await` leaves it. */
export const readBodyWithin = async (request: IncomingMessage, limitBytes: number): Promise<BodyResult> => {
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    received += buffer.length;
    if (received > limitBytes) return { tooLarge: true, receivedBytes: received };
    chunks.push(buffer);
  }
  return { tooLarge: false, body: Buffer.concat(chunks) };
};

/** Reads a request body up to `limitBytes`; larger bodies are refused rather than buffered. */
export const readBody = async (request: IncomingMessage, limitBytes: number): Promise<Buffer> => {
  const result = await readBodyWithin(request, limitBytes);
  if (result.tooLarge) {
    throw new HostHttpError(413, `The request body is larger than ${limitBytes} bytes.`, 'BODY_TOO_LARGE');
  }
  return result.body;
};

export const readJson = async (request: IncomingMessage, limitBytes: number): Promise<unknown> => {
  const type = request.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/json')) {
    throw new HostHttpError(415, `${request.method} ${request.url} needs a JSON body.`, 'UNSUPPORTED_MEDIA_TYPE');
  }
  const body = await readBody(request, limitBytes);
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (cause) {
    throw Object.assign(
      new HostHttpError(400, `${request.method} ${request.url} got a body that is not JSON.`, 'BAD_JSON'),
      {
        cause,
      },
    );
  }
};

/** Cookies of a request by name (no decoding surprises: values are URI-decoded when possible). */
export const readCookies = (request: IncomingMessage): Map<string, string> => {
  const cookies = new Map<string, string>();
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
};

/** A request body checked against its schema; a mismatch is a 400 naming the first offending field. */
export const parseBody = <T>(schema: z.ZodType<T>, body: unknown, what: string): T => {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HostHttpError(
      400,
      `${what}: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
      'BAD_REQUEST',
    );
  }
  return parsed.data;
};

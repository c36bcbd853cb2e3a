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

const BASE_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-cache',
};

/** The Jira chrome's pages: own scripts and styles only, app frames from this origin only. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // Jira's rendered issue HTML carries style attributes (panel colours); <style> elements stay blocked.
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "frame-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const send = (
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void => {
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(status, { ...BASE_HEADERS, ...headers, 'content-length': String(payload.length) });
  response.end(response.req.method === 'HEAD' ? undefined : payload);
};

export const sendJson = (response: ServerResponse, status: number, value: unknown): void => {
  // A resolver may answer `undefined`; JSON has no such value, so it crosses as null.
  send(response, status, JSON.stringify(value ?? null), { 'content-type': 'application/json; charset=utf-8' });
};

export const sendHtml = (response: ServerResponse, status: number, html: string): void => {
  send(response, status, html, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_CSP });
};

export const redirect = (response: ServerResponse, location: string, headers: Record<string, string> = {}): void => {
  send(response, 303, '', { ...headers, location });
};

/** Reads a request body up to `limitBytes`; larger bodies are refused rather than buffered. */
export const readBody = async (request: IncomingMessage, limitBytes: number): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limitBytes) {
      throw new HostHttpError(413, `The request body is larger than ${limitBytes} bytes.`, 'BODY_TOO_LARGE');
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
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

import { STATUS_CODES } from 'node:http';

import type { LocalResponse } from '../../http-types';

/** What the SDKs hand to `__forge_fetch__` as `init`: the WHATWG `RequestInit`. */
export type FetchInit = RequestInit | undefined;

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Header names lower-cased, as `LocalRequest` wants them; accepts every form `HeadersInit` takes. */
export const headersRecord = (init: FetchInit): Record<string, string> => {
  const record: Record<string, string> = {};
  new Headers(init?.headers).forEach((value, name) => {
    record[name] = value;
  });
  return record;
};

/**
 * The request body as bytes. `Response` does the conversion so that strings, buffers, URLSearchParams, Blob and
 * FormData all arrive as fetch would send them, with the content type fetch would add when none is given.
 */
export const readRequestBody = async (init: FetchInit): Promise<{ body?: Buffer; contentType?: string }> => {
  if (init?.body === undefined || init.body === null) {
    return {};
  }
  const carrier = new Response(init.body);
  const body = Buffer.from(await carrier.arrayBuffer());
  const contentType = carrier.headers.get('content-type');
  return contentType === null ? { body } : { body, contentType };
};

export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}): Response => {
  const hasBody = body !== undefined && !NULL_BODY_STATUSES.has(status);
  return new Response(hasBody ? JSON.stringify(body) : null, {
    status,
    statusText: STATUS_CODES[status] ?? '',
    headers: hasBody ? { 'content-type': 'application/json', ...headers } : headers,
  });
};

/** The WHATWG `Response` the SDKs expect, from the answer of an in-process emulator (a stream passes through). */
export const toWhatwgResponse = (
  answer: Pick<LocalResponse, 'status' | 'headers'> & { body: LocalResponse['body'] | ReadableStream<Uint8Array> },
): Response => {
  const hasBody = !NULL_BODY_STATUSES.has(answer.status);
  const body =
    typeof answer.body === 'string' || answer.body instanceof ReadableStream
      ? answer.body
      : new Uint8Array(answer.body);
  return new Response(hasBody ? body : null, {
    status: answer.status,
    statusText: STATUS_CODES[answer.status] ?? '',
    headers: answer.headers,
  });
};

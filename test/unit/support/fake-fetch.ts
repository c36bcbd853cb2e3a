import type { FetchLike } from '../../../src/shared/seams';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  /** The bytes of a binary body (upload chunks). */
  bodyBytes?: Uint8Array;
  redirect: RequestRedirect | undefined;
  hasSignal: boolean;
}

export type FetchHandler = (call: RecordedCall, index: number) => Response | Promise<Response>;

/** A fetch that records each call and answers through `handler`. */
export const fakeFetch = (handler: FetchHandler): { fetch: FetchLike; calls: RecordedCall[] } => {
  const calls: RecordedCall[] = [];
  const fetch: FetchLike = async (url, init) => {
    const call: RecordedCall = {
      url,
      method: init.method ?? 'GET',
      headers: Object.fromEntries(
        Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
      ),
      body: typeof init.body === 'string' ? init.body : '',
      ...(init.body instanceof Uint8Array ? { bodyBytes: init.body } : {}),
      redirect: init.redirect,
      hasSignal: init.signal instanceof AbortSignal,
    };
    calls.push(call);
    return handler(call, calls.length - 1);
  };
  return { fetch, calls };
};

/** Answers each call with the next entry; an Error entry is thrown as fetch would. */
export const sequenceFetch = (answers: Array<Response | Error | (() => Response)>) =>
  fakeFetch((_call, index) => {
    const answer = answers[index];
    if (answer === undefined) throw new Error(`unexpected fetch #${index + 1}`);
    if (answer instanceof Error) throw answer;
    return typeof answer === 'function' ? answer() : answer;
  });

export const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });

export const timeoutError = (): Error =>
  Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });

/** A JWT-shaped token with the given claims (unsigned; the app never verifies tokens, only reads roles). */
export const fakeJwt = (claims: Record<string, unknown>): string =>
  [
    Buffer.from(JSON.stringify({ typ: 'JWT', alg: 'RS256' })).toString('base64url'),
    Buffer.from(JSON.stringify(claims)).toString('base64url'),
    'c2lnbmF0dXJl',
  ].join('.');

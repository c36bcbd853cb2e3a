import type { TokenProvider } from '../../../../../src/oauth/token-provider';
import type { FetchLike } from '../../../../../src/shared/seams';

/** One request as the fake saw it: headers lower-cased, the body as bytes (JSON bodies also parsed). */
export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  bytes: Buffer;
  json: unknown;
}

export type Answer = Response | Error;

/** A fetch that records each request and answers through `handler`; an Error answer is thrown as fetch would. */
export const recordingFetch = (handler: (request: SeenRequest, index: number) => Answer) => {
  const requests: SeenRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    const raw = init.body;
    const bytes =
      typeof raw === 'string'
        ? Buffer.from(raw, 'utf8')
        : raw instanceof Uint8Array
          ? Buffer.from(raw)
          : Buffer.alloc(0);
    let json: unknown;
    try {
      json = typeof raw === 'string' ? JSON.parse(raw) : undefined;
    } catch {
      json = undefined;
    }
    const request: SeenRequest = {
      url,
      method: init.method ?? 'GET',
      headers: Object.fromEntries(
        Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
      ),
      bytes,
      json,
    };
    requests.push(request);
    const answer = handler(request, requests.length - 1);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetch, requests };
};

/** Answers in order; running out is a test failure. */
export const answersInOrder = (answers: Answer[]) =>
  recordingFetch((_request, index) => {
    const answer = answers[index];
    if (answer === undefined) throw new Error(`unexpected request #${index + 1}`);
    return answer;
  });

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

export const empty = (status: number, headers: Record<string, string> = {}): Response =>
  new Response(status === 204 ? null : '', { status, headers });

export const graphError = (status: number, code: string, headers: Record<string, string> = {}): Response =>
  json(
    status,
    { error: { code, message: `secret-looking text ${code}`, innerError: { 'request-id': 'req-err' } } },
    headers,
  );

export const staticToken = (token = 'token-abc'): TokenProvider => ({ getAccessToken: async () => token });

/** A clock the fake sleep moves, so waits are recorded and cost no time. */
export const fakeTime = (start = Date.parse('2030-06-01T12:00:00Z')) => {
  let current = start;
  const sleeps: number[] = [];
  return {
    now: () => current,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      current += ms;
    },
    sleeps,
  };
};

/** Deterministic bytes, so a misplaced chunk changes them. */
export const pattern = (size: number): Uint8Array => {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 31 + (i >> 10)) & 0xff;
  return bytes;
};

export const GRAPH = 'https://graph.microsoft.com/v1.0';
export const USER = `${GRAPH}/users/support%40contoso.com`;

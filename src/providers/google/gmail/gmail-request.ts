import { describeUrl } from '../../../http/describe-url';
import { ALLOW_LOOPBACK_HTTP_ENV, GMAIL_ORIGIN, GOOGLE_UPLOAD_SESSION_ORIGIN } from '../../../http/egress';
import type { PolicyEnv } from '../../../http/endpoint-policy';
import type { TokenProvider } from '../../../oauth/token-provider';
import { type Clock, type FetchLike, systemClock } from '../../../shared/seams';
import { gmailErrorFromResponse } from './gmail-error-response';
import { GmailError, GmailErrorCode } from './gmail-errors';

/** https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/send: the service endpoint. */
export const GMAIL_BASE_URL = GMAIL_ORIGIN;
export const DEFAULT_GMAIL_TIMEOUT_MS = 30_000;

export interface GmailRequestDeps {
  fetch: FetchLike;
  tokenProvider: TokenProvider;
  now?: Clock;
  timeoutMs?: number;
  env?: PolicyEnv;
}

export interface GmailRequest {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  body?: string | Uint8Array<ArrayBuffer>;
  headers?: Readonly<Record<string, string>>;
  /** The statuses that are an answer to read, e.g. [200] or [200, 308] for an upload chunk. */
  expect: readonly number[];
  /** Said after "timed out", e.g. "the mail may or may not have been sent". */
  unsure?: string;
  /** The latest time (epoch ms) the request may leave; past it nothing is sent (GMAIL_SEND_WINDOW_PASSED). */
  sendBy?: number;
  /**
   * 'manual' for a resumable upload session: its 308 Resume Incomplete is an answer, not a redirect
   * (https://developers.google.com/workspace/gmail/api/guides/uploads), and fetch would otherwise refuse it.
   */
  redirect?: 'manual';
}

export interface GmailAnswer {
  status: number;
  headers: Headers;
  text: string;
  attempts: number;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const GMAIL_ORIGINS: readonly string[] = [GMAIL_ORIGIN, GOOGLE_UPLOAD_SESSION_ORIGIN];

/**
 * Why a Gmail URL may not be called: Gmail's host or the host of its resumable upload sessions, the two Gmail origins
 * of manifest.yml's egress (src/http/egress.ts), or, when the environment opts in (the local emulator), plain http
 * on loopback.
 */
export const gmailUrlProblem = (url: string, env: PolicyEnv): string | undefined => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it is not an absolute URL.';
  }
  if (parsed.username !== '' || parsed.password !== '') return 'it carries credentials.';
  if (GMAIL_ORIGINS.includes(parsed.origin)) return undefined;
  if (env[ALLOW_LOOPBACK_HTTP_ENV] === '1' && LOOPBACK.has(parsed.hostname)) return undefined;
  return `only ${GMAIL_ORIGINS.join(' and ')} are allowed.`;
};

export const describeGmailCall = (method: string, url: string): string => `${method} ${describeUrl(url)}`;

// A DOMException from AbortSignal.timeout is not always `instanceof Error` (it may come from another realm).
const isTimeout = (error: unknown): boolean => {
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'TimeoutError' || name === 'AbortError';
};

/**
 * One Gmail call with a bearer token. No retries of its own (the outbox retries through its queue, and a send
 * retried blindly could go out twice), except that a 401 gets one fresh token and one more try, since a cached
 * token may have been revoked (Gmail's 401 authError: "the access token you're using is either expired or invalid",
 * https://developers.google.com/workspace/gmail/api/guides/handle-errors). Any answer outside `expect` is a
 * GmailError naming method, host and path.
 */
export const gmailRequest = async (request: GmailRequest, deps: GmailRequestDeps): Promise<GmailAnswer> => {
  const where = describeGmailCall(request.method, request.url);
  const problem = gmailUrlProblem(request.url, deps.env ?? process.env);
  if (problem !== undefined) throw new GmailError(GmailErrorCode.EndpointNotAllowed, `${where} refused: ${problem}`);
  const now = deps.now ?? systemClock;
  let attempts = 0;
  let forceRefresh = false;
  for (;;) {
    const token = await deps.tokenProvider.getAccessToken(forceRefresh ? { forceRefresh: true } : undefined);
    if (request.sendBy !== undefined && now() > request.sendBy) {
      throw new GmailError(
        GmailErrorCode.SendWindowPassed,
        `${where} not sent: its time to leave had passed (${attempts} tries made).`,
      );
    }
    attempts += 1;
    const response = await send(request, where, token, deps);
    const text = await readText(response, where);
    if (request.expect.includes(response.status)) {
      return { status: response.status, headers: response.headers, text, attempts };
    }
    if (response.status === 401 && !forceRefresh) {
      forceRefresh = true;
      continue;
    }
    if (response.status >= 200 && response.status < 300) {
      throw new GmailError(
        GmailErrorCode.AnswerInvalid,
        `${where} answered ${response.status}; expected ${request.expect.join(' or ')}.`,
        { status: response.status },
      );
    }
    throw gmailErrorFromResponse({ where, status: response.status, headers: response.headers, text, now: now() });
  }
};

const send = async (request: GmailRequest, where: string, token: string, deps: GmailRequestDeps): Promise<Response> => {
  try {
    return await deps.fetch(request.url, {
      method: request.method,
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...request.headers },
      ...(request.body === undefined ? {} : { body: request.body }),
      redirect: request.redirect ?? 'error',
      signal: AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_GMAIL_TIMEOUT_MS),
    });
  } catch (error) {
    if (isTimeout(error)) {
      const open = request.unsure === undefined ? '' : `; ${request.unsure}`;
      throw new GmailError(GmailErrorCode.Timeout, `${where} timed out${open}.`, { cause: error });
    }
    throw new GmailError(GmailErrorCode.Unreachable, `${where} failed: no answer from the server.`, { cause: error });
  }
};

const readText = async (response: Response, where: string): Promise<string> => {
  try {
    return await response.text();
  } catch (error) {
    throw new GmailError(
      GmailErrorCode.AnswerInvalid,
      `${where} answered ${response.status}; the body could not be read.`,
      { status: response.status, cause: error },
    );
  }
};

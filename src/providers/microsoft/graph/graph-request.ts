import { describeUrl } from '../../../http/describe-url';
import type { PolicyEnv } from '../../../http/endpoint-policy';
import { attemptTimeoutMs, DEFAULT_RETRY_POLICY, isRetryableStatus, type RetryPolicy } from '../../../http/retry';
import type { TokenProvider } from '../../../oauth/token-provider';
import { newCorrelationId } from '../../../shared/correlation-id';
import { type Clock, type FetchLike, realSleep, type Sleep, systemClock } from '../../../shared/seams';
import type { Validator } from '../../../shared/validator';
import { graphErrorFromResponse } from './error-response';
import { GraphError, GraphErrorCode, SendWindowPassedError } from './errors';
import { retryStep } from './retry-step';

/** Graph refuses requests over 4 MB; checking first gives a clear error instead of a 413 after the upload. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
export const DEFAULT_GRAPH_TIMEOUT_MS = 8_000;

/** What every Graph call of the app takes. */
export interface GraphRequestDeps {
  fetch: FetchLike;
  tokenProvider: TokenProvider;
  sleep?: Sleep;
  now?: Clock;
  retryPolicy?: RetryPolicy;
  /** Per attempt, further cut to what the retry budget has left. */
  timeoutMs?: number;
  env?: PolicyEnv;
  newClientRequestId?: () => string;
}

/**
 * Whose token the client holds: the app's own (client credentials, application permissions: any mailbox is named
 * as `/users/{mailbox}`), or a signed-in user's (authorization code grant, delegated permissions: the mailbox is
 * always `/me`, as application permissions are "not supported when using the /me endpoint" and delegated ones
 * reach only the signed-in user's own mailbox: https://learn.microsoft.com/en-us/graph/api/user-get).
 */
export type GraphActor = 'app' | 'signed-in-user';

/** GraphRequestDeps plus where Graph is, e.g. `https://graph.microsoft.com/v1.0`, and as whom it is asked. */
export interface GraphClientDeps extends GraphRequestDeps {
  graphBaseUrl: string;
  /** 'app' when not given. */
  actingAs?: GraphActor;
}

export interface GraphRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** The full URL, already allowed by the egress policy. */
  url: string;
  /** JSON text; a POST without one goes with Content-Length 0, as Graph's actions want. */
  body?: string;
  /** The statuses that mean success, e.g. [202]. */
  expect: readonly number[];
  headers?: Readonly<Record<string, string>>;
  /** Said after "timed out" when a lost answer leaves the outcome open, e.g. "the mail may or may not have been sent". */
  unsure?: string;
  /** Overrides the deps' policy, e.g. no retries for a best-effort cleanup. */
  retryPolicy?: RetryPolicy;
  /**
   * The latest time (epoch ms) the request may leave: a send paced to a slot. Checked right before each try goes
   * out, after its token, because a token fetched or refreshed on a busy platform can take longer than the slot
   * allows; past it nothing is sent (SendWindowPassedError).
   */
  sendBy?: number;
}

export interface GraphReceipt {
  status: number;
  /** Graph's request-id of the accepted call, when it sent one. */
  requestId: string | undefined;
  clientRequestId: string;
  attempts: number;
  /** The answer's body as text ('' for none). */
  text: string;
}

/** An accepted answer whose body is still unread: a download read piece by piece (attachment-download.ts). */
export type GraphAnswer = Omit<GraphReceipt, 'text'> & { response: Response };

export interface AnswerOptions {
  /**
   * Whether the attempt's timeout also covers reading the accepted answer's body (the default). A download
   * streamed for longer than one call may take turns it off and times its own reads.
   */
  timeBody?: boolean;
}

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: '200 OK',
  201: '201 Created',
  202: '202 Accepted',
  204: '204 No Content',
};

/** `POST graph.microsoft.com/v1.0/users/a%40b.com/sendMail`: method, host and path; never the query. */
export const describeCall = (method: string, url: string): string => `${method} ${describeUrl(url)}`;

/**
 * One Graph call with a bearer token: retries 429/503/504 within the retry policy, honouring Retry-After; after a
 * 401 gets a fresh token once and tries again. Any other answer than `expect` is a GraphError whose message says
 * method, host and path, status and Graph's code; never the token or the body.
 */
export const graphRequest = async (request: GraphRequest, deps: GraphRequestDeps): Promise<GraphReceipt> => {
  const { response, ...receipt } = await graphAnswer(request, deps);
  return { ...receipt, text: await readText(response, describeCall(request.method, request.url)) };
};

/** graphRequest without reading the accepted answer's body: the caller reads it (or cancels it). */
export const graphAnswer = async (
  request: GraphRequest,
  deps: GraphRequestDeps,
  options: AnswerOptions = {},
): Promise<GraphAnswer> => {
  const where = describeCall(request.method, request.url);
  if (request.body !== undefined && Buffer.byteLength(request.body, 'utf8') > MAX_REQUEST_BYTES) {
    throw new GraphError(GraphErrorCode.RequestTooLarge, `${where} not sent: the request is over 4 MB.`);
  }
  const sleep = deps.sleep ?? realSleep;
  const now = deps.now ?? systemClock;
  const policy = request.retryPolicy ?? deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const clientRequestId = (deps.newClientRequestId ?? newCorrelationId)();

  let attempts = 0;
  let retries = 0;
  let startedAt: number | undefined;
  let refreshedToken = false;
  let forceRefresh = false;

  for (;;) {
    const token = await deps.tokenProvider.getAccessToken(forceRefresh ? { forceRefresh: true } : undefined);
    forceRefresh = false;
    if (request.sendBy !== undefined && now() > request.sendBy) {
      throw new SendWindowPassedError(`${where} not sent: its time to leave had passed (${attempts} tries made).`);
    }
    attempts += 1;
    startedAt ??= now();
    const timeoutMs = attemptTimeoutMs(deps.timeoutMs ?? DEFAULT_GRAPH_TIMEOUT_MS, now() - startedAt, policy);
    const response = await send(request, where, token, clientRequestId, timeoutMs, deps.fetch, options);
    const { status } = response;
    if (request.expect.includes(status)) {
      return {
        status,
        requestId: response.headers.get('request-id') ?? undefined,
        clientRequestId,
        attempts,
        response,
      };
    }
    const text = await readText(response, where);
    if (status === 401 && !refreshedToken) {
      // The cached token may have been revoked or issued before admin consent; one fresh token settles it.
      refreshedToken = true;
      forceRefresh = true;
      continue;
    }
    if (isRetryableStatus(status)) {
      const step = retryStep({
        where,
        response,
        text,
        retryable: true,
        retries,
        elapsedMs: now() - startedAt,
        now: now(),
        policy,
      });
      if ('error' in step) throw step.error;
      await sleep(step.delayMs);
      retries += 1;
      continue;
    }
    if (status >= 200 && status < 300) {
      const expected = request.expect.map((code) => STATUS_TEXT[code] ?? String(code)).join(' or ');
      throw new GraphError(GraphErrorCode.ResponseInvalid, `${where} answered ${status}; expected ${expected}.`, {
        status,
      });
    }
    throw graphErrorFromResponse({ where, status, headers: response.headers, text });
  }
};

/** graphRequest, then the answer's JSON checked by `validate`; a mismatch names the first offending field. */
export const graphJson = async <T>(
  request: GraphRequest,
  validate: Validator<T>,
  deps: GraphRequestDeps,
): Promise<GraphReceipt & { data: T }> => {
  const receipt = await graphRequest(request, deps);
  const where = describeCall(request.method, request.url);
  let json: unknown;
  try {
    json = JSON.parse(receipt.text);
  } catch (error) {
    throw new GraphError(GraphErrorCode.ResponseInvalid, `${where} answered ${receipt.status} without a JSON body.`, {
      status: receipt.status,
      cause: error,
    });
  }
  const parsed = validate(json);
  if (!parsed.ok) {
    throw new GraphError(
      GraphErrorCode.ResponseInvalid,
      `${where} answered ${receipt.status} with ${parsed.problem}.`,
      {
        status: receipt.status,
      },
    );
  }
  return { ...receipt, data: parsed.value };
};

export const isTimeout = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

const send = async (
  request: GraphRequest,
  where: string,
  token: string,
  clientRequestId: string,
  timeoutMs: number,
  fetch: FetchLike,
  { timeBody = true }: AnswerOptions,
): Promise<Response> => {
  // AbortSignal.timeout also ends a body still being read; a streamed download is timed only to its headers.
  const controller = timeBody ? undefined : new AbortController();
  const timer = controller === undefined ? undefined : setTimeout(() => controller.abort(), timeoutMs);
  try {
    return await fetch(request.url, {
      method: request.method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        Accept: 'application/json',
        'client-request-id': clientRequestId,
        ...request.headers,
      },
      ...(request.body === undefined ? {} : { body: request.body }),
      redirect: 'error',
      signal: controller?.signal ?? AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (isTimeout(error)) {
      const open = request.unsure === undefined ? '' : `; ${request.unsure}`;
      throw new GraphError(GraphErrorCode.Timeout, `${where} timed out${open}.`, { clientRequestId, cause: error });
    }
    throw new GraphError(GraphErrorCode.Unreachable, `${where} failed: no answer from the server.`, {
      clientRequestId,
      cause: error,
    });
  } finally {
    clearTimeout(timer);
  }
};

export const readText = async (response: Response, where: string): Promise<string> => {
  try {
    return await response.text();
  } catch (error) {
    throw new GraphError(
      GraphErrorCode.ResponseInvalid,
      `${where} answered ${response.status}; the body could not be read.`,
      {
        status: response.status,
        cause: error,
      },
    );
  }
};

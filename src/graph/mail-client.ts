import { randomUUID } from 'node:crypto';
import { describeUrl } from '../http/describe-url';
import type { PolicyEnv } from '../http/endpoint-policy';
import type { TokenProvider } from '../oauth/token-provider';
import { realSleep, systemClock, type Clock, type FetchLike, type Sleep } from '../shared/seams';
import { GraphError, GraphErrorCode } from './errors';
import { allowedBase } from './graph-base';
import { graphErrorFromResponse } from './graph-error';
import { toSendMailBody, type MailMessage } from './mail-message';
import {
  attemptTimeoutMs,
  DEFAULT_RETRY_POLICY,
  decideRetry,
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
} from './retry';

export interface SendMailRequest {
  /** The sender: a user id or user principal name. */
  mailbox: string;
  message: MailMessage;
  saveToSentItems: boolean;
}

export interface SendMailDeps {
  fetch: FetchLike;
  tokenProvider: TokenProvider;
  /** e.g. `https://graph.microsoft.com/v1.0` */
  graphBaseUrl: string;
  sleep?: Sleep;
  now?: Clock;
  retryPolicy?: RetryPolicy;
  /** Per attempt, further cut to what the retry budget has left. */
  timeoutMs?: number;
  env?: PolicyEnv;
  newClientRequestId?: () => string;
}

export interface SendMailResult {
  /** Graph's request-id of the accepted call, when it sent one. */
  requestId: string | undefined;
  clientRequestId: string;
  attempts: number;
}

/** Graph refuses requests over 4 MB; checking first gives a clear error instead of a 413 after the upload. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
export const DEFAULT_GRAPH_TIMEOUT_MS = 8_000;

/**
 * `POST {graphBaseUrl}/users/{mailbox}/sendMail`, expecting 202 Accepted. Retries 429/503/504 within the retry
 * policy, honouring Retry-After; after a 401 gets a fresh token once and tries again.
 */
export const sendMail = async (request: SendMailRequest, deps: SendMailDeps): Promise<SendMailResult> => {
  const base = allowedBase(deps.graphBaseUrl, deps.env);
  const url = `${base}/users/${encodeURIComponent(request.mailbox)}/sendMail`;
  const where = `POST ${describeUrl(url)}`;
  const body = JSON.stringify(toSendMailBody(request.message, request.saveToSentItems));
  if (Buffer.byteLength(body, 'utf8') > MAX_REQUEST_BYTES) {
    throw new GraphError(GraphErrorCode.RequestTooLarge, `${where} not sent: the request is over 4 MB.`);
  }

  const sleep = deps.sleep ?? realSleep;
  const now = deps.now ?? systemClock;
  const policy = deps.retryPolicy ?? DEFAULT_RETRY_POLICY;
  const clientRequestId = (deps.newClientRequestId ?? randomUUID)();

  let attempts = 0;
  let retries = 0;
  let startedAt: number | undefined;
  let refreshedToken = false;
  let forceRefresh = false;

  for (;;) {
    const token = await deps.tokenProvider.getAccessToken(forceRefresh ? { forceRefresh: true } : undefined);
    forceRefresh = false;
    attempts += 1;
    startedAt ??= now();
    const timeoutMs = attemptTimeoutMs(deps.timeoutMs ?? DEFAULT_GRAPH_TIMEOUT_MS, now() - startedAt, policy);
    const response = await post(url, where, token, body, clientRequestId, timeoutMs, deps.fetch);
    const { status } = response;

    if (status === 202) {
      await discardBody(response);
      return { requestId: response.headers.get('request-id') ?? undefined, clientRequestId, attempts };
    }
    const text = await readText(response, where);

    if (status === 401 && !refreshedToken) {
      // The cached token may have been revoked or issued before admin consent; one fresh token settles it.
      refreshedToken = true;
      forceRefresh = true;
      continue;
    }
    if (isRetryableStatus(status)) {
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), now());
      const decision = decideRetry(retries, retryAfterMs, now() - startedAt, policy);
      if (decision.retry) {
        await sleep(decision.delayMs);
        retries += 1;
        continue;
      }
      throw graphErrorFromResponse({
        where,
        status,
        headers: response.headers,
        text,
        ...(retryAfterMs === undefined ? {} : { retryAfterSeconds: Math.ceil(retryAfterMs / 1000) }),
      });
    }
    if (status >= 200 && status < 300) {
      throw new GraphError(GraphErrorCode.ResponseInvalid, `${where} answered ${status}; expected 202 Accepted.`, {
        status,
      });
    }
    throw graphErrorFromResponse({ where, status, headers: response.headers, text });
  }
};

const isTimeout = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');

const post = async (
  url: string,
  where: string,
  token: string,
  body: string,
  clientRequestId: string,
  timeoutMs: number,
  fetch: FetchLike,
): Promise<Response> => {
  try {
    return await fetch(url, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'client-request-id': clientRequestId,
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    if (isTimeout(error)) {
      throw new GraphError(GraphErrorCode.Timeout, `${where} timed out; the mail may or may not have been sent.`, {
        clientRequestId,
        cause: error,
      });
    }
    throw new GraphError(GraphErrorCode.Unreachable, `${where} failed: no answer from the server.`, {
      clientRequestId,
      cause: error,
    });
  }
};

const readText = async (response: Response, where: string): Promise<string> => {
  try {
    return await response.text();
  } catch (error) {
    throw new GraphError(GraphErrorCode.ResponseInvalid, `${where} answered ${response.status}; the body could not be read.`, {
      status: response.status,
      cause: error,
    });
  }
};

const discardBody = async (response: Response): Promise<void> => {
  try {
    await response.body?.cancel();
  } catch {
    // Nothing to free.
  }
};

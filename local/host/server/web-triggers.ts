import type { IncomingMessage, ServerResponse } from 'node:http';

import { MAX_INVOCATION_RESPONSE_BYTES } from '../runtime';
import type { ForgeTriggerHandler, LocalForgeRuntime } from '../runtime-types';
import { describeError } from './error-summary';
import type { WebTriggerModule } from './manifest-modules';
import { checkTriggerResponse } from './trigger-response';

/**
 * Where the host serves a web trigger: `/x1/<id>` (v1 URLs) or `/public/<id>` (v2), the id an opaque one that
 * `webTrigger.getUrl` handed out, and any further path segments (the caller's `userPath`).
 */
export const WEB_TRIGGER_PATH = /^\/(?:x1|public)\/([A-Za-z0-9_-]+)(\/.*)?$/;

/**
 * The request a web trigger takes: "Webtrigger request and response sizes ... are subject to the function request
 * and response payload sizes" (https://developer.atlassian.com/platform/forge/events-reference/web-trigger/), and
 * an invocation's request payload is 5 MB ("Payload size", https://developer.atlassian.com/platform/forge/limits-invocation/).
 * The local host counts the body; the 500 KB of that page is for front-end `invoke` calls only.
 */
export const MAX_WEB_TRIGGER_REQUEST_BYTES = 5 * 1024 * 1024;

/**
 * Microsoft Graph counts a notification as delivered when the endpoint answers 2xx within 3 seconds, and retries it
 * otherwise (https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks, throttling): a slower
 * answer is logged so that a slow cold path shows in local runs.
 */
const SLOW_ANSWER_MS = 3_000;

export interface WebTriggerDeps {
  triggers: readonly WebTriggerModule[];
  /** The module key a live URL id invokes; undefined for an id never handed out, or deleted. */
  resolveId: (id: string) => string | undefined;
  handlers: ReadonlyMap<string, ForgeTriggerHandler>;
  runtime: Pick<LocalForgeRuntime, 'invokeTrigger'>;
  log: (line: string) => void;
}

/** The request as Forge serialises it for the function (https://developer.atlassian.com/platform/forge/events-reference/web-trigger/). */
export interface WebTriggerRequest {
  method: string;
  headers: Record<string, string[]>;
  body: string;
  path: string;
  userPath: string;
  queryParameters: Record<string, string[]>;
}

const headerArrays = (request: IncomingMessage): Record<string, string[]> => {
  const headers: Record<string, string[]> = {};
  for (let i = 0; i < request.rawHeaders.length; i += 2) {
    const name = request.rawHeaders[i] ?? '';
    (headers[name] ??= []).push(request.rawHeaders[i + 1] ?? '');
  }
  return headers;
};

const queryArrays = (url: URL): Record<string, string[]> => {
  const query: Record<string, string[]> = {};
  for (const [name, value] of url.searchParams) (query[name] ??= []).push(value);
  return query;
};

const plain = (response: ServerResponse, status: number, message: string): void => {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(message);
};

/**
 * Web triggers as Forge serves them: an HTTP request to the trigger's URL invokes its function with the request
 * (method, headers as arrays, body as text, path, userPath, queryParameters) and no user; the function's answer,
 * `{ statusCode, headers?, body? }`, is the HTTP response; an answer of another shape, a failure or a time-out
 * (55 s) is a 500. Request and response count against the invocation payload limits (5 MB each way). An id that
 * was never handed out, or was deleted with `webTrigger.deleteUrl`, answers 404. Returns false for a path that is
 * no web trigger's.
 */
export const createWebTriggers = (deps: WebTriggerDeps) => {
  const byKey = new Map(deps.triggers.map((trigger) => [trigger.key, trigger]));
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    const match = WEB_TRIGGER_PATH.exec(url.pathname);
    if (!match) return false;
    const moduleKey = deps.resolveId(match[1] ?? '');
    const trigger = moduleKey === undefined ? undefined : byKey.get(moduleKey);
    const handler = trigger && deps.handlers.get(trigger.functionKey);
    if (!trigger || !handler) {
      plain(response, 404, 'No web trigger here.');
      return true;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      // Read to the end but keep nothing past the limit, so the caller gets the 413 rather than a reset.
      if (size <= MAX_WEB_TRIGGER_REQUEST_BYTES) chunks.push(chunk as Buffer);
    }
    if (size > MAX_WEB_TRIGGER_REQUEST_BYTES) {
      plain(response, 413, `The request is over the ${MAX_WEB_TRIGGER_REQUEST_BYTES} bytes a web trigger takes.`);
      return true;
    }
    const event: WebTriggerRequest = {
      method: request.method ?? 'GET',
      headers: headerArrays(request),
      body: Buffer.concat(chunks).toString('utf8'),
      path: url.pathname,
      userPath: match[2] ?? '',
      queryParameters: queryArrays(url),
    };
    let answer: unknown;
    const started = performance.now();
    try {
      answer = await deps.runtime.invokeTrigger(handler, {
        functionKey: trigger.functionKey,
        moduleKey: trigger.key,
        moduleType: 'webtrigger',
        event: { ...event },
        ...(trigger.timeoutSeconds !== undefined ? { timeoutSeconds: trigger.timeoutSeconds } : {}),
      });
    } catch (error) {
      deps.log(`Web trigger ${trigger.key} failed (${describeError(error)}).`);
      plain(response, 500, 'The web trigger failed.');
      return true;
    }
    const tookMs = Math.round(performance.now() - started);
    if (tookMs > SLOW_ANSWER_MS) {
      deps.log(`Web trigger ${trigger.key} took ${tookMs} ms, more than the ${SLOW_ANSWER_MS} ms Graph waits.`);
    }
    const checked = checkTriggerResponse(answer);
    if (!checked.ok) {
      deps.log(`Web trigger ${trigger.key}: ${checked.reason}; answered 500.`);
      plain(response, 500, 'The web trigger answered no valid response.');
      return true;
    }
    const { statusCode, statusText, headers, body } = checked.response;
    if (Buffer.byteLength(body ?? '', 'utf8') > MAX_INVOCATION_RESPONSE_BYTES) {
      deps.log(
        `Web trigger ${trigger.key}: its response is over ${MAX_INVOCATION_RESPONSE_BYTES} bytes; answered 500.`,
      );
      plain(response, 500, 'The web trigger answered too much.');
      return true;
    }
    response.writeHead(statusCode, statusText ?? '', headers ?? {});
    response.end(body ?? '');
    return true;
  };
};

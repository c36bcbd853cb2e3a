import type { IncomingMessage, ServerResponse } from 'node:http';

import type { EmulatorContext } from './context';
import { deleteDraft, handleDraftPost } from './drafts';
import type { ConcurrencySlot } from './exchange-limits';
import type { MixedFault } from './fault-mix';
import { DEFAULT_RETRY_AFTER_SECONDS, DEFAULT_SLOW_DELAY_MS, delay } from './faults';
import type { Answer } from './graph-answer';
import { authenticateGraphRequest, type GraphCaller, peekCaller } from './graph-auth';
import { type GraphError, graphErrorBody, GraphErrors, graphHeaders, type GraphRequestIds } from './graph-errors';
import { header, mediaType, pathSegments, readBody, requestUrl, send, sendJson } from './http-util';
import { clientRequestId, newGuid } from './ids';
import { routeInbound } from './inbound-router';
import { handleInboundPost } from './inbound-seam';
import { handleMailboxPages } from './mailbox-page';
import { readMailbox } from './mailbox-reads';
import { readPrefer } from './received-message';
import { GRAPH_MAX_REQUEST_BYTES, sendMail } from './send-mail';
import { handleSubscriptions } from './subscription-routes';
import { TenantDirectory } from './tenant-directory';
import { handleUploadRequest, UPLOAD_PATH } from './upload-sessions';
import { getUser } from './users';
import { listUsers } from './users-search';

const SEND_MAIL_SEGMENTS = ['sendmail', 'microsoft.graph.sendmail'];
const MAILBOX_READ_SEGMENTS = ['mailfolders', 'messages'];
const VERSIONS = ['v1.0', 'beta'];
/** Graph's media type for JSON answers. */
const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

/** What the router knows of a request while answering it. */
interface InFlight {
  /** Counted against its mailbox from arrival until answered or its client is gone; undefined for requests that name no mailbox. */
  slot: ConcurrencySlot | undefined;
  /** Set when the client closed the connection before the answer. */
  clientGone: boolean;
}

/** The Graph listener: /v1.0 (and /beta) API calls (users, sendMail, mailbox reads), plus the mailbox viewer under /mailbox. */
export const handleGraphRequest = async (
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> => {
  const url = requestUrl(req);
  const segments = pathSegments(url.pathname);
  if (segments[0] === 'mailbox') {
    if (req.method === 'POST') await handleInboundPost(ctx, req, res, segments.slice(1));
    else handleMailboxPages(ctx, req, res, segments.slice(1));
    return;
  }
  if (segments.length === 0) {
    send(res, 302, { Location: `${ctx.urls.graph}/mailbox` }, undefined);
    return;
  }
  if (segments[0] === UPLOAD_PATH && segments.length <= 2) {
    ctx.counts.graph += 1;
    await handleUploadRequest(ctx, req, res, segments[1]);
    return;
  }
  if (url.pathname === '/favicon.ico') {
    send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not Found');
    return;
  }

  ctx.counts.graph += 1;
  const requestId = newGuid();
  const ids: GraphRequestIds = {
    requestId,
    clientRequestId: clientRequestId(req.headers['client-request-id']) ?? requestId,
  };
  const flight: InFlight = { slot: arrive(ctx, req, segments), clientGone: false };
  // 'close' comes when the answer is done or the client went away: either way the request no longer counts.
  res.once('close', () => {
    if (!res.writableFinished) flight.clientGone = true;
    flight.slot?.release();
  });
  const outcome = await answerGraphCall(ctx, req, segments, url, flight);
  if (outcome === 'abandoned') return;
  const { answer, delayAfterWork } = outcome;
  // The work is done: a client that stops waiting during this delay does not learn it was.
  if (delayAfterWork !== undefined) await delay(delayAfterWork, ctx.shutdown);
  if (flight.clientGone) return;
  const headers = graphHeaders(ids);
  switch (answer.kind) {
    case 'accepted':
      send(res, 202, headers, undefined);
      return;
    case 'noContent':
      send(res, 204, headers, undefined);
      return;
    case 'created':
      sendJson(res, 201, { ...headers, 'Content-Type': ODATA_JSON, ...answer.headers }, answer.body);
      return;
    case 'json':
      sendJson(res, 200, { ...headers, 'Content-Type': ODATA_JSON, ...answer.headers }, answer.body);
      return;
    case 'raw':
      send(res, 200, { ...headers, 'Content-Type': answer.contentType }, answer.body);
      return;
    case 'error':
      sendJson(
        res,
        answer.error.status,
        { ...headers, 'Content-Type': 'application/json', ...answer.error.headers },
        graphErrorBody(answer.error, ids, ctx.now()),
      );
  }
};

/**
 * Counts a mail request (`/{version}/users/{id}/…`) against its app and mailbox on arrival, before it is read:
 * what the client has open is what Exchange's concurrency limit sees. The caller is read from the token unchecked;
 * a request without a readable one is not counted (authentication refuses it anyway).
 */
const arrive = (ctx: EmulatorContext, req: IncomingMessage, segments: string[]): ConcurrencySlot | undefined => {
  const caller = peekCaller(header(req, 'authorization'));
  if (caller === undefined) return undefined;
  const [, resource, ...after] = segments;
  // `/me/{action}` counts against the token's own user.
  const [user, action] = resource?.toLowerCase() === 'me' ? [caller.userPrincipalName, after[0]] : after;
  if (!['users', 'me'].includes(resource?.toLowerCase() ?? '') || user === undefined || action === undefined)
    return undefined;
  const tenant = ctx.directory.byId(caller.tenantId);
  const mailbox = tenant === undefined ? undefined : TenantDirectory.mailbox(tenant, user);
  return ctx.delivery.limits.arrive(caller.appId, mailbox?.userPrincipalName ?? user);
};

/** A fault for this request: an error answer, or a delay before or after the work. */
type GraphFault = { error: GraphError } | { delayMs: number; afterWork: boolean };

/** The queued fault if one is waiting, else the fault mix's draw (counted). */
const takeFault = (ctx: EmulatorContext, path: string): GraphFault | undefined => {
  const queued = ctx.faults.take('graph', path);
  if (queued !== undefined) {
    if (queued.kind === 'slow') return { delayMs: queued.delayMs ?? DEFAULT_SLOW_DELAY_MS, afterWork: false };
    if (queued.kind === 'unavailable') return { error: GraphErrors.unavailable(queued.retryAfterSeconds) };
    return { error: GraphErrors.throttled(queued.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS.graph) };
  }
  const mixed = ctx.delivery.mix.draw();
  if (mixed === undefined) return undefined;
  ctx.delivery.recorder.injected(mixed.kind);
  return fromMix(mixed);
};

/** The mix's throttle is Graph's general one: the Outlook MailboxConcurrency answer belongs to the real limit. */
const fromMix = (fault: MixedFault): GraphFault => {
  if (fault.kind === 'slow') return { delayMs: fault.delayMs, afterWork: fault.afterWork };
  if (fault.kind === 'unavailable') return { error: GraphErrors.unavailable(fault.retryAfterSeconds) };
  return { error: GraphErrors.tooManyRequests(fault.retryAfterSeconds) };
};

type Outcome = { answer: Answer; delayAfterWork?: number } | 'abandoned';

const answerGraphCall = async (
  ctx: EmulatorContext,
  req: IncomingMessage,
  segments: string[],
  url: URL,
  flight: InFlight,
): Promise<Outcome> => {
  const error = (err: GraphError): Outcome => ({ answer: { kind: 'error', error: err } });
  // The body is read first, whatever happens next, so a client still uploading gets the answer.
  const body = await readBody(req, GRAPH_MAX_REQUEST_BYTES);

  const fault = takeFault(ctx, url.pathname);
  if (fault !== undefined && 'error' in fault) return error(fault.error);
  if (fault !== undefined && !fault.afterWork) {
    await delay(fault.delayMs, ctx.shutdown);
    // Held up before any work: a request whose client gave up is never processed.
    if (flight.clientGone) return 'abandoned';
  }

  if (body.tooLarge) return error(GraphErrors.requestTooLarge());
  const auth = await authenticateGraphRequest(header(req, 'authorization'), ctx.issuer, ctx.now());
  if (!auth.ok) {
    if (auth.expired === true) ctx.delivery.recorder.expiredTokenRefused();
    return error(auth.error);
  }
  if (flight.slot?.refused === true) {
    ctx.delivery.recorder.limitRefused('concurrency');
    return error(GraphErrors.throttled(DEFAULT_RETRY_AFTER_SECONDS.graph));
  }
  const answer = await route(ctx, req, auth.caller, segments, url, body.body);
  return fault?.afterWork === true ? { answer, delayAfterWork: fault.delayMs } : { answer };
};

/**
 * `/me/...` with a delegated token is `/users/{signed-in user}/...` ("Calling the /me endpoint requires a signed-in
 * user and therefore a delegated permission", https://learn.microsoft.com/en-us/graph/api/user-get); undefined for
 * an app-only token, which has no signed-in user.
 */
const meAsUser = (caller: GraphCaller, segments: string[]): string[] | undefined => {
  if (caller.user === undefined) return undefined;
  const [version = '', , ...rest] = segments;
  return [version, 'users', caller.user.id, ...rest];
};

const route = async (
  ctx: EmulatorContext,
  req: IncomingMessage,
  caller: GraphCaller,
  segments: string[],
  url: URL,
  body: Buffer,
): Promise<Answer> => {
  const error = (err: GraphError): Answer => ({ kind: 'error', error: err });
  const method = req.method ?? 'GET';
  const path = url.pathname;
  const [version, named] = segments;
  if (version === undefined || !VERSIONS.includes(version.toLowerCase()))
    return error(GraphErrors.invalidVersion(version ?? ''));
  if (named === undefined) return error(GraphErrors.notImplemented(method, path));
  const target = named.toLowerCase() === 'me' ? meAsUser(caller, segments) : segments;
  if (target === undefined) return error(GraphErrors.meWithAppToken());
  const [, resource = '', user, action, ...rest] = target;
  switch (resource.toLowerCase()) {
    case 'users': {
      if (user === undefined) {
        if (method !== 'GET') return error(GraphErrors.notImplemented(method, path));
        const outcome = listUsers(ctx, {
          caller,
          version,
          query: url.searchParams,
          consistencyLevel: header(req, 'consistencylevel'),
          path,
        });
        if (outcome.ok) return { kind: 'json', body: outcome.body };
        return 'error' in outcome
          ? error(outcome.error)
          : error(GraphErrors.notImplemented(method, outcome.unsupported));
      }
      if (action !== undefined) {
        const inbound = await routeInbound(ctx, {
          caller,
          user,
          version,
          method,
          segments: [action, ...rest],
          query: url.searchParams,
          path,
          prefer: header(req, 'prefer'),
          mediaType: mediaType(req),
          body,
        });
        if (inbound !== undefined) return inbound;
      }
      if (action === undefined) {
        if (method !== 'GET') return error(GraphErrors.notImplemented(method, path));
        const outcome = getUser(ctx, caller, user, version, url.searchParams, path);
        if (outcome.ok) return { kind: 'json', body: outcome.body };
        return 'error' in outcome
          ? error(outcome.error)
          : error(GraphErrors.notImplemented(method, outcome.unsupported));
      }
      if (SEND_MAIL_SEGMENTS.includes(action.toLowerCase()) && rest.length === 0) {
        if (method !== 'POST') return error(GraphErrors.methodNotAllowed(method, 'sendMail'));
        const outcome = await sendMail(ctx, { caller, user, mediaType: mediaType(req), body });
        return outcome.ok ? { kind: 'accepted' } : error(outcome.error);
      }
      if (action.toLowerCase() === 'messages' && method === 'DELETE') {
        const outcome = deleteDraft(ctx, { caller, user, rest });
        if (outcome.ok) return { kind: 'noContent' };
        return 'error' in outcome ? error(outcome.error) : error(GraphErrors.notImplemented(method, path));
      }
      if (action.toLowerCase() === 'messages' && method === 'POST') {
        const outcome = await handleDraftPost(ctx, { caller, user, version, rest, mediaType: mediaType(req), body });
        if (outcome.ok) return outcome.status === 201 ? { kind: 'created', body: outcome.body } : { kind: 'accepted' };
        return 'error' in outcome ? error(outcome.error) : error(GraphErrors.notImplemented(method, path));
      }
      if (MAILBOX_READ_SEGMENTS.includes(action.toLowerCase()) && method === 'GET') {
        const outcome = readMailbox(ctx, {
          caller,
          user,
          version,
          segments: [action, ...rest],
          query: url.searchParams,
          path,
          view: readPrefer(header(req, 'prefer')),
        });
        if (outcome.ok) return { kind: 'json', body: outcome.body };
        return 'error' in outcome
          ? error(outcome.error)
          : error(GraphErrors.notImplemented(method, outcome.unsupported));
      }
      return error(GraphErrors.notImplemented(method, path));
    }
    case 'subscriptions':
      return handleSubscriptions(ctx, {
        caller,
        version,
        method,
        segments: [user, action, ...rest].filter((segment) => segment !== undefined),
        mediaType: mediaType(req),
        body,
        prefer: header(req, 'prefer'),
      });
    default:
      return error(GraphErrors.segmentNotFound(resource));
  }
};

import type { IncomingMessage, ServerResponse } from 'node:http';

import { readBodyWithin } from '../shared/http-kit';
import type { IssuedAccessToken } from './access-tokens';
import { authoriseGmail, type GmailCaller, SEND_SCOPES } from './gmail-auth';
import { type GmailErrorAnswer, GmailErrors, writeGmailError, writeGmailJson } from './gmail-errors';
import { deliverToWorkspaceUsers } from './gmail-inbound';
import { type GmailLimiter, QUOTA_UNITS } from './gmail-limits';
import type { GmailMailboxes } from './gmail-mailboxes';
import { matchReadRoute } from './gmail-read-routes';
import { parseContentRange, splitMultipartRelated, type UploadSessions } from './gmail-uploads';

/*
 * users.messages.send (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/send):
 * the metadata URI takes `{raw, threadId}` (raw = base64url RFC 2822), the upload URI takes the message itself
 * (uploadType media, multipart or resumable, https://developers.google.com/workspace/gmail/api/guides/uploads), media
 * limit 35 MB (`maxSize` 36700160, accept message/*). users.messages.get
 * (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/get) with format raw, full,
 * metadata or minimal, and the other read routes: gmail-read-routes.ts.
 */
export const MAX_MESSAGE_BYTES = 36_700_160;
const CHUNK_GRANULE = 256 * 1024;
// Room for the multipart wrapper, and for base64url's 4/3 in a JSON `raw`.
const MAX_UPLOAD_BODY = MAX_MESSAGE_BYTES + 64 * 1024;
const MAX_JSON_BODY = Math.ceil((MAX_MESSAGE_BYTES * 4) / 3) + 64 * 1024;

export interface GmailRouteContext {
  mailboxes: GmailMailboxes;
  limiter: GmailLimiter;
  uploads: UploadSessions;
  lookup: (token: string) => IssuedAccessToken | undefined;
  now: () => Date;
  baseUrl: () => string;
  /** Whether an address is a user of the emulated Workspace: mail sent to one arrives in its INBOX. */
  isUser: (address: string) => boolean;
  /** Test control: the next upload chunk is cut off halfway (half kept) and its connection dropped. */
  dropNextChunk: { armed: boolean };
}

const SEND = /^\/gmail\/v1\/users\/([^/]+)\/messages\/send$/;
const UPLOAD_SEND = /^\/upload\/gmail\/v1\/users\/([^/]+)\/messages\/send$/;
const MAX_READ_BODY = 64 * 1024;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The fault mix's draw for one request: true when it answered (the request then goes no further). */
const answeredByFault = async (context: GmailRouteContext, res: ServerResponse): Promise<boolean> => {
  const fault = context.limiter.drawFault();
  if (fault?.kind === 'answer') {
    writeGmailError(res, context.limiter.refused(fault.answer));
    return true;
  }
  if (fault?.kind === 'slow') await sleep(fault.delayMs);
  return false;
};

const parseJson = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
};

/** A read route (gmail-read-routes.ts): scopes, then quota units, then the route's answer. */
const handleRead = async (
  context: GmailRouteContext,
  matched: NonNullable<ReturnType<typeof matchReadRoute>>,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<true> => {
  const read = req.method === 'POST' ? await readBodyWithin(req, MAX_READ_BODY) : undefined;
  if (await answeredByFault(context, res)) return true;
  const caller = authoriseGmail(req, matched.userId, matched.route.scopes, context.lookup);
  if (!caller.ok) {
    writeGmailError(res, caller.answer);
    return true;
  }
  const quota = context.limiter.charge(caller.user, matched.route.units, context.now().getTime());
  if (quota !== undefined) {
    writeGmailError(res, quota);
    return true;
  }
  if (read?.tooLarge === true) {
    writeGmailError(res, GmailErrors.tooLarge());
    return true;
  }
  const body = read === undefined || read.tooLarge ? undefined : read.body.byteLength === 0 ? {} : parseJson(read.body);
  if (read !== undefined && body === undefined) {
    writeGmailError(res, GmailErrors.invalidArgument('Invalid JSON payload received.'));
    return true;
  }
  const answer = matched.route.handle(context.mailboxes, { caller, ids: matched.ids, query: url.searchParams, body });
  if ('error' in answer) writeGmailError(res, answer.error);
  else writeGmailJson(res, answer.status, answer.body);
  return true;
};

/** Handles a Gmail path; false when the path is not one. */
export const handleGmailRequest = async (
  context: GmailRouteContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> => {
  const url = new URL(req.url ?? '/', 'http://emulator.invalid');
  const readRoute = matchReadRoute(req.method, url.pathname);
  if (readRoute !== undefined) return handleRead(context, readRoute, url, req, res);
  const send = SEND.exec(url.pathname);
  const upload = UPLOAD_SEND.exec(url.pathname);
  if (send === null && upload === null) return false;
  if (await answeredByFault(context, res)) return true;

  const fail = (answer: GmailErrorAnswer): true => {
    writeGmailError(res, answer);
    return true;
  };
  const userId = decodeURIComponent((send ?? upload)?.[1] ?? '');
  if (upload !== null && req.method === 'PUT') return putChunk(context, url, req, res);
  const caller = authoriseGmail(req, userId, SEND_SCOPES, context.lookup);
  if (!caller.ok) return fail(caller.answer);
  const nowMs = context.now().getTime();
  if (req.method !== 'POST') return fail(GmailErrors.notFound());
  const refused =
    context.limiter.charge(caller.user, QUOTA_UNITS.send, nowMs) ?? context.limiter.checkSend(caller.user, nowMs);
  if (refused !== undefined) return fail(refused);
  if (send !== null) return jsonSend(context, caller, req, res);
  return uploadSend(context, caller, url, req, res);
};

const finishSend = async (
  context: GmailRouteContext,
  res: ServerResponse,
  user: string,
  raw: Buffer,
  threadId: string | undefined,
): Promise<true> => {
  if (raw.byteLength > MAX_MESSAGE_BYTES) {
    writeGmailError(res, context.limiter.refused(GmailErrors.tooLarge()));
    return true;
  }
  if (raw.byteLength === 0) {
    writeGmailError(
      res,
      GmailErrors.invalidArgument(
        "'raw' RFC822 payload message string or uploading message via /upload/* URL required",
      ),
    );
    return true;
  }
  const nowMs = context.now().getTime();
  const stored = await context.mailboxes.storeSent(user, raw, threadId, nowMs);
  context.limiter.recordSend(user, nowMs);
  await deliverToWorkspaceUsers(context.mailboxes, context.isUser, user, stored, nowMs);
  writeGmailJson(res, 200, { id: stored.id, threadId: stored.threadId, labelIds: stored.labelIds });
  return true;
};

const readThreadId = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['threadId'] === 'string'
    ? ((value as Record<string, unknown>)['threadId'] as string)
    : undefined;

const jsonSend = async (
  context: GmailRouteContext,
  caller: GmailCaller & { ok: true },
  req: IncomingMessage,
  res: ServerResponse,
): Promise<true> => {
  const read = await readBodyWithin(req, MAX_JSON_BODY);
  if (read.tooLarge) {
    writeGmailError(res, context.limiter.refused(GmailErrors.tooLarge()));
    return true;
  }
  const json = parseJson(read.body);
  const raw = typeof json === 'object' && json !== null ? (json as Record<string, unknown>)['raw'] : undefined;
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'base64url') : Buffer.alloc(0);
  return finishSend(context, res, caller.user, bytes, readThreadId(json));
};

const uploadSend = async (
  context: GmailRouteContext,
  caller: GmailCaller & { ok: true },
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<true> => {
  const uploadType = url.searchParams.get('uploadType');
  const read = await readBodyWithin(req, MAX_UPLOAD_BODY);
  if (read.tooLarge) {
    writeGmailError(res, context.limiter.refused(GmailErrors.tooLarge()));
    return true;
  }
  if (uploadType === 'media') return finishSend(context, res, caller.user, read.body, undefined);
  if (uploadType === 'multipart') {
    const parts = splitMultipartRelated(req.headers['content-type'], read.body);
    if (parts === undefined) {
      writeGmailError(res, GmailErrors.badRequest('Invalid multipart request with 0 mime parts.'));
      return true;
    }
    return finishSend(context, res, caller.user, parts.media, readThreadId(parseJson(parts.metadata)));
  }
  if (uploadType === 'resumable') {
    const id = context.uploads.open(caller.user, readThreadId(parseJson(read.body)));
    const location = `${context.baseUrl()}${url.pathname}?uploadType=resumable&upload_id=${id}`;
    res.writeHead(200, { Location: location, 'Content-Length': '0' }).end();
    return true;
  }
  writeGmailError(res, GmailErrors.badRequest(`Invalid upload type: ${(uploadType ?? '').slice(0, 40)}`));
  return true;
};

const writeIncomplete = (res: ServerResponse, received: number): void => {
  res.writeHead(308, { ...(received > 0 ? { Range: `bytes=0-${received - 1}` } : {}), 'Content-Length': '0' }).end();
};

const putChunk = async (
  context: GmailRouteContext,
  url: URL,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<true> => {
  // The session URI is the upload's credential; Google answers an unknown or expired one with 404.
  const id = url.searchParams.get('upload_id') ?? '';
  const session = context.uploads.get(id);
  const read = await readBodyWithin(req, MAX_UPLOAD_BODY);
  if (session === undefined) {
    writeGmailError(res, GmailErrors.notFound());
    return true;
  }
  const range = parseContentRange(req.headers['content-range']);
  if (read.tooLarge || range === undefined) {
    writeGmailError(
      res,
      read.tooLarge ? GmailErrors.tooLarge() : GmailErrors.badRequest('Failed to parse Content-Range header.'),
    );
    return true;
  }
  if (range.kind === 'bytes') {
    if (range.first > session.received || read.body.byteLength !== range.last - range.first + 1) {
      writeGmailError(res, GmailErrors.badRequest('Invalid request. The Content-Range does not match what was sent.'));
      return true;
    }
    const final = range.total !== undefined && range.last + 1 === range.total;
    if (!final && read.body.byteLength % CHUNK_GRANULE !== 0) {
      writeGmailError(
        res,
        GmailErrors.badRequest('Invalid request. The chunk size must be a multiple of 262144 bytes.'),
      );
      return true;
    }
    const fresh = read.body.subarray(session.received - range.first);
    if (context.dropNextChunk.armed) {
      context.dropNextChunk.armed = false;
      const kept = fresh.subarray(0, Math.floor(fresh.byteLength / 2));
      session.pieces.push(kept);
      session.received += kept.byteLength;
      res.destroy();
      return true;
    }
    session.pieces.push(fresh);
    session.received += fresh.byteLength;
    if (session.received > MAX_MESSAGE_BYTES) {
      context.uploads.close(id);
      writeGmailError(res, context.limiter.refused(GmailErrors.tooLarge()));
      return true;
    }
  }
  if (range.total !== undefined && session.received === range.total) {
    context.uploads.close(id);
    return finishSend(context, res, session.user, Buffer.concat(session.pieces), session.threadId);
  }
  writeIncomplete(res, session.received);
  return true;
};

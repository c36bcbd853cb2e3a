import type { IncomingMessage, ServerResponse } from 'node:http';

import type { EmulatorContext } from './context';
import { type Draft, draftsOf, type UploadSession } from './draft-store';
import { type GraphError, graphErrorBody, GraphErrors, graphHeaders } from './graph-errors';
import { header, readBody, send, sendJson } from './http-util';
import { clientRequestId, newGuid } from './ids';
import { literal } from './send-mail-schema';
import type { EmulatedMailbox } from './types';

/** Outlook attachments up to 150 MB go through upload sessions. */
export const MAX_UPLOAD_BYTES = 150 * 1024 * 1024;
/** Each PUT carries at most 4 MB. */
export const MAX_FRAGMENT_BYTES = 4 * 1024 * 1024;
/** How long a session stays open after it is created or last written to. */
export const UPLOAD_SESSION_MINUTES = 15;
/** The path prefix of upload URLs on the Graph listener. */
export const UPLOAD_PATH = 'attachment-uploads';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const fail = (error: GraphError) => ({ ok: false as const, error });
const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, '.0000000Z');

export interface CreateUploadSessionRequest {
  mailbox: EmulatedMailbox;
  draft: Draft;
  body: Json;
  version: string;
}

/** POST /messages/{id}/attachments/createUploadSession (permission, mailbox and draft already checked). */
export const createUploadSession = (ctx: EmulatorContext, request: CreateUploadSessionRequest) => {
  let item: unknown;
  for (const [key, value] of Object.entries(request.body)) {
    if (key.toLowerCase() === 'attachmentitem') item = item ?? value;
    else return fail(GraphErrors.unknownParameter(key, 'createUploadSession'));
  }
  if (!isObject(item))
    return fail(
      GraphErrors.requestBodyRead(
        "The parameter 'AttachmentItem' must be an object with attachmentType, name and size.",
      ),
    );
  const { attachmentType, name, size, contentType, isInline, contentId } = item;
  if (typeof attachmentType !== 'string' || attachmentType.toLowerCase() !== 'file')
    return fail(GraphErrors.requestBodyRead(`Requested value '${String(attachmentType)}' was not found.`));
  if (typeof name !== 'string' || name === '')
    return fail(GraphErrors.requestBodyRead("The required property 'name' is missing at '/AttachmentItem'."));
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0)
    return fail(
      GraphErrors.requestBodyRead(`Cannot convert the literal '${String(size)}' to the expected type 'Edm.Int64'.`),
    );
  if (size > MAX_UPLOAD_BYTES) return fail(GraphErrors.messageSizeExceeded());
  if (contentType !== undefined && contentType !== null && typeof contentType !== 'string')
    return fail(
      GraphErrors.requestBodyRead(
        `Cannot convert the literal '${literal(contentType)}' to the expected type 'Edm.String'.`,
      ),
    );
  if (isInline !== undefined && isInline !== null && typeof isInline !== 'boolean')
    return fail(
      GraphErrors.requestBodyRead(
        `Cannot convert the literal '${literal(isInline)}' to the expected type 'Edm.Boolean'.`,
      ),
    );
  if (contentId !== undefined && contentId !== null && typeof contentId !== 'string')
    return fail(
      GraphErrors.requestBodyRead(
        `Cannot convert the literal '${literal(contentId)}' to the expected type 'Edm.String'.`,
      ),
    );

  const expiresAt = new Date(ctx.now().getTime() + UPLOAD_SESSION_MINUTES * 60_000);
  const session = draftsOf(ctx).openSession({
    draftId: request.draft.id,
    mailbox: request.draft.mailbox,
    mailboxId: request.mailbox.id,
    attachment: {
      name,
      contentType: typeof contentType === 'string' && contentType !== '' ? contentType : 'application/octet-stream',
      size,
      ...(isInline === true ? { isInline: true } : {}),
      ...(typeof contentId === 'string' && contentId !== '' ? { contentId } : {}),
    },
    expiresAt,
  });
  return {
    ok: true as const,
    status: 201 as const,
    body: {
      '@odata.context': `${ctx.urls.graph}/${request.version}/$metadata#microsoft.graph.uploadSession`,
      uploadUrl: `${ctx.urls.graph}/${UPLOAD_PATH}/${session.token}`,
      expirationDateTime: isoSeconds(expiresAt),
      nextExpectedRanges: ['0-'],
    },
  };
};

type UploadAnswer =
  | { status: 200; body: Json }
  | { status: 201; location: string }
  | { status: 204 }
  | { status: 'error'; error: GraphError };

/** PUT (a byte range) or DELETE (cancel) on an upload URL: authorised by its token alone, like Outlook's. */
export const handleUploadRequest = async (
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  token: string | undefined,
): Promise<void> => {
  const requestId = newGuid();
  const ids = { requestId, clientRequestId: clientRequestId(req.headers['client-request-id']) ?? requestId };
  const headers = graphHeaders(ids);
  const body = await readBody(req, MAX_FRAGMENT_BYTES);
  const answer = answerUpload(ctx, req, token, body.tooLarge ? undefined : body.body);
  switch (answer.status) {
    case 200:
      sendJson(res, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' }, answer.body);
      return;
    case 201:
      send(res, 201, { ...headers, Location: answer.location }, undefined);
      return;
    case 204:
      send(res, 204, headers, undefined);
      return;
    default:
      sendJson(
        res,
        answer.error.status,
        { ...headers, 'Content-Type': 'application/json', ...answer.error.headers },
        graphErrorBody(answer.error, ids, ctx.now()),
      );
  }
};

const answerUpload = (
  ctx: EmulatorContext,
  req: IncomingMessage,
  token: string | undefined,
  body: Buffer | undefined,
): UploadAnswer => {
  const error = (err: GraphError): UploadAnswer => ({ status: 'error', error: err });
  if (header(req, 'authorization') !== undefined) return error(GraphErrors.uploadWithAuthorization());
  const store = draftsOf(ctx);
  const session = token === undefined ? undefined : store.session(token);
  if (session === undefined || ctx.now() > session.expiresAt) return error(GraphErrors.uploadSessionNotFound());
  const method = req.method ?? 'GET';
  if (method === 'DELETE') {
    store.closeSession(session.token);
    return { status: 204 };
  }
  if (method !== 'PUT') return error(GraphErrors.methodNotAllowed(method, 'an upload session'));
  if (body === undefined) return error(GraphErrors.fragmentTooLarge());

  const rangeText = header(req, 'content-range') ?? '';
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(rangeText.trim());
  const [start, end, total] = match === null ? [NaN, NaN, NaN] : [Number(match[1]), Number(match[2]), Number(match[3])];
  if (
    match === null ||
    end < start ||
    total !== session.attachment.size ||
    end >= total ||
    end - start + 1 !== body.length
  ) {
    return error(GraphErrors.invalidContentRange(rangeText));
  }
  if (start !== session.received) return error(GraphErrors.unexpectedRange(start, session.received));

  session.chunks.push(body);
  session.received += body.length;
  session.expiresAt = new Date(ctx.now().getTime() + UPLOAD_SESSION_MINUTES * 60_000);
  if (session.received < total) {
    // Outlook's upload service answers in its own (PascalCase) shape, with the next start offset only.
    return {
      status: 200,
      body: { ExpirationDateTime: isoSeconds(session.expiresAt), NextExpectedRanges: [`${session.received}`] },
    };
  }
  return finish(ctx, session);
};

const finish = (ctx: EmulatorContext, session: UploadSession): UploadAnswer => {
  const store = draftsOf(ctx);
  store.closeSession(session.token);
  const draft = store.get(session.mailbox, session.draftId);
  if (draft === undefined) return { status: 'error', error: GraphErrors.itemNotFound() };
  const attachments = draft.message.attachments ?? [];
  attachments.push({ ...session.attachment, contentBytes: Buffer.concat(session.chunks).toString('base64') });
  draft.message.attachments = attachments;
  const attachmentId = `${draft.id}.${attachments.length - 1}`;
  return {
    status: 201,
    location: `${ctx.urls.graph}/v1.0/users('${session.mailboxId}')/messages('${draft.id}')/attachments('${attachmentId}')`,
  };
};

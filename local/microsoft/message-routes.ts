import type { EmulatorContext } from './context';
import { resolveFolder } from './folder-lookup';
import { type Answer, errorAnswer } from './graph-answer';
import { GraphErrors } from './graph-errors';
import { projectMessage, SELECTABLE_MESSAGE_PROPERTIES } from './graph-message';
import { InboundErrors } from './inbound-errors';
import { contextBase, type OpenedRequest } from './inbound-router';
import { readJsonObjectBody } from './json-body';
import type { FolderMessage, ReceivedAttachment } from './mail-store';
import { parseODataQuery } from './odata-query';
import { receivedMessage, visibleId } from './received-message';

type Json = Record<string, unknown>;

/** Exchange ids are base64 of a binary entry id; anything else cannot be one. */
const EXCHANGE_ID = /^AA[A-Za-z0-9+/_=-]{8,}$/;

/** Base attachment properties $select may name without a cast (attachment resource). */
const ATTACHMENT_BASE = ['id', 'name', 'contentType', 'size', 'isInline', 'lastModifiedDateTime'];
/** fileAttachment's own properties: only as `microsoft.graph.fileAttachment/{name}` in $select. */
const FILE_ATTACHMENT_OWN = ['contentId', 'contentLocation', 'contentBytes'];
const FILE_CAST = 'microsoft.graph.fileattachment/';

/**
 * One received message: GET (message-get), PATCH isRead (message-update), POST move (message-move), its
 * attachments (message-list-attachments, attachment-get) and their `$value`. Under /users/{id}/messages/{id}
 * or /users/{id}/mailFolders/{id}/messages/{id} (GET, then the message must be in that folder).
 * https://learn.microsoft.com/en-us/graph/api/message-get?view=graph-rest-1.0 ,
 * https://learn.microsoft.com/en-us/graph/api/message-update?view=graph-rest-1.0 ,
 * https://learn.microsoft.com/en-us/graph/api/message-move?view=graph-rest-1.0 ,
 * https://learn.microsoft.com/en-us/graph/api/message-list-attachments?view=graph-rest-1.0 ,
 * https://learn.microsoft.com/en-us/graph/api/attachment-get?view=graph-rest-1.0
 */
export const handleMessage = (ctx: EmulatorContext, request: OpenedRequest): Answer => {
  const underFolder = request.segments[0]?.toLowerCase() === 'mailfolders';
  const [messageId, ...rest] = request.segments.slice(underFolder ? 3 : 1);
  if (messageId === undefined || !EXCHANGE_ID.test(messageId)) return errorAnswer(GraphErrors.invalidIdMalformed());
  const upn = request.mailbox.userPrincipalName;
  const message = ctx.mail.find(upn, messageId);
  if (message === undefined) return errorAnswer(GraphErrors.itemNotFound());
  if (underFolder) {
    const folder = resolveFolder(ctx, request.mailbox, request.segments[1] ?? '');
    if (folder.kind === 'malformed') return errorAnswer(GraphErrors.invalidIdMalformed());
    if (folder.kind === 'not-found' || folder.folder.id !== message.folderId)
      return errorAnswer(GraphErrors.itemNotFound());
  }
  const [part, attachmentId, value, ...extra] = rest.map((segment, index) =>
    index === 1 ? segment : segment.toLowerCase(),
  );
  if (request.method === 'PATCH') return patchMessage(ctx, request, message);
  if (request.method === 'POST') return moveMessage(ctx, request, message);
  if (part === undefined) return getMessage(ctx, request, message);
  if (part === '$value' && attachmentId === undefined)
    return errorAnswer(GraphErrors.notImplemented('GET', request.path));
  if (part !== 'attachments' || extra.length > 0) return errorAnswer(GraphErrors.notImplemented('GET', request.path));
  if (attachmentId === undefined) return listAttachments(ctx, request, message);
  const attachment = message.attachments.find((candidate) => candidate.id === attachmentId);
  if (attachment === undefined) return errorAnswer(GraphErrors.itemNotFound());
  if (value === '$value') {
    // attachment-get: $value gives the raw bytes with the attachment's content type.
    return { kind: 'raw', contentType: attachment.contentType, body: Buffer.from(attachment.contentBytes, 'base64') };
  }
  if (value !== undefined) return errorAnswer(GraphErrors.notImplemented('GET', request.path));
  const selected = attachmentSelect(request.query);
  if ('error' in selected) return errorAnswer(selected.error);
  return {
    kind: 'json',
    body: {
      '@odata.context': `${contextBase(ctx, request)}/messages('${encodeURIComponent(visibleId(message, request.view))}')/attachments/$entity`,
      ...attachmentResource(attachment, selected.names),
    },
  };
};

const messageBody = (
  ctx: EmulatorContext,
  request: OpenedRequest,
  message: FolderMessage,
  select?: string[],
): Json => ({
  '@odata.context': `${contextBase(ctx, request)}/messages${select === undefined ? '' : `(${select.join(',')})`}/$entity`,
  ...projectMessage(receivedMessage(message, request.view), select),
});

const getMessage = (ctx: EmulatorContext, request: OpenedRequest, message: FolderMessage): Answer => {
  const parsed = parseODataQuery(request.query, {
    type: 'message',
    selectable: SELECTABLE_MESSAGE_PROPERTIES,
    paging: false,
  });
  if (!parsed.ok)
    return 'error' in parsed
      ? errorAnswer(parsed.error)
      : errorAnswer(GraphErrors.notImplemented('GET', `${request.path}?${parsed.unsupported}`));
  return {
    kind: 'json',
    body: messageBody(ctx, request, message, parsed.query.select),
    headers: request.preferenceHeaders,
  };
};

/** PATCH: only `isRead`; it journals an `updated` change (not seen by `created` subscriptions). */
const patchMessage = (ctx: EmulatorContext, request: OpenedRequest, message: FolderMessage): Answer => {
  const read = readJsonObjectBody(request.mediaType, request.body);
  if (!read.ok) return errorAnswer(read.error);
  for (const [name, value] of Object.entries(read.value)) {
    if (name !== 'isRead') return errorAnswer(InboundErrors.readOnlyProperty(name));
    if (typeof value !== 'boolean')
      return errorAnswer(
        GraphErrors.requestBodyRead(
          `Cannot convert the literal '${String(value)}' to the expected type 'Edm.Boolean'.`,
        ),
      );
  }
  const isRead = read.value.isRead as boolean | undefined;
  const updated = ctx.mail.update(
    request.mailbox.userPrincipalName,
    message.immutableId,
    isRead === undefined ? {} : { isRead },
    ctx.now(),
  );
  if (updated === undefined) return errorAnswer(GraphErrors.itemNotFound());
  return { kind: 'json', body: messageBody(ctx, request, updated), headers: request.preferenceHeaders };
};

/** POST move `{ destinationId }`: 201 with the message in its new folder, under a new id unless ImmutableId. */
const moveMessage = (ctx: EmulatorContext, request: OpenedRequest, message: FolderMessage): Answer => {
  const read = readJsonObjectBody(request.mediaType, request.body);
  if (!read.ok) return errorAnswer(read.error);
  const destination = read.value.destinationId ?? read.value.DestinationId;
  if (typeof destination !== 'string' || destination === '')
    return errorAnswer(GraphErrors.requestBodyRead("The parameter 'DestinationId' in the request payload is missing."));
  const folder = resolveFolder(ctx, request.mailbox, destination);
  if (folder.kind === 'malformed') return errorAnswer(GraphErrors.invalidIdMalformed());
  if (folder.kind === 'not-found') return errorAnswer(GraphErrors.itemNotFound());
  const moved = ctx.mail.move(request.mailbox.userPrincipalName, message.immutableId, folder.folder.id, ctx.now());
  if (moved === undefined) return errorAnswer(GraphErrors.itemNotFound());
  return { kind: 'created', body: messageBody(ctx, request, moved), headers: request.preferenceHeaders };
};

type AttachmentSelect =
  { names: string[] | undefined } | { error: ReturnType<typeof InboundErrors.attachmentPropertyNotFound> };

/** $select on attachments: base properties bare, fileAttachment's own only with the type cast. */
const attachmentSelect = (query: URLSearchParams): AttachmentSelect => {
  const text = query.get('$select');
  if (text === null) return { names: undefined };
  const names: string[] = [];
  for (const raw of text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    const lower = raw.toLowerCase();
    const cast = lower.startsWith(FILE_CAST) ? lower.slice(FILE_CAST.length) : undefined;
    const base = ATTACHMENT_BASE.find((name) => name.toLowerCase() === (cast ?? lower));
    const own = cast === undefined ? undefined : FILE_ATTACHMENT_OWN.find((name) => name.toLowerCase() === cast);
    const name = base ?? own;
    if (name === undefined) return { error: InboundErrors.attachmentPropertyNotFound(raw) };
    names.push(name);
  }
  return { names };
};

const attachmentResource = (attachment: ReceivedAttachment, names: string[] | undefined): Json => {
  const full: Json = {
    id: attachment.id,
    lastModifiedDateTime: attachment.lastModifiedDateTime.replace(/\.\d{3}Z$/, 'Z'),
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.size,
    isInline: attachment.isInline,
    contentId: attachment.contentId ?? null,
    contentLocation: null,
    contentBytes: attachment.contentBytes,
  };
  const item: Json = { '@odata.type': '#microsoft.graph.fileAttachment' };
  if (names === undefined) item['@odata.mediaContentType'] = attachment.contentType;
  for (const name of names === undefined ? Object.keys(full) : ['id', ...names.filter((n) => n !== 'id')])
    item[name] = full[name];
  return item;
};

const listAttachments = (ctx: EmulatorContext, request: OpenedRequest, message: FolderMessage): Answer => {
  const selected = attachmentSelect(request.query);
  if ('error' in selected) return errorAnswer(selected.error);
  return {
    kind: 'json',
    body: {
      '@odata.context': `${contextBase(ctx, request)}/messages('${encodeURIComponent(visibleId(message, request.view))}')/attachments`,
      value: message.attachments.map((attachment) => attachmentResource(attachment, selected.names)),
    },
  };
};

import { acceptSend } from './accept-send';
import type { EmulatorContext } from './context';
import { type Draft, draftsOf } from './draft-store';
import type { GraphCaller } from './graph-auth';
import { type GraphError, GraphErrors } from './graph-errors';
import { graphMessage, internetMessageIdOf, projectMessage } from './graph-message';
import { deliverToEmulatedRecipients, emulatedMailbox } from './inbound-delivery';
import { readJsonObjectBody } from './json-body';
import { findMailFolder } from './mail-folders';
import { openMailbox } from './mailbox-access';
import { checkInternetMessageId, checkRecipients, readAttachments } from './send-mail';
import { checkSendMailBody, normaliseEnums } from './send-mail-schema';
import type { EmulatedMailbox, StoredMailAttachment, StoredMessage } from './types';
import { createUploadSession } from './upload-sessions';

type Json = Record<string, unknown>;

export interface DraftRequest {
  caller: GraphCaller;
  user: string;
  version: string;
  /** Path segments after `/messages`: [], [id, 'attachments'], [id, 'attachments', 'createUploadSession'], [id, 'send']. */
  rest: string[];
  mediaType: string | undefined;
  body: Buffer;
}

export type DraftOutcome =
  | { ok: true; status: 201; body: Json }
  | { ok: true; status: 202 }
  | { ok: false; error: GraphError }
  | { ok: false; unsupported: true };

const fail = (error: GraphError) => ({ ok: false as const, error });
const hasRole = (caller: GraphCaller, role: string) => (caller.roles ?? []).includes(role);
const lower = (value: string | undefined) => value?.toLowerCase();

/** POST under /users/{id}/messages: create a draft, add an attachment, open an upload session, send. */
export const handleDraftPost = async (ctx: EmulatorContext, request: DraftRequest): Promise<DraftOutcome> => {
  const [messageId, action, operation, ...extra] = request.rest;
  const send = ['send', 'microsoft.graph.send'].includes(lower(action) ?? '') && operation === undefined;
  const attachments = lower(action) === 'attachments';
  const upload =
    attachments && ['createuploadsession', 'microsoft.graph.createuploadsession'].includes(lower(operation) ?? '');
  if (extra.length > 0 || (messageId !== undefined && !send && !(attachments && (operation === undefined || upload))))
    return { ok: false, unsupported: true };

  if (!hasRole(request.caller, send ? 'Mail.Send' : 'Mail.ReadWrite')) return fail(GraphErrors.mailAccessDenied());
  const access = openMailbox(ctx, request.caller, request.user);
  if (!access.ok) return access;
  const { mailbox } = access;
  if (messageId === undefined) return createDraft(ctx, mailbox, request);

  const draft = draftsOf(ctx).get(mailbox.userPrincipalName, messageId);
  if (draft === undefined) return fail(GraphErrors.itemNotFound());
  if (send) return sendDraft(ctx, draft);
  const json = readJson(request);
  if (!json.ok) return json;
  if (upload) return createUploadSession(ctx, { mailbox, draft, body: json.value, version: request.version });
  return addAttachment(ctx, mailbox, draft, json.value, request.version);
};

/**
 * `DELETE /users/{id}/messages/{draftId}`: a client cleaning up a draft it could not finish. Only drafts are held
 * here; sent messages live in the mailbox store and are not deleted through this path.
 */
export const deleteDraft = (
  ctx: EmulatorContext,
  request: { caller: DraftRequest['caller']; user: string; rest: string[] },
): { ok: true } | { ok: false; error: GraphError } | { ok: false; unsupported: true } => {
  const [messageId, ...extra] = request.rest;
  if (messageId === undefined || extra.length > 0) return { ok: false, unsupported: true };
  if (!hasRole(request.caller, 'Mail.ReadWrite')) return { ok: false, error: GraphErrors.mailAccessDenied() };
  const access = openMailbox(ctx, request.caller, request.user);
  if (!access.ok) return access;
  const drafts = draftsOf(ctx);
  if (drafts.get(access.mailbox.userPrincipalName, messageId) === undefined)
    return { ok: false, error: GraphErrors.itemNotFound() };
  drafts.remove(messageId);
  return { ok: true };
};

const readJson = (request: DraftRequest) => readJsonObjectBody(request.mediaType, request.body);

const createDraft = (ctx: EmulatorContext, mailbox: EmulatedMailbox, request: DraftRequest): DraftOutcome => {
  const json = readJson(request);
  if (!json.ok) return json;
  const message = structuredClone(json.value);
  normaliseEnums(message);
  // The same message schema sendMail checks its `message` against.
  const check = checkSendMailBody({ message });
  if (!check.ok) return fail(GraphErrors.requestBodyRead(check.message));
  const idError = checkInternetMessageId(message.internetMessageId);
  if (idError !== undefined) return fail(idError);
  const read = readAttachments(message.attachments, '/attachments');
  if (!read.ok) return read;
  const stored = { ...message } as StoredMessage['message'];
  if (read.list !== undefined) stored.attachments = read.list;
  else delete stored.attachments;
  const draft = draftsOf(ctx).create(mailbox.userPrincipalName, stored, ctx.now());
  return { ok: true, status: 201, body: draftResource(ctx, mailbox, draft, request.version) };
};

/** The draft as Graph answers it: a message in Drafts, `isDraft` true, not yet sent. */
export const draftResource = (ctx: EmulatorContext, mailbox: EmulatedMailbox, draft: Draft, version: string): Json => {
  const context = `${ctx.urls.graph}/${version}/$metadata#users('${encodeURIComponent(mailbox.id)}')/messages/$entity`;
  return { '@odata.context': context, ...projectMessage(draftMessage(mailbox, draft), undefined) };
};

/** A draft as Graph's full `message` resource: in Drafts, `isDraft` true, no sentDateTime. */
export const draftMessage = (mailbox: EmulatedMailbox, draft: Draft): Json => {
  const drafts = findMailFolder(mailbox, 'drafts');
  const folderId = drafts.kind === 'found' ? drafts.folder.id : '';
  const asStored: StoredMessage = {
    id: draft.id,
    mailbox: draft.mailbox,
    receivedAt: draft.createdAt,
    message: draft.message,
  };
  return { ...graphMessage(asStored, mailbox, folderId), isDraft: true, isRead: true, sentDateTime: null };
};

const addAttachment = (
  ctx: EmulatorContext,
  mailbox: EmulatedMailbox,
  draft: Draft,
  json: Json,
  version: string,
): DraftOutcome => {
  // The 4 MB request limit (checked before routing) is what keeps these to about 3 MB of content.
  const read = readAttachments([json], '');
  if (!read.ok) return read;
  const [attachment] = read.list ?? [];
  if (attachment === undefined) return fail(GraphErrors.internal());
  draft.message.attachments = [...(draft.message.attachments ?? []), attachment];
  return { ok: true, status: 201, body: attachmentResource(ctx, mailbox, draft, attachment, version) };
};

export const attachmentId = (draft: Draft, index: number): string => `${draft.id}.${index}`;

const attachmentResource = (
  ctx: EmulatorContext,
  mailbox: EmulatedMailbox,
  draft: Draft,
  attachment: StoredMailAttachment,
  version: string,
): Json => {
  const index = (draft.message.attachments ?? []).indexOf(attachment);
  return {
    '@odata.context': `${ctx.urls.graph}/${version}/$metadata#users('${encodeURIComponent(mailbox.id)}')/messages('${draft.id}')/attachments/$entity`,
    '@odata.type': '#microsoft.graph.fileAttachment',
    id: attachmentId(draft, index),
    lastModifiedDateTime: ctx
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z'),
    name: attachment.name,
    contentType: attachment.contentType,
    size: attachment.size,
    isInline: attachment.isInline === true,
    contentId: attachment.contentId ?? null,
    contentLocation: null,
    contentBytes: attachment.contentBytes,
  };
};

const sendDraft = async (ctx: EmulatorContext, draft: Draft): Promise<DraftOutcome> => {
  const recipientError = checkRecipients(draft.message);
  if (recipientError !== undefined) return fail(recipientError);
  // The sent item keeps the Message-ID the draft was created with: what the client read from the create answer.
  const internetMessageId = internetMessageIdOf(draft.id, draft.message, draft.mailbox);
  const accepted = await acceptSend(ctx, {
    mailbox: draft.mailbox,
    internetMessageId,
    store: () => {
      // The hook may have waited while another request sent or deleted the draft.
      const current = draftsOf(ctx).get(draft.mailbox, draft.id);
      if (current === undefined) return { ok: false, error: GraphErrors.itemNotFound() };
      const stored = ctx.store.add({
        mailbox: current.mailbox,
        message: { ...current.message, internetMessageId },
        savedToSentItems: true,
        receivedAt: ctx.now(),
      });
      const sender = emulatedMailbox(ctx, current.mailbox);
      if (sender !== undefined) deliverToEmulatedRecipients(ctx, stored, sender);
      draftsOf(ctx).remove(current.id);
      return { ok: true, internetMessageId };
    },
  });
  return accepted.ok ? { ok: true, status: 202 } : accepted;
};

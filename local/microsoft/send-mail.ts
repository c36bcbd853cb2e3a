import { acceptSend } from './accept-send';
import type { EmulatorContext } from './context';
import type { GraphCaller } from './graph-auth';
import { type GraphError, GraphErrors } from './graph-errors';
import { internetMessageIdOf } from './graph-message';
import { deliverToEmulatedRecipients } from './inbound-delivery';
import { readJsonObjectBody } from './json-body';
import { openMailbox } from './mailbox-access';
import { decodeStrictBase64, parseMimeMessage } from './mime-message';
import { checkFileAttachment, checkSendMailBody, literal, normaliseEnums } from './send-mail-schema';
import type { StoredMailAttachment, StoredMessage } from './types';

/** Graph refuses any request body over 4 MB (fixture `request_too_large`). */
export const GRAPH_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

export interface SendMailRequest {
  caller: GraphCaller;
  /** The `{id | userPrincipalName}` path segment as sent. */
  user: string;
  /** Media type of the request, lower case. */
  mediaType: string | undefined;
  body: Buffer;
}

export type SendMailOutcome = { ok: true } | { ok: false; error: GraphError };

type Json = Record<string, unknown>;
type Parsed =
  { ok: true; message: StoredMessage['message']; saveToSentItems: boolean } | { ok: false; error: GraphError };

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const fail = (error: GraphError) => ({ ok: false as const, error });

// Exchange resolves SMTP addresses; anything that is not one stays unresolved.
const SMTP_ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]+$/;
const FILE_ATTACHMENT = '#microsoft.graph.fileattachment';
const OTHER_ATTACHMENTS = ['#microsoft.graph.itemattachment', '#microsoft.graph.referenceattachment'];

/**
 * POST /users/{id | userPrincipalName}/sendMail: permission, mailbox (and access policy), body, headers,
 * recipients, then the accept step (message-rate limit, hooks) and store.
 */
export const sendMail = async (ctx: EmulatorContext, request: SendMailRequest): Promise<SendMailOutcome> => {
  if (!(request.caller.roles ?? []).includes('Mail.Send')) return fail(GraphErrors.mailAccessDenied());
  const access = openMailbox(ctx, request.caller, request.user);
  if (!access.ok) return access;
  const { mailbox } = access;

  const parsed =
    request.mediaType === 'text/plain' ? parseMime(request.body) : parseJson(request.mediaType, request.body);
  if (!parsed.ok) return parsed;
  const { message } = parsed;

  const headerError =
    checkInternetMessageHeaders(message.internetMessageHeaders) ?? checkInternetMessageId(message.internetMessageId);
  if (headerError !== undefined) return fail(headerError);
  const recipientError = checkRecipients(message);
  if (recipientError !== undefined) return fail(recipientError);

  const upn = mailbox.userPrincipalName;
  return acceptSend(ctx, {
    mailbox: upn,
    internetMessageId: typeof message.internetMessageId === 'string' ? message.internetMessageId : undefined,
    store: () => {
      const stored = ctx.store.add({
        mailbox: upn,
        message,
        savedToSentItems: parsed.saveToSentItems,
        receivedAt: ctx.now(),
      });
      deliverToEmulatedRecipients(ctx, stored, mailbox);
      return { ok: true, internetMessageId: internetMessageIdOf(stored.id, stored.message, upn) };
    },
  });
};

const parseJson = (mediaType: string | undefined, body: Buffer): Parsed => {
  const read = readJsonObjectBody(mediaType, body);
  if (!read.ok) return read;
  const json = read.value;

  // Action parameter names match case-insensitively: the Java SDK sends "Message", the docs "message".
  let message: unknown;
  let saveToSentItems: unknown;
  for (const [key, value] of Object.entries(json)) {
    const name = key.toLowerCase();
    if (name === 'message') message = message ?? value;
    else if (name === 'savetosentitems') saveToSentItems = saveToSentItems ?? value;
    else return fail(GraphErrors.unknownParameter(key, 'sendMail'));
  }
  if (message === undefined || message === null) return fail(GraphErrors.missingMessage());
  // The docs example sends the string "false", which the service accepts.
  if (typeof saveToSentItems === 'string' && /^(true|false)$/i.test(saveToSentItems)) {
    saveToSentItems = saveToSentItems.toLowerCase() === 'true';
  }
  const canonical: Json = { message: structuredClone(message) };
  if (saveToSentItems !== undefined) canonical.saveToSentItems = saveToSentItems;
  if (isObject(canonical.message)) normaliseEnums(canonical.message);

  const check = checkSendMailBody(canonical);
  if (!check.ok) return fail(GraphErrors.requestBodyRead(check.message));
  const validMessage = canonical.message as Json;

  const attachments = readAttachments(validMessage.attachments);
  if (!attachments.ok) return attachments;
  const stored = { ...validMessage } as StoredMessage['message'];
  if (attachments.list !== undefined) stored.attachments = attachments.list;
  return { ok: true, message: stored, saveToSentItems: saveToSentItems !== false };
};

const parseMime = (body: Buffer): Parsed => {
  const raw = decodeStrictBase64(body.toString('utf8'));
  if (raw === undefined) return fail(GraphErrors.mimeInvalidBase64());
  return { ok: true, message: parseMimeMessage(raw), saveToSentItems: true };
};

export type Attachments = { ok: true; list: StoredMailAttachment[] | undefined } | { ok: false; error: GraphError };

/** Reads validated `fileAttachment`s of a message, decoding their bytes; `pointer` names the list in errors. */
export const readAttachments = (value: unknown, pointer = '/message/attachments'): Attachments => {
  if (!Array.isArray(value)) return { ok: true, list: undefined };
  const list: StoredMailAttachment[] = [];
  for (const [index, attachment] of value.entries()) {
    // The schema made each one an object with a string "@odata.type".
    const item = attachment as Json;
    const type = String(item['@odata.type']);
    if (OTHER_ATTACHMENTS.includes(type.toLowerCase())) return fail(GraphErrors.attachmentTypeNotSupported(type));
    if (type.toLowerCase() !== FILE_ATTACHMENT) return fail(GraphErrors.unknownType(type));
    const check = checkFileAttachment(item, `${pointer}/${index}`);
    if (!check.ok) return fail(GraphErrors.requestBodyRead(check.message));
    const contentBytes = typeof item.contentBytes === 'string' ? item.contentBytes : '';
    const decoded = contentBytes === '' ? Buffer.alloc(0) : decodeStrictBase64(contentBytes);
    if (decoded === undefined) {
      return fail(
        GraphErrors.requestBodyRead(
          `Cannot convert the literal '${literal(contentBytes)}' to the expected type 'Edm.Binary'.`,
        ),
      );
    }
    list.push({
      name: typeof item.name === 'string' ? item.name : '',
      contentType:
        typeof item.contentType === 'string' && item.contentType !== '' ? item.contentType : 'application/octet-stream',
      size: decoded.length,
      contentBytes: decoded.toString('base64'),
      ...(item.isInline === true ? { isInline: true } : {}),
      ...(typeof item.contentId === 'string' && item.contentId !== '' ? { contentId: item.contentId } : {}),
    });
  }
  return { ok: true, list };
};

const checkInternetMessageHeaders = (headers: unknown): GraphError | undefined => {
  if (!Array.isArray(headers)) return undefined;
  for (const entry of headers) {
    const name = isObject(entry) && typeof entry.name === 'string' ? entry.name : '';
    if (!name.toLowerCase().startsWith('x-')) return GraphErrors.invalidHeaderName(name);
  }
  return undefined;
};

// msg-id = "<" id-left "@" id-right ">" (RFC 5322 3.6.4), each printable ASCII without "<", ">" and "@".
const MESSAGE_ID = /^<[\x21-\x3b\x3d\x3f\x41-\x7e]+@[\x21-\x3b\x3d\x3f\x41-\x7e]+>$/;

/** A client-supplied internetMessageId (kept by Exchange) must be a Message-ID; null or absent lets Exchange make one. */
export const checkInternetMessageId = (value: unknown): GraphError | undefined => {
  if (typeof value !== 'string' || MESSAGE_ID.test(value)) return undefined;
  return GraphErrors.invalidInternetMessageId(literal(value));
};

export const checkRecipients = (message: StoredMessage['message']): GraphError | undefined => {
  const all = [
    ...(message.toRecipients ?? []),
    ...(message.ccRecipients ?? []),
    ...(message.bccRecipients ?? []),
  ] as unknown[];
  if (all.length === 0) return GraphErrors.noRecipients();
  for (const recipient of all) {
    const emailAddress = isObject(recipient) && isObject(recipient.emailAddress) ? recipient.emailAddress : {};
    const address = typeof emailAddress.address === 'string' ? emailAddress.address.trim() : '';
    if (!SMTP_ADDRESS.test(address)) {
      const shown = address !== '' ? address : typeof emailAddress.name === 'string' ? emailAddress.name : '';
      return GraphErrors.unresolvedRecipient(shown);
    }
  }
  return undefined;
};

import type { IncomingMessage, ServerResponse } from 'node:http';

import type { EmulatorContext } from './context';
import { mediaType, readBody, send, sendJson } from './http-util';
import { MAIL_STYLES, type MailStyle } from './inbound-compose';
import { seedMailbox, type WriteRequest, writeToMailbox } from './inbound-delivery';
import { isJsonObject } from './json-body';

/**
 * POST routes under /mailbox that put mail into emulated mailboxes, for people (the mailbox page's forms) and for
 * tests (JSON). Loopback only, like the whole emulator; no auth, as nothing here is Graph.
 *
 * JSON seam (answers JSON; 400 `{ error }` when refused):
 * - `POST /mailbox/api/deliver` `{ mailbox?, style?, fromName?, fromAddress?, cc?, subject?, text, attachments?,
 *   replyTo?, receivedDateTime?, headers? }` → 201 `{ mailbox, id, immutableId, internetMessageId, conversationId }`.
 *   `replyTo` is a sent message's id (as `sentMessages()` lists it); the reply then goes to that message's mailbox
 *   from its first recipient, Outlook-style unless `style` says `gmail-reply`, `auto-reply` or `dsn`. `style`
 *   `bulk` adds Precedence: bulk. `attachments`: `[{ name, contentType, contentBytes (base64), isInline?,
 *   contentId? }]`. `headers`: `[{ name, value }]` after the style's own. A `cc` that is another emulated mailbox gets
 *   a copy (same Message-ID), as Exchange delivers to each recipient.
 * - `POST /mailbox/api/seed` `{ mailbox, count, newest (ISO), stepSeconds? (60), isRead? }` → 201 `{ count }`:
 *   `count` old messages in the Inbox, the newest at `newest`, each `stepSeconds` older than the next.
 * - `POST /mailbox/api/delta-tokens/expire` → 204: every delta and skip token given so far answers 410.
 * - `POST /mailbox/api/notifications` `{ paused: boolean }` → 204: change notifications held (not sent) while paused.
 *
 * Forms (answer 303 to the mailbox page): `POST /mailbox/write`, `POST /mailbox/messages/{id}/reply` and
 * `POST /mailbox/notifications` (`paused=true|false`).
 */
export const handleInboundPost = async (
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  rest: string[],
): Promise<void> => {
  const body = await readBody(req, 8 * 1024 * 1024);
  const [first, second, third] = rest;
  if (body.tooLarge) {
    sendJson(res, 413, { 'Content-Type': 'application/json' }, { error: 'Body over 8 MB.' });
    return;
  }
  if (first === 'api') {
    answerApi(ctx, res, [second, third], mediaType(req), body.body);
    return;
  }
  if (first === 'notifications' && rest.length === 1) {
    const form = await readForm(req, body.body);
    const paused = form?.get('paused');
    if (paused === 'true' || paused === 'false') ctx.inbound.setNotificationsPaused(paused === 'true');
    send(res, 303, { Location: `${ctx.urls.graph}/mailbox#subscriptions` }, undefined);
    return;
  }
  const isWrite = first === 'write' && rest.length === 1;
  const isReply = first === 'messages' && second !== undefined && third === 'reply' && rest.length === 3;
  if (!isWrite && !isReply) {
    send(res, 404, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Not Found');
    return;
  }
  const form = await readForm(req, body.body);
  const request = form === undefined ? undefined : await formRequest(form, isReply ? second : undefined);
  const outcome =
    request === undefined ? { ok: false as const, reason: 'Unreadable form.' } : writeToMailbox(ctx, request);
  const query = outcome.ok
    ? `delivered=${encodeURIComponent(outcome.message.id)}`
    : `error=${encodeURIComponent(outcome.reason)}`;
  send(res, 303, { Location: `${ctx.urls.graph}/mailbox?${query}` }, undefined);
};

const fail = (res: ServerResponse, message: string) =>
  sendJson(res, 400, { 'Content-Type': 'application/json' }, { error: message });

const answerApi = (
  ctx: EmulatorContext,
  res: ServerResponse,
  [action, detail]: (string | undefined)[],
  type: string | undefined,
  raw: Buffer,
): void => {
  let json: unknown;
  try {
    json = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
  } catch {
    json = undefined;
  }
  if (raw.length > 0 && type !== 'application/json') return fail(res, 'Send application/json.');
  if (!isJsonObject(json)) return fail(res, 'The body must be a JSON object.');
  if (action === 'deliver' && detail === undefined) {
    if (typeof json.text !== 'string') return fail(res, 'text (a string) is required.');
    const outcome = writeToMailbox(ctx, json as unknown as WriteRequest);
    if (!outcome.ok) return fail(res, outcome.reason);
    const { message } = outcome;
    sendJson(
      res,
      201,
      { 'Content-Type': 'application/json' },
      {
        mailbox: outcome.mailbox,
        id: message.id,
        immutableId: message.immutableId,
        internetMessageId: message.internetMessageId,
        conversationId: message.conversationId,
      },
    );
    return;
  }
  if (action === 'seed' && detail === undefined) {
    const { mailbox, count, newest, stepSeconds, isRead } = json;
    if (typeof mailbox !== 'string' || typeof count !== 'number' || typeof newest !== 'string')
      return fail(res, 'mailbox, count and newest are required.');
    const outcome = seedMailbox(ctx, {
      mailbox,
      count,
      newest,
      ...(typeof stepSeconds === 'number' ? { stepSeconds } : {}),
      ...(typeof isRead === 'boolean' ? { isRead } : {}),
    });
    if (!outcome.ok) return fail(res, outcome.reason);
    sendJson(res, 201, { 'Content-Type': 'application/json' }, { count });
    return;
  }
  if (action === 'delta-tokens' && detail === 'expire') {
    ctx.inbound.expireDeltaTokens();
    send(res, 204, {}, undefined);
    return;
  }
  if (action === 'notifications' && detail === undefined && typeof json.paused === 'boolean') {
    ctx.inbound.setNotificationsPaused(json.paused);
    send(res, 204, {}, undefined);
    return;
  }
  send(res, 404, { 'Content-Type': 'application/json' }, JSON.stringify({ error: 'No such seam.' }));
};

const readForm = async (req: IncomingMessage, raw: Buffer): Promise<FormData | undefined> => {
  const contentType = req.headers['content-type'] ?? '';
  try {
    // undici's multipart and urlencoded parser, as fetch gives it.
    return await new Response(new Uint8Array(raw), { headers: { 'Content-Type': contentType } }).formData();
  } catch {
    return undefined;
  }
};

const text = (form: FormData, name: string): string | undefined => {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};

const formRequest = async (form: FormData, replyTo: string | undefined): Promise<WriteRequest> => {
  const style = text(form, 'style');
  const file = form.get('attachment');
  const attachments =
    file !== null && typeof file !== 'string' && file.size > 0
      ? [
          {
            name: file.name,
            contentType: file.type === '' ? 'application/octet-stream' : file.type,
            contentBytes: Buffer.from(await file.arrayBuffer()).toString('base64'),
          },
        ]
      : undefined;
  const optional = (name: keyof WriteRequest, value: string | undefined) =>
    value === undefined ? {} : { [name]: value };
  return {
    text: (form.get('text') as string | null) ?? '',
    ...optional('mailbox', text(form, 'mailbox')),
    ...optional('fromName', text(form, 'fromName')),
    ...optional('fromAddress', text(form, 'fromAddress')),
    ...optional('subject', text(form, 'subject')),
    ...(style !== undefined && MAIL_STYLES.includes(style as MailStyle) ? { style: style as MailStyle } : {}),
    ...(replyTo === undefined ? {} : { replyTo }),
    ...(attachments === undefined ? {} : { attachments }),
  };
};

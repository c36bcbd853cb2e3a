import type { IncomingMessage, ServerResponse } from 'node:http';

import { z } from 'zod';

import { readBodyWithin, writeResponse } from '../shared/http-kit';
import type { GmailDeliverOutcome, GmailDeliverRequest } from './gmail-inbound';

export interface GmailSeamContext {
  deliver: (request: GmailDeliverRequest) => Promise<GmailDeliverOutcome>;
  expireHistory: (address: string) => void;
}

const MAX_BODY = 8 * 1024 * 1024;

const deliverSchema = z
  .object({
    mailbox: z.string().min(1).optional(),
    raw: z.string().min(1).optional(),
    replyTo: z.string().min(1).optional(),
    fromAddress: z.string().min(1).optional(),
    fromName: z.string().optional(),
    subject: z.string().optional(),
    text: z.string().optional(),
    html: z.string().optional(),
    headers: z.array(z.object({ name: z.string().min(1), value: z.string() }).strict()).optional(),
    attachments: z
      .array(
        z
          .object({
            filename: z.string().min(1),
            contentType: z.string().min(1),
            contentBase64: z.string(),
            cid: z.string().min(1).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

const deliverRequest = (body: Record<string, unknown>): GmailDeliverRequest | string => {
  const parsed = deliverSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`;
};

const json = (res: ServerResponse, status: number, value: unknown): void =>
  writeResponse(res, status, { 'Content-Type': 'application/json; charset=utf-8' }, `${JSON.stringify(value)}\n`);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const parse = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * POST routes that put mail into emulated mailboxes, for tests (JSON) and the mailbox page (a form), mirroring
 * local/microsoft/inbound-seam.ts. Loopback only, like the whole emulator; no auth, as nothing here is Gmail's.
 * - `POST /mailbox/api/deliver` `{ mailbox?, raw? | replyTo?, fromAddress?, fromName?, subject?, text?, html?,
 *   headers?, attachments? }` → 201 `{ mailbox, id, threadId, historyId, internetMessageId }`, 400 `{ error }`.
 * - `POST /mailbox/api/history/expire` `{ mailbox }` → 204: its history ids so far answer 404.
 * - `POST /mailbox/{address}/messages/{id}/reply` (form: `text`, `fromAddress?`) → 303 to the mailbox page.
 * - `POST /mailbox/{address}/deliver` (form: `raw`, a whole RFC 822 message as text) → 303 to the mailbox page.
 */
export const handleGmailSeam = async (
  context: GmailSeamContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> => {
  if (req.method !== 'POST') return false;
  const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
  const form = /^\/mailbox\/([^/]+)\/messages\/([0-9a-f]+)\/reply$/.exec(path);
  const api = path === '/mailbox/api/deliver' || path === '/mailbox/api/history/expire';
  // `/mailbox/api/deliver` would match the form's path too.
  const rawForm = api ? null : /^\/mailbox\/([^/]+)\/deliver$/.exec(path);
  if (!api && form === null && rawForm === null) return false;
  const read = await readBodyWithin(req, MAX_BODY);
  if (read.tooLarge) {
    json(res, 413, { error: 'Body over 8 MB.' });
    return true;
  }
  const page = form ?? rawForm;
  if (page !== null) {
    const fields = new URLSearchParams(read.body.toString('utf8'));
    const fromAddress = fields.get('fromAddress') ?? '';
    // A pasted message keeps its bytes; browsers send textarea line breaks as CRLF already.
    const outcome = await context.deliver(
      form === null
        ? {
            mailbox: decodeURIComponent(page[1] ?? ''),
            raw: Buffer.from(fields.get('raw') ?? '', 'utf8').toString('base64'),
          }
        : { replyTo: form[2] ?? '', text: fields.get('text') ?? '', ...(fromAddress === '' ? {} : { fromAddress }) },
    );
    const back = `/mailbox/${page[1] ?? ''}`;
    const query = outcome.ok ? `delivered=${outcome.message.id}` : `error=${encodeURIComponent(outcome.reason)}`;
    writeResponse(res, 303, { Location: `${back}?${query}` }, undefined);
    return true;
  }
  const body = parse(read.body);
  if (!isObject(body)) {
    json(res, 400, { error: 'The body must be a JSON object.' });
    return true;
  }
  if (path === '/mailbox/api/history/expire') {
    if (typeof body['mailbox'] !== 'string') json(res, 400, { error: 'mailbox (a string) is required.' });
    else {
      context.expireHistory(body['mailbox']);
      writeResponse(res, 204, {}, undefined);
    }
    return true;
  }
  const request = deliverRequest(body);
  if (typeof request === 'string') {
    json(res, 400, { error: request });
    return true;
  }
  const outcome = await context.deliver(request);
  if (!outcome.ok) json(res, 400, { error: outcome.reason });
  else
    json(res, 201, {
      mailbox: outcome.mailbox,
      id: outcome.message.id,
      threadId: outcome.message.threadId,
      historyId: outcome.message.historyId,
      internetMessageId: outcome.message.parsed.messageId ?? null,
    });
  return true;
};

import MailComposer from 'nodemailer/lib/mail-composer';
import type { Address } from 'postal-mime';

import type { GmailMailboxes, StoredGmailMessage } from './gmail-mailboxes';

/**
 * Mail arriving in an emulated Workspace mailbox, as local/microsoft/inbound-delivery.ts does for Exchange: either
 * raw RFC 822 bytes as they are, or a reply written to a message the emulator sent (from its first recipient unless
 * `fromAddress` says otherwise, `Re:` subject, In-Reply-To and References naming it, as a mail client answers,
 * RFC 5322 section 3.6.4). MIME is built by nodemailer's MailComposer (https://nodemailer.com/extras/mailcomposer/).
 */
export interface GmailDeliverRequest {
  /** The receiving mailbox; for a reply, the sent message's mailbox when left out. */
  mailbox?: string;
  /** The whole message, base64 (standard or url-safe); used as it is. */
  raw?: string;
  /** Id of a message in a mailbox (usually one the app sent) this answers. */
  replyTo?: string;
  fromAddress?: string;
  fromName?: string;
  subject?: string;
  text?: string;
  html?: string;
  /** Headers besides the composed ones, e.g. `Auto-Submitted: auto-replied`. */
  headers?: Array<{ name: string; value: string }>;
  attachments?: Array<{ filename: string; contentType: string; contentBase64: string; cid?: string }>;
}

export type GmailDeliverOutcome =
  { ok: true; mailbox: string; message: StoredGmailMessage } | { ok: false; reason: string };

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
let replies = 0;

const composeReply = async (
  original: StoredGmailMessage,
  mailbox: string,
  request: GmailDeliverRequest,
  now: Date,
): Promise<Buffer | string> => {
  const firstTo = original.parsed.to?.find((entry) => entry.address !== undefined);
  const fromAddress = (request.fromAddress ?? firstTo?.address ?? '').trim();
  if (!ADDRESS.test(fromAddress)) return 'A sender address is needed.';
  const fromName = request.fromName ?? (request.fromAddress === undefined ? firstTo?.name : undefined) ?? '';
  const parentId = original.parsed.messageId;
  const references = [...(original.parsed.references ?? '').split(/\s+/), parentId ?? ''].filter((id) => id !== '');
  replies += 1;
  const domain = fromAddress.split('@')[1] ?? 'example.com';
  const subject = original.parsed.subject ?? '';
  const composer = new MailComposer({
    from: fromName === '' ? fromAddress : { name: fromName, address: fromAddress },
    to: mailbox,
    subject: request.subject ?? (/^re:/i.test(subject) ? subject : `Re: ${subject}`),
    text: request.text ?? '',
    ...(request.html === undefined ? {} : { html: request.html }),
    messageId: `<reply-${now.getTime()}-${replies}@${domain}>`,
    date: now,
    ...(parentId === undefined ? {} : { inReplyTo: parentId, references }),
    headers: (request.headers ?? []).map((header) => ({ key: header.name, value: header.value })),
    attachments: (request.attachments ?? []).map((file) => ({
      filename: file.filename,
      contentType: file.contentType,
      content: Buffer.from(file.contentBase64, 'base64'),
      ...(file.cid === undefined ? {} : { cid: file.cid }),
    })),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
};

/** Puts a message into a mailbox's INBOX (UNREAD): a history record, and a thread if it answers one. */
export const deliverGmail = async (
  mailboxes: GmailMailboxes,
  known: (address: string) => boolean,
  request: GmailDeliverRequest,
  now: Date,
): Promise<GmailDeliverOutcome> => {
  const original = request.replyTo === undefined ? undefined : mailboxes.findAnywhere(request.replyTo);
  if (request.replyTo !== undefined && original === undefined) return { ok: false, reason: 'No message has that id.' };
  const mailbox = (request.mailbox ?? original?.address ?? '').trim().toLowerCase();
  if (!known(mailbox)) return { ok: false, reason: `No Workspace user '${mailbox.slice(0, 100)}'.` };
  let raw: Buffer | string;
  if (request.raw !== undefined) raw = Buffer.from(request.raw, 'base64');
  else if (original !== undefined) raw = await composeReply(original.message, mailbox, request, now);
  else return { ok: false, reason: 'Give raw (the message, base64) or replyTo (a message id).' };
  if (typeof raw === 'string') return { ok: false, reason: raw };
  if (raw.byteLength === 0) return { ok: false, reason: 'raw is empty.' };
  return { ok: true, mailbox, message: await mailboxes.deliver(mailbox, raw, now.getTime()) };
};

const addressesOf = (list: Address[] | undefined): string[] =>
  (list ?? []).flatMap((entry) => (entry.group === undefined ? [entry] : entry.group)).map((one) => one.address);

/** The header section without its Bcc lines (folded continuations included). */
const withoutBcc = (raw: Buffer): Buffer => {
  const text = raw.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  if (end < 0) return raw;
  const head = text.slice(0, end).replace(/^bcc:.*(\r?\n[ \t].*)*(\r?\n|$)/gim, '');
  return Buffer.from(head + text.slice(end), 'latin1');
};

/**
 * Mail a user sent to other users of the Workspace arrives in their INBOX too (To, Cc and Bcc, each once), so the
 * app's own mail can come back as incoming mail. Gmail delivers to Bcc recipients without showing the Bcc header
 * (docs/vendor-facts/google-workspace.md 4.3).
 */
export const deliverToWorkspaceUsers = async (
  mailboxes: GmailMailboxes,
  isUser: (address: string) => boolean,
  sender: string,
  sent: StoredGmailMessage,
  nowMs: number,
): Promise<void> => {
  const { parsed } = sent;
  const recipients = new Set(
    [...addressesOf(parsed.to), ...addressesOf(parsed.cc), ...addressesOf(parsed.bcc)].map((one) => one.toLowerCase()),
  );
  recipients.delete(sender.toLowerCase());
  const copy = recipients.size === 0 ? sent.raw : withoutBcc(sent.raw);
  for (const recipient of recipients) {
    if (isUser(recipient)) await mailboxes.deliver(recipient, copy, nowMs);
  }
};

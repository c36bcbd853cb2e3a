import type { EmulatorContext } from './context';
import { graphMessage, internetMessageIdOf } from './graph-message';
import {
  type AttachmentInput,
  composeMail,
  type MailStyle,
  type MessageHeader,
  type OriginalMessage,
} from './inbound-compose';
import { mailFolders, SENT_ITEMS } from './mail-folders';
import type { FolderMessage, MailAddress } from './mail-store';
import type { EmulatedMailbox, StoredMessage } from './types';

/** What the mailbox page and the JSON seam ask to deliver. */
export interface WriteRequest {
  /** UPN of the emulated mailbox that receives it; for a reply, the sent message's mailbox when left out. */
  mailbox?: string;
  style?: MailStyle;
  fromName?: string;
  fromAddress?: string;
  cc?: string[];
  subject?: string;
  text: string;
  attachments?: AttachmentInput[];
  /** Id of a sent message (the emulator's Sent Items) this answers. */
  replyTo?: string;
  /** ISO time; now when left out. */
  receivedDateTime?: string;
  /** Headers besides the style's own, last in internetMessageHeaders (e.g. `X-Autoreply: yes`). */
  headers?: MessageHeader[];
}

export type WriteOutcome = { ok: true; message: FolderMessage; mailbox: string } | { ok: false; reason: string };

/** The emulated mailbox (of any tenant) with this address. */
export const emulatedMailbox = (ctx: EmulatorContext, address: string): EmulatedMailbox | undefined =>
  ctx.config.tenants
    .flatMap((tenant) => tenant.mailboxes)
    .find((mailbox) => mailbox.userPrincipalName.toLowerCase() === address.trim().toLowerCase());

export const inboxId = (mailbox: EmulatedMailbox): string =>
  mailFolders(mailbox).find((folder) => folder.wellKnownName === 'inbox')?.id ?? '';

const address = (email: string, name?: string): MailAddress => ({
  emailAddress: name === undefined || name === '' ? { address: email } : { name, address: email },
});

/** A sent message of the emulator as the message a reply quotes. */
const originalOf = (stored: StoredMessage, mailbox: EmulatedMailbox): OriginalMessage => {
  const sentItemsId = mailFolders(mailbox).find((folder) => folder.wellKnownName === SENT_ITEMS)?.id ?? '';
  const full = graphMessage(stored, mailbox, sentItemsId);
  const headers = Array.isArray(stored.message.internetMessageHeaders)
    ? (stored.message.internetMessageHeaders as { name?: string; value?: string }[])
    : [];
  const references = headers.find((header) => header.name?.toLowerCase() === 'references')?.value;
  return {
    internetMessageId: internetMessageIdOf(stored.id, stored.message, mailbox.userPrincipalName),
    ...(references === undefined ? {} : { references }),
    conversationId: String(full.conversationId),
    conversationIndex: String(full.conversationIndex),
    subject: stored.message.subject ?? '',
    from: full.from as MailAddress,
    toRecipients: (stored.message.toRecipients ?? []).map((recipient) =>
      address(recipient.emailAddress.address, recipient.emailAddress.name),
    ),
    sentDateTime: stored.receivedAt,
    body: {
      contentType: stored.message.body?.contentType === 'html' ? 'html' : 'text',
      content: stored.message.body?.content ?? '',
    },
  };
};

/**
 * Delivers written mail to an emulated mailbox's Inbox: new mail, or (with `replyTo`) an answer to a message the
 * emulator sent, from its first recipient unless `fromAddress` says otherwise.
 */
export const writeToMailbox = (ctx: EmulatorContext, request: WriteRequest): WriteOutcome => {
  const sent = request.replyTo === undefined ? undefined : ctx.store.get(request.replyTo);
  if (request.replyTo !== undefined && sent === undefined) return { ok: false, reason: 'No sent message has that id.' };
  const target = request.mailbox ?? sent?.mailbox;
  const mailbox = target === undefined ? undefined : emulatedMailbox(ctx, target);
  if (mailbox === undefined) return { ok: false, reason: `No emulated mailbox '${target ?? ''}'.` };
  const original = sent === undefined ? undefined : originalOf(sent, mailbox);
  const firstRecipient = sent?.message.toRecipients?.[0]?.emailAddress;
  const fromAddress = request.fromAddress ?? firstRecipient?.address;
  if (fromAddress === undefined || !/^[^\s@]+@[^\s@]+$/.test(fromAddress.trim()))
    return { ok: false, reason: 'A sender address is needed.' };
  const style = request.style ?? (sent === undefined ? 'new' : 'outlook-reply');
  if (style !== 'new' && style !== 'bulk' && original === undefined)
    return { ok: false, reason: `A ${style} answers a sent message: give its id.` };
  const fromName = request.fromName ?? (request.fromAddress === undefined ? firstRecipient?.name : undefined);
  const from =
    style === 'dsn'
      ? address(`postmaster@${fromAddress.trim().split('@')[1] ?? 'example.com'}`, 'Mail Delivery System')
      : address(fromAddress.trim(), fromName);
  const mail = composeMail({
    style,
    from,
    to: [address(mailbox.userPrincipalName, mailbox.displayName)],
    ...(request.cc === undefined ? {} : { cc: request.cc.map((cc) => address(cc)) }),
    ...(request.subject === undefined ? {} : { subject: request.subject }),
    text: request.text,
    ...(request.attachments === undefined ? {} : { attachments: request.attachments }),
    ...(original === undefined ? {} : { original }),
    receivedDateTime: request.receivedDateTime ?? ctx.now().toISOString(),
    ...(request.headers === undefined ? {} : { headers: request.headers }),
  });
  const delivered = ctx.mail.deliver(mailbox.userPrincipalName, inboxId(mailbox), mail);
  // Exchange gives every recipient mailbox its own copy of one message, with the same Message-ID: a Cc to another
  // emulated mailbox lands there too (the Cc copy of the duplicate suite).
  for (const cc of new Set((request.cc ?? []).map((one) => one.trim().toLowerCase()))) {
    const copyTo = emulatedMailbox(ctx, cc);
    if (copyTo === undefined || copyTo.userPrincipalName === mailbox.userPrincipalName) continue;
    ctx.mail.deliver(copyTo.userPrincipalName, inboxId(copyTo), mail);
  }
  return { ok: true, message: delivered, mailbox: mailbox.userPrincipalName };
};

export interface SeedRequest {
  mailbox: string;
  count: number;
  /** ISO time of the newest seeded message; the others go back `stepSeconds` each. */
  newest: string;
  stepSeconds?: number;
  isRead?: boolean;
}

/** Fills an Inbox with `count` old messages, oldest first, so "connect without the history" can be tested. */
export const seedMailbox = (ctx: EmulatorContext, request: SeedRequest): WriteOutcome | { ok: true; count: number } => {
  const mailbox = emulatedMailbox(ctx, request.mailbox);
  if (mailbox === undefined) return { ok: false, reason: `No emulated mailbox '${request.mailbox}'.` };
  const newest = Date.parse(request.newest);
  if (!Number.isFinite(newest) || !Number.isSafeInteger(request.count) || request.count < 0)
    return { ok: false, reason: 'count must be a whole number and newest an ISO date-time.' };
  const step = (request.stepSeconds ?? 60) * 1000;
  for (let index = request.count - 1; index >= 0; index -= 1) {
    const mail = composeMail({
      style: 'new',
      from: address(`sender${index % 50}@fabrikam.example`, `Old Sender ${index % 50}`),
      to: [address(mailbox.userPrincipalName, mailbox.displayName)],
      subject: `Old message ${request.count - index}`,
      text: `Seeded message ${request.count - index} of ${request.count}.`,
      receivedDateTime: new Date(newest - index * step).toISOString(),
    });
    ctx.mail.deliver(mailbox.userPrincipalName, inboxId(mailbox), { ...mail, isRead: request.isRead === true });
  }
  return { ok: true, count: request.count };
};

/**
 * sendMail to an emulated mailbox delivers there too (To, Cc and Bcc), with the sender's Message-ID, custom
 * headers and conversation, so mail the app sends to its own mailboxes comes back as it would in Exchange.
 */
export const deliverToEmulatedRecipients = (
  ctx: EmulatorContext,
  stored: StoredMessage,
  sender: EmulatedMailbox,
): void => {
  const { message } = stored;
  const recipients = [
    ...(message.toRecipients ?? []),
    ...(message.ccRecipients ?? []),
    ...(message.bccRecipients ?? []),
  ];
  const original = originalOf(stored, sender);
  const custom = Array.isArray(message.internetMessageHeaders)
    ? (message.internetMessageHeaders as { name: string; value: string }[])
    : [];
  const body = original.body;
  for (const recipient of recipients) {
    const mailbox = emulatedMailbox(ctx, recipient.emailAddress.address);
    if (mailbox === undefined) continue;
    ctx.mail.deliver(mailbox.userPrincipalName, inboxId(mailbox), {
      receivedDateTime: stored.receivedAt,
      sentDateTime: stored.receivedAt,
      internetMessageId: original.internetMessageId,
      conversationId: original.conversationId,
      conversationIndex: original.conversationIndex,
      subject: original.subject,
      from: original.from,
      toRecipients: original.toRecipients,
      ccRecipients: (message.ccRecipients ?? []).map((cc) => address(cc.emailAddress.address, cc.emailAddress.name)),
      body,
      uniqueBody: body,
      internetMessageHeaders: [
        { name: 'Message-ID', value: original.internetMessageId },
        { name: 'Subject', value: original.subject },
        { name: 'Date', value: new Date(stored.receivedAt).toUTCString() },
        ...custom,
      ],
      attachments: (message.attachments ?? []).map((attachment) => ({
        name: attachment.name,
        contentType: attachment.contentType,
        size: attachment.size,
        contentBytes: attachment.contentBytes,
        isInline: attachment.isInline === true,
        ...(attachment.contentId === undefined ? {} : { contentId: attachment.contentId }),
      })),
    });
  }
};

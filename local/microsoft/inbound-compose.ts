import { createHash, randomBytes } from 'node:crypto';

import type { IncomingMail, MailAddress, MailBody } from './mail-store';
import { escapeText } from './received-message';

/**
 * How a written message looks: new mail, a reply as Outlook writes it, a Gmail reply, or the automatic mail the
 * app must ignore (an out-of-office auto-reply, a delivery status notification, bulk mail).
 */
export type MailStyle = 'new' | 'outlook-reply' | 'gmail-reply' | 'auto-reply' | 'dsn' | 'bulk';
export const MAIL_STYLES: readonly MailStyle[] = ['new', 'outlook-reply', 'gmail-reply', 'auto-reply', 'dsn', 'bulk'];

export interface AttachmentInput {
  name: string;
  contentType: string;
  /** Base64. */
  contentBytes: string;
  isInline?: boolean;
  contentId?: string;
}

/** The message a reply answers: what its quoted block and thread headers are made from. */
export interface OriginalMessage {
  internetMessageId: string;
  /** The original's own References, if it had any. */
  references?: string;
  conversationId: string;
  /** Base64 of the original's Thread-Index (conversationIndex). */
  conversationIndex: string;
  subject: string;
  from: MailAddress;
  toRecipients: MailAddress[];
  sentDateTime: string;
  body: MailBody;
}

export interface WriteInput {
  style: MailStyle;
  from: MailAddress;
  to: MailAddress[];
  cc?: MailAddress[];
  subject?: string;
  text: string;
  attachments?: AttachmentInput[];
  /** Needed by every style but `new` and `bulk`. */
  original?: OriginalMessage;
  receivedDateTime: string;
  /** More headers, after the style's own (e.g. `X-Autoreply`, or another Issue Mailer's `x-issue-mailer-*`). */
  headers?: MessageHeader[];
}

export interface MessageHeader {
  name: string;
  value: string;
}

const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest();

/** `Mon, 01 Jun 2030 12:00:00 +0000` (RFC 5322 date-time). */
const rfcDate = (iso: string) => new Date(iso).toUTCString().replace('GMT', '+0000');

/** `Monday, June 1, 2030 12:00 PM`: how Outlook's reply header writes "Sent:". */
const outlookDate = (iso: string) =>
  new Date(iso).toLocaleString('en-US', {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'UTC',
  });

const shown = (address: MailAddress) =>
  address.emailAddress.name === undefined || address.emailAddress.name === ''
    ? address.emailAddress.address
    : `${address.emailAddress.name} <${address.emailAddress.address}>`;

const textToHtml = (text: string) => escapeText(text).replace(/\r?\n/g, '<br>');

const htmlDocument = (inner: string) =>
  `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>${inner}</body></html>`;

/** The original's body as HTML, for quoting. */
const originalHtml = (body: MailBody) =>
  body.contentType === 'html'
    ? body.content.replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<\/body>[\s\S]*$/i, '')
    : `<div>${textToHtml(body.content)}</div>`;

/**
 * Outlook's reply: the new text, then `<hr>` and the `divRplyFwdMsg` block (From, Sent, To, Subject) over the
 * quoted original. Exchange's uniqueBody is the new text only.
 */
const outlookReplyBody = (text: string, original: OriginalMessage): MailBody => ({
  contentType: 'html',
  content: htmlDocument(
    `<div style="font-family: Aptos, Calibri, Helvetica, sans-serif; font-size: 12pt;">${textToHtml(text)}</div>` +
      '<div id="appendonsend"></div>' +
      '<hr style="display:inline-block;width:98%" tabindex="-1">' +
      '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">' +
      `<b>From:</b> ${escapeText(shown(original.from))}<br>` +
      `<b>Sent:</b> ${escapeText(outlookDate(original.sentDateTime))}<br>` +
      `<b>To:</b> ${escapeText(original.toRecipients.map(shown).join('; '))}<br>` +
      `<b>Subject:</b> ${escapeText(original.subject)}</font><div>&nbsp;</div></div>` +
      originalHtml(original.body),
  ),
});

/** Gmail's reply: the new text, then "On … wrote:" and the original in `blockquote.gmail_quote`. */
const gmailReplyBody = (text: string, original: OriginalMessage): MailBody => ({
  contentType: 'html',
  content:
    `<div dir="ltr">${textToHtml(text)}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">` +
    `On ${escapeText(new Date(original.sentDateTime).toUTCString())} ${escapeText(shown(original.from))} wrote:<br></div>` +
    '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">' +
    `${originalHtml(original.body)}</blockquote></div>`,
});

/** A child Thread-Index: the parent's bytes plus five (MS-OXOMSG 2.2.1.3). */
const childIndex = (parent: string) =>
  Buffer.concat([Buffer.from(parent, 'base64'), randomBytes(5)]).toString('base64');

const domainOf = (address: MailAddress) => address.emailAddress.address.split('@')[1] ?? 'example.com';

const DSN_BOUNDARY = 'dsn-boundary-0001';

const subjectFor = (input: WriteInput): string => {
  const originalSubject = input.original?.subject ?? '';
  if (input.subject !== undefined && input.subject !== '') return input.subject;
  if (input.style === 'outlook-reply') return `RE: ${originalSubject}`;
  if (input.style === 'gmail-reply') return `Re: ${originalSubject}`;
  if (input.style === 'auto-reply') return `Automatic reply: ${originalSubject}`;
  if (input.style === 'dsn') return `Undeliverable: ${originalSubject}`;
  return '(no subject)';
};

const bodiesFor = (input: WriteInput): { body: MailBody; uniqueBody: MailBody } => {
  const { original } = input;
  const plain: MailBody = { contentType: 'html', content: htmlDocument(`<div>${textToHtml(input.text)}</div>`) };
  if (original !== undefined && input.style === 'outlook-reply')
    return { body: outlookReplyBody(input.text, original), uniqueBody: plain };
  if (original !== undefined && input.style === 'gmail-reply') {
    // Exchange does not know Gmail's quote: uniqueBody still has it (microsoft-graph-docs-contrib#3728).
    const body = gmailReplyBody(input.text, original);
    return { body, uniqueBody: body };
  }
  return { body: plain, uniqueBody: plain };
};

/** The headers each style carries, as internetMessageHeaders lists them. */
const headersFor = (input: WriteInput, messageId: string, subject: string): MessageHeader[] => {
  const { original } = input;
  const headers = [
    {
      name: 'Received',
      value: `from mail.${domainOf(input.from)} by emulator.outlook.invalid; ${rfcDate(input.receivedDateTime)}`,
    },
    { name: 'From', value: shown(input.from) },
    { name: 'To', value: input.to.map(shown).join(', ') },
    { name: 'Subject', value: subject },
    { name: 'Date', value: rfcDate(input.receivedDateTime) },
    { name: 'Message-ID', value: messageId },
    { name: 'MIME-Version', value: '1.0' },
  ];
  if (input.cc !== undefined && input.cc.length > 0)
    headers.push({ name: 'Cc', value: input.cc.map(shown).join(', ') });
  if (original !== undefined && input.style !== 'new' && input.style !== 'bulk') {
    headers.push({ name: 'In-Reply-To', value: original.internetMessageId });
    const references = [original.references, original.internetMessageId].filter((part) => part !== undefined);
    headers.push({ name: 'References', value: references.join(' ') });
  }
  if (input.style === 'auto-reply') {
    headers.push({ name: 'Auto-Submitted', value: 'auto-replied' }, { name: 'X-Auto-Response-Suppress', value: 'All' });
  }
  if (input.style === 'dsn') {
    headers.push(
      { name: 'Content-Type', value: `multipart/report; report-type=delivery-status; boundary="${DSN_BOUNDARY}"` },
      { name: 'Return-Path', value: '<>' },
      { name: 'Auto-Submitted', value: 'auto-replied' },
    );
  } else {
    headers.push(
      { name: 'Content-Type', value: 'multipart/alternative; boundary="alt-boundary-0001"' },
      { name: 'Return-Path', value: `<${input.from.emailAddress.address}>` },
    );
  }
  if (input.style === 'bulk') {
    headers.push(
      { name: 'Precedence', value: 'bulk' },
      { name: 'List-Unsubscribe', value: `<mailto:unsubscribe@${domainOf(input.from)}>` },
    );
  }
  return [...headers, ...(input.headers ?? [])];
};

/** The delivery-status part of a DSN (RFC 3464), as an attachment. */
const dsnReport = (input: WriteInput): AttachmentInput => {
  const recipient = input.original?.toRecipients[0]?.emailAddress.address ?? input.to[0]?.emailAddress.address ?? '';
  const report = [
    `Reporting-MTA: dns; mail.${domainOf(input.from)}`,
    `Arrival-Date: ${rfcDate(input.receivedDateTime)}`,
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    'Action: failed',
    'Status: 5.1.1',
    `Diagnostic-Code: smtp; 550 5.1.1 <${recipient}>: Recipient address rejected: User unknown`,
    '',
  ].join('\r\n');
  return {
    name: 'details.txt',
    contentType: 'message/delivery-status',
    contentBytes: Buffer.from(report).toString('base64'),
  };
};

/** The message a mailbox receives when `input.from` writes to it in the given style. */
export const composeMail = (input: WriteInput): IncomingMail => {
  const subject = subjectFor(input);
  const messageId = `<${hash('inbound', input.from.emailAddress.address, input.receivedDateTime, randomBytes(8).toString('hex')).toString('hex').slice(0, 24).toUpperCase()}@${domainOf(input.from)}>`;
  const { original } = input;
  const threaded = original !== undefined && input.style !== 'new' && input.style !== 'bulk';
  const conversationId = threaded
    ? original.conversationId
    : `AAQkAG${hash('conversation', messageId).toString('base64url').slice(0, 40)}=`;
  const conversationIndex = threaded
    ? childIndex(original.conversationIndex)
    : hash('conversation-index', messageId).subarray(0, 22).toString('base64');
  const attachments = [...(input.attachments ?? []), ...(input.style === 'dsn' ? [dsnReport(input)] : [])];
  return {
    receivedDateTime: input.receivedDateTime,
    sentDateTime: input.receivedDateTime,
    internetMessageId: messageId,
    conversationId,
    conversationIndex,
    subject,
    from: input.from,
    toRecipients: input.to,
    ...(input.cc === undefined ? {} : { ccRecipients: input.cc }),
    ...bodiesFor(input),
    internetMessageHeaders: headersFor(input, messageId, subject),
    attachments: attachments.map((attachment) => ({
      name: attachment.name,
      contentType: attachment.contentType,
      size: Buffer.from(attachment.contentBytes, 'base64').length,
      contentBytes: attachment.contentBytes,
      isInline: attachment.isInline === true,
      ...(attachment.contentId === undefined ? {} : { contentId: attachment.contentId }),
    })),
  };
};

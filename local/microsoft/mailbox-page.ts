import type { IncomingMessage, ServerResponse } from 'node:http';

import type { EmulatorContext } from './context';
import { FORM_PAGE_CSP, formatBytes, html, page, type SafeHtml, sendPage, shortSize } from './html';
import { requestUrl, send } from './http-util';
import { isInlineImage, rewriteCidReferences } from './inline-images';
import { formNotice, inboxSection, replyForm, subscriptionsSection } from './mailbox-inbox';
import { handleReceivedPage } from './mailbox-received';
import { PORTAL_NAV } from './portal-page';
import type { StoredMailAttachment, StoredMessage } from './types';

type Recipients = StoredMessage['message']['toRecipients'];

/**
 * The framed mail body runs nothing, loads nothing remote, and may only be framed by the mailbox page. Its images
 * are data: URLs and, when it has inline images, those of its own message (`imageSource`), nothing else.
 */
const bodyCsp = (imageSource?: string) =>
  `sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:${imageSource === undefined ? '' : ` ${imageSource}`}; frame-ancestors 'self'`;

const recipients = (list: Recipients): SafeHtml => {
  if (list === undefined || list.length === 0) return html`<span class="muted">-</span>`;
  return html`${list.map(
    (recipient, index) =>
      html`${index > 0 ? ', ' : ''}${recipient.emailAddress?.name ? html`${recipient.emailAddress.name} &lt;${recipient.emailAddress.address}&gt;` : (recipient.emailAddress?.address ?? '')}`,
  )}`;
};

/** To, Cc and Bcc of a message, one labelled line each, for the list. */
const recipientLines = (stored: StoredMessage): SafeHtml => {
  const lines = (
    [
      ['To', stored.message.toRecipients],
      ['Cc', stored.message.ccRecipients],
      ['Bcc', stored.message.bccRecipients],
    ] as const
  ).filter(([, list]) => list !== undefined && list.length > 0);
  return html`${lines.map(([label, list], index) => html`${index > 0 ? html`<br>` : ''}<span class="muted">${label}:</span> ${recipients(list)}`)}`;
};

const sender = (ctx: EmulatorContext, stored: StoredMessage): string => {
  const from = stored.message.from as { emailAddress?: { address?: string; name?: string } } | undefined;
  if (from?.emailAddress?.address)
    return from.emailAddress.name
      ? `${from.emailAddress.name} <${from.emailAddress.address}>`
      : from.emailAddress.address;
  const mailbox = ctx.config.tenants
    .flatMap((tenant) => tenant.mailboxes)
    .find((m) => m.userPrincipalName.toLowerCase() === stored.mailbox.toLowerCase());
  return mailbox === undefined ? stored.mailbox : `${mailbox.displayName} <${mailbox.userPrincipalName}>`;
};

const messageUrl = (ctx: EmulatorContext, id: string) => `${ctx.urls.graph}/mailbox/messages/${encodeURIComponent(id)}`;
const attachmentUrl = (ctx: EmulatorContext, id: string, index: number) =>
  `${messageUrl(ctx, id)}/attachments/${index}`;
/** Where the body's `cid:` images are served; a CSP source for the body as it ends in `/`. */
const inlineImagesUrl = (ctx: EmulatorContext, id: string) => `${messageUrl(ctx, id)}/inline/`;

/** Each attachment of a message as a download link with its type and size, for the list. */
const attachmentList = (ctx: EmulatorContext, stored: StoredMessage): SafeHtml => {
  const attachments = stored.message.attachments ?? [];
  if (attachments.length === 0) return html`<span class="muted">-</span>`;
  return html`<ul class="attachments">${attachments.map(
    (attachment, index) =>
      html`<li><a href="${attachmentUrl(ctx, stored.id, index)}" download="${attachment.name}">${attachment.name || '(unnamed)'}</a> <span class="muted">${attachment.contentType}, ${shortSize(attachment.size)}${attachment.isInline === true ? ', inline' : ''}</span></li>`,
  )}</ul>`;
};

const listPage = (ctx: EmulatorContext, query: URLSearchParams): string => {
  const all = ctx.store.list();
  const known = ctx.config.tenants.flatMap((tenant) => tenant.mailboxes);
  const names = [
    ...new Set([...known.map((m) => m.userPrincipalName.toLowerCase()), ...all.map((m) => m.mailbox.toLowerCase())]),
  ];
  const sections = names.map((name) => {
    const mailbox = known.find((m) => m.userPrincipalName.toLowerCase() === name);
    const messages = all.filter((m) => m.mailbox.toLowerCase() === name).reverse();
    const rows = messages.map(
      (stored) => html`<tr data-message-id="${stored.id}">
<td class="nowrap"><time datetime="${stored.receivedAt}">${stored.receivedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time></td>
<td class="subject"><a href="${messageUrl(ctx, stored.id)}">${stored.message.subject || '(no subject)'}</a></td>
<td>${sender(ctx, stored)}</td>
<td>${recipientLines(stored)}</td>
<td>${attachmentList(ctx, stored)}</td>
<td>${stored.savedToSentItems === false ? html`<span class="badge warn">Not saved</span>` : 'Sent Items'}</td>
<td><a href="${messageUrl(ctx, stored.id)}/reply" aria-label="Reply to ${stored.message.subject || '(no subject)'}">Reply</a></td>
</tr>`,
    );
    return html`<section class="card" id="mailbox-${name}">
<h3>${mailbox?.displayName ?? name} <span class="muted">${name}</span> ${
      mailbox === undefined
        ? ''
        : mailbox.mailboxEnabled
          ? html`<span class="badge ok">Exchange Online</span>`
          : html`<span class="badge warn">Not enabled for REST API</span>`
    }</h3>
${
  rows.length === 0
    ? html`<h4>Sent</h4><p class="muted">No messages sent yet.</p>`
    : html`<h4>Sent</h4><div class="scroll"><table><thead><tr><th>Sent</th><th>Subject</th><th>From</th><th>Recipients</th><th>Attachments</th><th>Folder</th><th><span class="muted">Answer</span></th></tr></thead><tbody>${rows}</tbody></table></div>`
}
${mailbox === undefined || !mailbox.mailboxEnabled ? '' : inboxSection(ctx, mailbox)}
</section>`;
  });
  return page(
    'Mailboxes - Microsoft emulator',
    html`<h1>Mailboxes</h1>
<p class="lead">Mail accepted by Graph sendMail, newest first; mail to these mailboxes also lands in their Inbox, nothing goes further. Write to a mailbox, or reply to a sent message, to deliver mail into it.</p>
${formNotice(query)}
${subscriptionsSection(ctx)}
${sections}`,
    PORTAL_NAV(ctx),
  );
};

const messagePage = (ctx: EmulatorContext, stored: StoredMessage): string => {
  const { message } = stored;
  const isHtml = message.body?.contentType === 'html';
  const headers = Array.isArray(message.internetMessageHeaders)
    ? (message.internetMessageHeaders as { name?: string; value?: string }[]).map(
        (h) => html`<dt>${h.name ?? ''}</dt><dd><code>${h.value ?? ''}</code></dd>`,
      )
    : [];
  const attachments = (message.attachments ?? []).map(
    (attachment, index) => html`<tr>
<td><a href="${attachmentUrl(ctx, stored.id, index)}" download="${attachment.name}">${attachment.name || '(unnamed)'}</a></td>
<td>${attachment.contentType}</td><td>${formatBytes(attachment.size)}</td>
<td>${attachment.isInline === true ? html`inline${attachment.contentId === undefined ? '' : html` <code>cid:${attachment.contentId}</code>`}` : ''}</td></tr>`,
  );
  const body = isHtml
    ? html`<iframe class="mail-body" sandbox="" referrerpolicy="no-referrer" title="Message body" src="${messageUrl(ctx, stored.id)}/body"></iframe>`
    : html`<pre class="mail-body">${message.body?.content ?? ''}</pre>`;
  return page(
    `${message.subject || '(no subject)'} - Microsoft emulator`,
    html`<p><a href="${ctx.urls.graph}/mailbox">&larr; Mailboxes</a></p>
<h1>${message.subject || '(no subject)'}</h1>
<p><a href="${messageUrl(ctx, stored.id)}/reply">Reply</a></p>
<div class="card"><dl class="grid">
<dt>From</dt><dd>${sender(ctx, stored)}</dd>
<dt>To</dt><dd>${recipients(message.toRecipients)}</dd>
<dt>Cc</dt><dd>${recipients(message.ccRecipients)}</dd>
<dt>Bcc</dt><dd>${recipients(message.bccRecipients)}</dd>
${message.replyTo !== undefined && message.replyTo.length > 0 ? html`<dt>Reply-To</dt><dd>${recipients(message.replyTo)}</dd>` : ''}
<dt>Sent</dt><dd><time datetime="${stored.receivedAt}">${stored.receivedAt}</time></dd>
<dt>Mailbox</dt><dd>${stored.mailbox} (${stored.savedToSentItems === false ? 'not saved to Sent Items' : 'Sent Items'})</dd>
${typeof message.importance === 'string' ? html`<dt>Importance</dt><dd>${message.importance}</dd>` : ''}
${headers}
</dl></div>
<h2>Body <span class="muted">(${isHtml ? 'HTML' : 'text'})</span></h2>
${body}
<h2>Attachments (${attachments.length})</h2>
${attachments.length === 0 ? html`<p class="muted">None.</p>` : html`<table><thead><tr><th>Name</th><th>Type</th><th>Size</th><th>Inline</th></tr></thead><tbody>${attachments}</tbody></table>`}`,
    PORTAL_NAV(ctx),
  );
};

const replyPage = (ctx: EmulatorContext, stored: StoredMessage): string =>
  page(
    `Reply to ${stored.message.subject || '(no subject)'} - Microsoft emulator`,
    html`<p><a href="${messageUrl(ctx, stored.id)}">&larr; The message</a></p>
<h1>Reply to ${stored.message.subject || '(no subject)'}</h1>
${replyForm(ctx, stored)}`,
    PORTAL_NAV(ctx),
  );

const SAFE_MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

const contentDisposition = (name: string): string => {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_') || 'attachment';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name || 'attachment')}`;
};

/**
 * The message's body for the sandboxed frame. An HTML body shows its inline images as Outlook does: each `cid:`
 * reference to one becomes the URL this page serves it at, and the CSP lets the frame load only those.
 */
const sendBody = (ctx: EmulatorContext, res: ServerResponse, stored: StoredMessage): void => {
  const content = stored.message.body?.content ?? '';
  const attachments = stored.message.attachments ?? [];
  const isHtml = stored.message.body?.contentType === 'html';
  const imageBase = inlineImagesUrl(ctx, stored.id);
  const document = isHtml
    ? rewriteCidReferences(content, attachments, (at) => `${imageBase}${at}`)
    : html`<pre>${content}</pre>`.value;
  const csp = bodyCsp(isHtml && attachments.some(isInlineImage) ? imageBase : undefined);
  send(
    res,
    200,
    {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
    document,
  );
};

/** An inline image for the body's <img>; opened on its own it shows, as the sandbox lets nothing in it run. */
const sendInlineImage = (res: ServerResponse, image: StoredMailAttachment): void => {
  send(
    res,
    200,
    {
      'Content-Type': image.contentType,
      'Content-Disposition': contentDisposition(image.name).replace(/^attachment/, 'inline'),
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
    Buffer.from(image.contentBytes, 'base64'),
  );
};

/** The mailbox viewer on the Graph listener: /mailbox, /mailbox/messages/{id}[/body | /attachments/{n} | /inline/{n}]. */
export const handleMailboxPages = (
  ctx: EmulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  rest: string[],
): void => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, { Allow: 'GET', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method Not Allowed');
    return;
  }
  if (rest.length === 0) {
    sendPage(res, 200, listPage(ctx, requestUrl(req).searchParams), FORM_PAGE_CSP);
    return;
  }
  const [kind, id, part, index] = rest;
  if (kind === 'received') {
    handleReceivedPage(ctx, res, rest.slice(1));
    return;
  }
  const stored = kind === 'messages' && id !== undefined ? ctx.store.get(id) : undefined;
  if (stored === undefined) {
    sendPage(
      res,
      404,
      page(
        'Not found - Microsoft emulator',
        html`<h1>Message not found</h1><p><a href="${ctx.urls.graph}/mailbox">Mailboxes</a></p>`,
        PORTAL_NAV(ctx),
      ),
    );
    return;
  }
  if (part === undefined && rest.length === 2) {
    sendPage(res, 200, messagePage(ctx, stored));
    return;
  }
  if (part === 'reply' && rest.length === 3) {
    sendPage(res, 200, replyPage(ctx, stored), FORM_PAGE_CSP);
    return;
  }
  if (part === 'body' && rest.length === 3) {
    sendBody(ctx, res, stored);
    return;
  }
  if (part === 'inline' && rest.length === 4 && /^\d+$/.test(index ?? '')) {
    const image = stored.message.attachments?.[Number(index)];
    if (image !== undefined && isInlineImage(image)) {
      sendInlineImage(res, image);
      return;
    }
  }
  const attachment =
    part === 'attachments' && rest.length === 4 && /^\d+$/.test(index ?? '')
      ? stored.message.attachments?.[Number(index)]
      : undefined;
  if (attachment === undefined) {
    sendPage(res, 404, page('Not found - Microsoft emulator', html`<h1>Not found</h1>`, PORTAL_NAV(ctx)));
    return;
  }
  send(
    res,
    200,
    {
      'Content-Type': SAFE_MEDIA_TYPE.test(attachment.contentType)
        ? attachment.contentType
        : 'application/octet-stream',
      'Content-Disposition': contentDisposition(attachment.name),
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
    Buffer.from(attachment.contentBytes, 'base64'),
  );
};

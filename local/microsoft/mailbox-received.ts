import type { ServerResponse } from 'node:http';

import type { EmulatorContext } from './context';
import { html, page, sendPage, shortSize } from './html';
import { send } from './http-util';
import type { FolderMessage } from './mail-store';
import { PORTAL_NAV } from './portal-page';
import { htmlToText } from './received-message';

const receivedUrl = (ctx: EmulatorContext, message: FolderMessage) =>
  `${ctx.urls.graph}/mailbox/received/${encodeURIComponent(message.immutableId)}`;

/** A received message of any emulated mailbox, by its immutable id. */
const findReceived = (ctx: EmulatorContext, id: string): FolderMessage | undefined => {
  for (const mailbox of ctx.config.tenants.flatMap((tenant) => tenant.mailboxes)) {
    const found = ctx.mail.find(mailbox.userPrincipalName, id);
    if (found !== undefined) return found;
  }
  return undefined;
};

/** The link to a received message's page, for the mailbox list. */
export const receivedLink = (ctx: EmulatorContext, message: FolderMessage) =>
  html`<a href="${receivedUrl(ctx, message)}">${message.subject || '(no subject)'}</a>`;

/**
 * /mailbox/received/{immutableId}: a received message with its headers, its body as text (no HTML of a stranger
 * is rendered) and its attachments; /mailbox/received/{id}/attachments/{attachmentId} downloads one.
 */
export const handleReceivedPage = (ctx: EmulatorContext, res: ServerResponse, rest: string[]): void => {
  const [id, part, attachmentId] = rest;
  const message = id === undefined ? undefined : findReceived(ctx, id);
  const attachment =
    part === 'attachments' && rest.length === 3
      ? message?.attachments.find((candidate) => candidate.id === attachmentId)
      : undefined;
  if (attachment !== undefined) {
    send(
      res,
      200,
      {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.name || 'attachment')}`,
        'Content-Security-Policy': "sandbox; default-src 'none'",
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      },
      Buffer.from(attachment.contentBytes, 'base64'),
    );
    return;
  }
  if (message === undefined || rest.length !== 1) {
    sendPage(res, 404, page('Not found - Microsoft emulator', html`<h1>Not found</h1>`, PORTAL_NAV(ctx)));
    return;
  }
  const text = message.body.contentType === 'html' ? htmlToText(message.body.content) : message.body.content;
  const attachments = message.attachments.map(
    (item) =>
      html`<li><a href="${receivedUrl(ctx, message)}/attachments/${encodeURIComponent(item.id)}">${item.name || '(unnamed)'}</a> <span class="muted">${item.contentType}, ${shortSize(item.size)}${item.isInline ? ', inline' : ''}</span></li>`,
  );
  sendPage(
    res,
    200,
    page(
      `${message.subject || '(no subject)'} - Microsoft emulator`,
      html`<p><a href="${ctx.urls.graph}/mailbox">&larr; Mailboxes</a></p>
<h1>${message.subject || '(no subject)'}</h1>
<div class="card"><dl class="grid">
${message.internetMessageHeaders.map((header) => html`<dt>${header.name}</dt><dd><code>${header.value}</code></dd>`)}
<dt>conversationId</dt><dd><code>${message.conversationId}</code></dd>
<dt>State</dt><dd>${message.isRead ? 'Read' : 'Unread'}</dd>
</dl></div>
<h2>Body <span class="muted">(as text)</span></h2>
<pre class="mail-body">${text}</pre>
<h2>Attachments (${String(attachments.length)})</h2>
${attachments.length === 0 ? html`<p class="muted">None.</p>` : html`<ul class="attachments">${attachments}</ul>`}`,
      PORTAL_NAV(ctx),
    ),
  );
};

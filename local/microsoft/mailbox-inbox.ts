import type { EmulatorContext } from './context';
import { allFolders } from './folder-lookup';
import { html, type SafeHtml } from './html';
import type { FolderMessage, MailAddress } from './mail-store';
import { folderResource } from './mailbox-reads';
import { receivedLink } from './mailbox-received';
import type { EmulatedMailbox, StoredMessage } from './types';

/** Received messages the page lists per mailbox, newest first. */
const SHOWN_MESSAGES = 25;

const shownAddress = (address: MailAddress) =>
  address.emailAddress.name === undefined || address.emailAddress.name === ''
    ? address.emailAddress.address
    : `${address.emailAddress.name} <${address.emailAddress.address}>`;

const time = (iso: string) => html`<time datetime="${iso}">${iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}</time>`;

const folderList = (ctx: EmulatorContext, mailbox: EmulatedMailbox, messages: FolderMessage[]): SafeHtml => {
  const folders = allFolders(ctx, mailbox).filter(
    (folder) =>
      folder.wellKnownName === 'inbox' ||
      messages.some((message) => message.folderId === folder.id) ||
      folder.wellKnownName === '',
  );
  return html`<ul class="folders">${folders.map((folder) => {
    const counts = folderResource(ctx, mailbox, folder);
    return html`<li>${folder.displayName} <span class="muted">${String(counts.unreadItemCount)} unread, ${String(counts.totalItemCount)} in all</span></li>`;
  })}</ul>`;
};

const receivedTable = (ctx: EmulatorContext, mailbox: EmulatedMailbox, messages: FolderMessage[]): SafeHtml => {
  if (messages.length === 0) return html`<p class="muted">Nothing received yet.</p>`;
  const names = new Map(allFolders(ctx, mailbox).map((folder) => [folder.id, folder.displayName]));
  const rows = messages
    .slice(-SHOWN_MESSAGES)
    .reverse()
    .map(
      (message) => html`<tr data-received-id="${message.immutableId}">
<td class="nowrap">${time(message.receivedDateTime)}</td>
<td class="subject">${receivedLink(ctx, message)}</td>
<td>${shownAddress(message.from)}</td>
<td>${names.get(message.folderId) ?? ''}</td>
<td>${message.isRead ? 'Read' : html`<span class="badge warn">Unread</span>`}</td>
<td>${message.attachments.length === 0 ? html`<span class="muted">-</span>` : String(message.attachments.length)}</td>
</tr>`,
    );
  return html`<div class="scroll"><table><caption class="muted">Latest ${String(rows.length)} of ${String(messages.length)}</caption><thead><tr><th>Received</th><th>Subject</th><th>From</th><th>Folder</th><th>State</th><th>Attachments</th></tr></thead><tbody>${rows}</tbody></table></div>`;
};

/** "Write to this mailbox": delivers new mail (or bulk mail) to the Inbox, as someone outside would send it. */
const writeForm = (ctx: EmulatorContext, mailbox: EmulatedMailbox): SafeHtml => html`<details class="write">
<summary>Write to this mailbox</summary>
<form method="post" action="${ctx.urls.graph}/mailbox/write" enctype="multipart/form-data" class="mail-form">
<input type="hidden" name="mailbox" value="${mailbox.userPrincipalName}">
<label>From name <input name="fromName" autocomplete="off" value="Alex Wilber"></label>
<label>From address <input name="fromAddress" type="email" required autocomplete="off" value="alex@fabrikam.example"></label>
<label>Subject <input name="subject" autocomplete="off"></label>
<label>Text <textarea name="text" rows="4" required></textarea></label>
<label>Attachment <input type="file" name="attachment"></label>
<label>Kind <select name="style"><option value="new">New mail</option><option value="bulk">Bulk mail (Precedence: bulk)</option></select></label>
<button type="submit">Deliver to Inbox</button>
</form>
</details>`;

/** A mailbox's received mail on the mailbox page: folders with counts, the latest messages, and the write form. */
export const inboxSection = (ctx: EmulatorContext, mailbox: EmulatedMailbox): SafeHtml => {
  const messages = ctx.mail.list(mailbox.userPrincipalName);
  return html`<h4>Received</h4>
${folderList(ctx, mailbox, messages)}
${receivedTable(ctx, mailbox, messages)}
${writeForm(ctx, mailbox)}`;
};

/** The reply form for a sent message: written by its first recipient, Outlook-style unless another kind is chosen. */
export const replyForm = (ctx: EmulatorContext, stored: StoredMessage): SafeHtml => {
  const recipient = stored.message.toRecipients?.[0]?.emailAddress;
  return html`<form method="post" action="${ctx.urls.graph}/mailbox/messages/${encodeURIComponent(stored.id)}/reply" enctype="multipart/form-data" class="mail-form card">
<p>Reply as <strong>${recipient === undefined ? '(no recipient)' : shownAddress({ emailAddress: recipient })}</strong>; it arrives in ${stored.mailbox}'s Inbox with In-Reply-To, References, the conversation and the quoted original.</p>
<label>Your name <input name="fromName" value="${recipient?.name ?? ''}" placeholder="as the customer's mail client shows it"></label>
<label>Text <textarea name="text" rows="5" required></textarea></label>
<label>Attachment <input type="file" name="attachment"></label>
<label>Written as <select name="style">
<option value="outlook-reply">Outlook reply (quoted original under divRplyFwdMsg)</option>
<option value="gmail-reply">Gmail reply (blockquote.gmail_quote)</option>
<option value="auto-reply">Out-of-office auto-reply (Auto-Submitted: auto-replied)</option>
<option value="dsn">Bounce from the postmaster (multipart/report DSN, empty Return-Path)</option>
</select></label>
<button type="submit">Send reply</button>
</form>`;
};

/** The outcome of the last form post, read from the page's query (`delivered` or `error`). */
export const formNotice = (query: URLSearchParams): SafeHtml => {
  const error = query.get('error');
  if (error !== null) return html`<p class="note" role="alert">Not delivered: ${error}</p>`;
  return query.get('delivered') === null ? html`` : html`<p class="note" role="status">Delivered.</p>`;
};

/** Change-notification subscriptions, and the switch that holds their notifications ("notifications switched off"). */
export const subscriptionsSection = (ctx: EmulatorContext): SafeHtml => {
  const paused = ctx.inbound.notifier.isPaused;
  const rows = ctx.inbound.subscriptions.list().map(
    (subscription) => html`<tr data-subscription-id="${subscription.id}">
<td><code>${subscription.id}</code></td>
<td><code>${subscription.resource}</code></td>
<td>${subscription.changeTypes.join(', ')}</td>
<td><code>${subscription.notificationUrl}</code></td>
<td class="nowrap">${time(subscription.expirationDateTime)}</td>
<td>${subscription.lastDelivery === undefined ? html`<span class="muted">-</span>` : html`${subscription.lastDelivery.status} ${time(subscription.lastDelivery.at)}`}</td>
</tr>`,
  );
  return html`<section class="card" id="subscriptions">
<h3>Change notifications ${paused ? html`<span class="badge warn">Switched off</span>` : html`<span class="badge ok">On</span>`}</h3>
${
  rows.length === 0
    ? html`<p class="muted">No subscriptions.</p>`
    : html`<div class="scroll"><table><thead><tr><th>Id</th><th>Resource</th><th>Change types</th><th>Notification URL</th><th>Expires</th><th>Last delivery</th></tr></thead><tbody>${rows}</tbody></table></div>`
}
<form method="post" action="${ctx.urls.graph}/mailbox/notifications" class="mail-form">
<input type="hidden" name="paused" value="${paused ? 'false' : 'true'}">
<button type="submit">${paused ? 'Switch notifications on (send what was held)' : 'Switch notifications off (hold them)'}</button>
</form>
</section>`;
};

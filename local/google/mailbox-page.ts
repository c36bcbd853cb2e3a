import type { IncomingMessage, ServerResponse } from 'node:http';

import { formatBytes, html } from '../shared/html';
import { writeResponse } from '../shared/http-kit';
import type { GmailMailboxes } from './gmail-mailboxes';
import { FORM_PAGE_CSP, googlePage, sendGooglePage } from './google-page';
import type { WorkspaceUser } from './types';

export interface MailboxPageContext {
  users: () => readonly WorkspaceUser[];
  mailboxes: GmailMailboxes;
}

const addresses = (list: ReadonlyArray<{ address?: string | undefined }> | undefined): string =>
  (list ?? []).map((entry) => entry.address ?? '').join(', ');

/** A reply from the sent message's first recipient arrives in this mailbox's INBOX (gmail-seam.ts). */
const replyForm = (address: string, id: string) =>
  html`<form method="post" action="/mailbox/${encodeURIComponent(address)}/messages/${id}/reply"><textarea name="text" rows="2" cols="30" data-testid="reply-text"></textarea> <button type="submit" data-testid="send-reply">Reply</button></form>`;

const MAILBOX = /^\/mailbox\/([^/]+)$/;
const ATTACHMENT = /^\/mailbox\/([^/]+)\/([0-9a-f]+)\/attachments\/(\d+)$/;

/**
 * The emulator's pages (loopback only): `/` lists the Workspace's users, `/mailbox/{address}` a mailbox's messages
 * with their labels and attachments to download, and a form to answer a sent message as its recipient would. Everything shown is escaped. False when the path is not a page.
 */
export const handleMailboxPage = (context: MailboxPageContext, req: IncomingMessage, res: ServerResponse): boolean => {
  if (req.method !== 'GET') return false;
  const path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
  if (path === '/') {
    const rows = context
      .users()
      .map(
        (user) =>
          html`<tr><td><a href="/mailbox/${encodeURIComponent(user.primaryEmail)}">${user.primaryEmail}</a></td><td>${user.name}</td><td>${context.mailboxes.messages(user.primaryEmail).length}</td></tr>`,
      );
    sendGooglePage(
      res,
      200,
      googlePage(
        'Users',
        html`<h1>Users</h1><table><tr><th>Address</th><th>Name</th><th>Messages</th></tr>${rows}</table>`,
      ),
    );
    return true;
  }
  const attachment = ATTACHMENT.exec(path);
  if (attachment !== null) {
    const message = context.mailboxes.find(decodeURIComponent(attachment[1] ?? ''), attachment[2] ?? '');
    const file = message?.parsed.attachments[Number(attachment[3])];
    if (file === undefined) return false;
    const bytes =
      typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(new Uint8Array(file.content));
    writeResponse(
      res,
      200,
      {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename ?? 'attachment')}`,
        'X-Content-Type-Options': 'nosniff',
      },
      bytes,
    );
    return true;
  }
  const mailbox = MAILBOX.exec(path);
  if (mailbox === null) return false;
  const address = decodeURIComponent(mailbox[1] ?? '');
  const rows = [...context.mailboxes.messages(address)]
    .reverse()
    .map(
      (message) =>
        html`<tr><td>${new Date(message.internalDate).toISOString()}</td><td>${addresses(message.parsed.from === undefined ? [] : [message.parsed.from])}</td><td>${addresses(message.parsed.to)}</td><td>${message.parsed.subject ?? ''}</td><td>${message.labelIds.join(' ')}</td><td>${message.parsed.attachments.map(
          (file, index) =>
            html`<a href="/mailbox/${encodeURIComponent(address)}/${message.id}/attachments/${index}">${file.filename ?? 'attachment'}</a> (${formatBytes(typeof file.content === 'string' ? file.content.length : file.content.byteLength)}) `,
        )}</td><td>${message.labelIds.includes('SENT') ? replyForm(address, message.id) : ''}</td></tr>`,
    );
  sendGooglePage(
    res,
    200,
    googlePage(
      address,
      html`<h1>${address}</h1><form method="post" action="/mailbox/${encodeURIComponent(address)}/deliver"><label>Deliver a message (RFC 822, headers, blank line, body) <textarea name="raw" rows="6" cols="80" data-testid="raw-message"></textarea></label> <button type="submit" data-testid="deliver-raw">Deliver to INBOX</button></form><table><tr><th>Date</th><th>From</th><th>To</th><th>Subject</th><th>Labels</th><th>Attachments</th><th>Reply as its recipient</th></tr>${rows}</table>`,
    ),
    FORM_PAGE_CSP,
  );
  return true;
};

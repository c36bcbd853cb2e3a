import type { MailHeader, OutgoingMessage } from '../../../mail-model/outgoing-message';
import { AUTO_SUBMITTED_HEADER } from '../../../shared/app-headers';
import type { MimeMessageInput } from '../gmail/mime-message';

/*
 * RFC 3834's own header: Graph refuses it, so the app sends it as x-issue-mailer-auto-submitted
 * (src/shared/app-headers.ts). A raw RFC 5322 message for Gmail's users.messages.send carries any header
 * (https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/send: the message "in an
 * RFC 2822 formatted" form), so a Gmail message also says it plainly, where auto-responders look for it
 * (https://www.rfc-editor.org/rfc/rfc3834#section-5).
 */
export const RFC3834_AUTO_SUBMITTED = 'Auto-Submitted';

const withPlainAutoSubmitted = (headers: readonly MailHeader[]): MailHeader[] => {
  const ours = headers.find((header) => header.name.toLowerCase() === AUTO_SUBMITTED_HEADER);
  const plain = headers.some((header) => header.name.toLowerCase() === RFC3834_AUTO_SUBMITTED.toLowerCase());
  return ours === undefined || plain ? [...headers] : [...headers, { name: RFC3834_AUTO_SUBMITTED, value: ours.value }];
};

/**
 * The MIME input of an email sent from `mailbox` through Gmail. From is the delegated mailbox itself (the JWT's
 * `sub`): Gmail rewrites any other From to the user's primary address unless it is a verified send-as alias
 * (docs/vendor-facts/google-workspace.md 4.3). No display name: the credential knows none, and Microsoft's path
 * lets Exchange use the mailbox's own, which Gmail does the same way for the address alone. The Message-ID is the
 * app's (replies quote it); recipients, Reply-To, subject, the HTML body, attachments (inline ones by cid) and the
 * app's x- headers go as Microsoft's path sends them. The email has no In-Reply-To or References: the app's emails
 * start threads, they do not answer one.
 */
export const gmailMimeInput = (mailbox: string, message: OutgoingMessage, date: Date): MimeMessageInput => ({
  sender: { address: mailbox },
  message: { ...message, headers: withPlainAutoSubmitted(message.headers ?? []) },
  date,
});

import type { EmailContentView } from '../contract/email-log';
import type { EmailContentStore } from './email-contents';
import type { EmailRecord } from './email-record';
import { ContentMissingError } from './errors';

const REPLY_TO = 'reply-to';

/** Addresses of a Reply-To header the email carried, if it carried one. */
const replyToOf = (headers: ReadonlyArray<{ name: string; value: string }>): string[] =>
  headers
    .filter((header) => header.name.toLowerCase() === REPLY_TO)
    .flatMap((header) => header.value.split(','))
    .map((address) => address.trim())
    .filter((address) => address !== '');

/**
 * The message an email log entry sent (or tried to), from its stored content: gone content (past the log's
 * retention, or forgotten by an older version of the app once sent) is `kept: false`, not an error.
 */
export const contentView = async (
  record: EmailRecord,
  contents: Pick<EmailContentStore, 'read'>,
): Promise<EmailContentView> => {
  if (record.contentChunks === 0) return { kept: false };
  let content;
  try {
    content = await contents.read(record.emailId, record.contentChunks);
  } catch (error) {
    if (error instanceof ContentMissingError) return { kept: false };
    throw error;
  }
  return {
    kept: true,
    subject: content.subject,
    from: record.senderMailbox,
    // The record's lists: the content has the addresses of people whose address Jira hides.
    to: record.to,
    cc: record.cc,
    bccCount: record.bccCount,
    replyTo: replyToOf(content.headers),
    html: content.html,
    attachments: content.attachments
      .filter((attachment) => attachment.contentId === undefined)
      .map((attachment) => attachment.filename),
  };
};

/** Apart from issue-email.ts's schemas, so that the email worker reads it without building them. */

/** Graph's limit for a message with its attachments (upload sessions take up to 150 MB). */
export const MAX_MESSAGE_BYTES = 150 * 1024 * 1024;

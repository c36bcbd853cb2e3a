import EmailReplyParser from 'email-reply-parser';
import { extractFromPlain } from 'planer';

/**
 * Longer text is cut before parsing: the parsers scan line by line with regular expressions, and a Jira comment
 * holds far less (32,767 characters) anyway.
 */
export const MAX_REPLY_SOURCE_CHARS = 200_000;

/**
 * Only the new part of a plain-text reply: planer (text mode) cuts the quoted history, then email-reply-parser
 * (crisp-oss) cuts signatures ("-- ", "Sent from my iPhone", "Best regards", …). Each alone has gaps the other
 * covers (notes/i15/libraries.md: planer keeps signatures; crisp keeps the whole quote under an Outlook
 * `From: Name` header without an address); together they passed talon's 12 standard replies. Note crisp drops
 * every `>`-quoted line, also one quoted inside the new text.
 */
export const extractTextReply = (text: string): string => {
  const source = text.replace(/\r\n?/g, '\n').slice(0, MAX_REPLY_SOURCE_CHARS);
  const withoutQuote = extractFromPlain(source);
  return new EmailReplyParser().parseReply(withoutQuote).trim();
};

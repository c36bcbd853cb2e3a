import EmailReplyParser from 'email-reply-parser';
import { extractFromPlain } from 'planer';

/**
 * Longer text is cut before parsing: the parsers scan line by line with regular expressions, and a Jira comment
 * holds far less (32,767 characters) anyway.
 */
export const MAX_REPLY_SOURCE_CHARS = 200_000;

/**
 * Only the new part of a plain-text reply, by two well-kept parsers: email-reply-parser (crisp-oss) knows many
 * languages' quote headers and cuts signatures ("-- ", "Sent from my iPhone", "Best regards", …); planer (text
 * mode) cuts quoted history crisp misses (an Outlook `From: Name` header without an address, the Russian Android
 * header). notes/i15/libraries.md measured planer then crisp; crisp runs first as well, because planer takes a
 * quote header wrapped onto a `>:` line for quoted text and leaves its first line, which crisp then no longer
 * knows (crisp's Norwegian Gmail fixture). Note crisp drops every `>`-quoted line, also one inside the new text.
 */
export const extractTextReply = (text: string): string => {
  const source = text.replace(/\r\n?/g, '\n').slice(0, MAX_REPLY_SOURCE_CHARS);
  const parser = new EmailReplyParser();
  const lines = parser.parseReply(extractFromPlain(parser.parseReply(source))).split('\n');
  // A separator line the quote header stood under (Outlook's `-----…`, `_____…`) is left at the end.
  while (lines.length > 0 && /^(?:-{3,}|_{3,}|={3,})?$/.test(lines[lines.length - 1]!.trim())) lines.pop();
  return lines.join('\n').trim();
};

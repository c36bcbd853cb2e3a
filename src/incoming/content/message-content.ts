import type { ContentMessage, MessageBody } from '../message';
import type { ContentDoc } from './adf';
import { inlineImageContentIds } from './inline-images';
import { loadHtmlReply } from './load-html-reply';
import { extractTextReply } from './text-reply';
import { textToAdf } from './text-to-adf';

export interface MessageContent {
  /** The new part of the message as ADF, with inline-image placeholders; no content when nothing new is left. */
  doc: ContentDoc;
  format: MessageBody['contentType'];
  /** Which body the content came from: the service's uniqueBody when it left less than the parsers did on the body. */
  source: 'body' | 'uniqueBody';
  /** The `contentId`s (attachments' ids, without `<>`) of the inline images the content shows, in order. */
  inlineImageContentIds: string[];
}

interface Extracted {
  doc: ContentDoc;
  /** The length of what is left, to compare two bodies by. */
  size: number;
}

const extract = async (body: MessageBody): Promise<Extracted> => {
  if (body.contentType === 'html') {
    const reply = (await loadHtmlReply()).extractHtmlReply(body.content);
    return { doc: reply.doc, size: reply.markdown.length };
  }
  const text = extractTextReply(body.content);
  return { doc: textToAdf(text), size: text.length };
};

/**
 * What of one incoming message goes into Jira: only the new part (quoted history and signature removed), as
 * ADF. uniqueBody is a hint only (graph-inbound.md §3: it still holds Gmail's quotes, and signatures): both bodies
 * go through the parsers, and uniqueBody's result wins when it is shorter but not empty, i.e. when Exchange,
 * knowing the thread, cut a quote the parsers did not recognise.
 */
export const extractMessageContent = async (
  message: Pick<ContentMessage, 'body' | 'uniqueBody'>,
): Promise<MessageContent> => {
  const body = await extract(message.body);
  const unique =
    message.uniqueBody === undefined || message.uniqueBody === null || message.uniqueBody.content.trim() === ''
      ? undefined
      : await extract(message.uniqueBody);
  const useUnique = unique !== undefined && unique.size > 0 && unique.size < body.size;
  const chosen = useUnique ? unique : body;
  return {
    doc: chosen.doc,
    format: (useUnique ? message.uniqueBody : message.body)?.contentType ?? message.body.contentType,
    source: useUnique ? 'uniqueBody' : 'body',
    inlineImageContentIds: inlineImageContentIds(chosen.doc),
  };
};

import { formatDateTime } from '../../shared/format-dates';
import type { ContentMessage } from '../message';
import type { AdfNode } from './adf';

/** A display name longer than this is cut: it is only a label, and a sender chooses it freely. */
const MAX_NAME_CHARS = 200;

export interface AuthorHeadingOptions {
  /** The IANA time zone the date is written in; UTC unless the site's is known. */
  timeZone?: string;
}

const clean = (value: string | null | undefined): string =>
  (value ?? '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .slice(0, MAX_NAME_CHARS);

/**
 * The line a comment or description made from a mail starts with, saying who wrote it and when:
 * "**Anna Schmidt** <anna@example.com> wrote on 6 Dec 2026, 18:20 UTC:". The address is a mailto link; the date is
 * when it was sent (received when the service gives no sent time). Plain ADF text: nothing the sender chose is markup.
 */
export const authorHeading = (
  message: Pick<ContentMessage, 'from' | 'sentDateTime' | 'receivedDateTime'>,
  options: AuthorHeadingOptions = {},
): AdfNode => {
  const name = clean(message.from?.name);
  const address = clean(message.from?.address);
  const when = message.sentDateTime ?? message.receivedDateTime;
  const who: AdfNode[] = [];
  if (name !== '' && name.toLowerCase() !== address.toLowerCase()) {
    who.push({ type: 'text', text: name, marks: [{ type: 'strong' }] }, { type: 'text', text: ' <' });
  } else who.push({ type: 'text', text: '<' });
  who.push(
    address === ''
      ? { type: 'text', text: 'unknown sender' }
      : { type: 'text', text: address, marks: [{ type: 'link', attrs: { href: `mailto:${address}` } }] },
    { type: 'text', text: '>' },
  );
  const date = when === undefined || when === null ? '' : ` on ${formatDateTime(when, options.timeZone ?? 'UTC')}`;
  return { type: 'paragraph', content: [...who, { type: 'text', text: ` wrote${date}:` }] };
};

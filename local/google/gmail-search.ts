import type { MailboxLabels } from './gmail-labels';
import type { StoredGmailMessage } from './gmail-mailboxes';

/*
 * The part of Gmail's search syntax (https://support.google.com/mail/answer/7190) users.messages.list's `q` takes
 * here ("Supports the same query format as the Gmail search box. For example, "from:someuser@example.com
 * rfc822msgid:<somemsgid@example.com> is:unread"",
 * https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/list): rfc822msgid:, label:,
 * in:, is:unread / is:read, from:, after:<epoch seconds> (the guide's "pass the value in seconds instead",
 * https://developers.google.com/workspace/gmail/api/guides/filtering; matched here on when Gmail took the message
 * in). Terms are ANDed. Anything else is refused, so a test never passes on a term the
 * emulator silently ignored.
 */

export type SearchFilter =
  { ok: true; matches: (message: StoredGmailMessage) => boolean } | { ok: false; term: string };

const bare = (id: string): string => id.trim().replace(/^<(.*)>$/, '$1');
// Gmail's label: term writes a name's spaces and slashes as dashes, any case.
const labelKey = (name: string): string => name.toLowerCase().replace(/[\s/]+/g, '-');

const termFilter = (term: string, labels: MailboxLabels): ((message: StoredGmailMessage) => boolean) | undefined => {
  const colon = term.indexOf(':');
  const operator = term.slice(0, colon).toLowerCase();
  const value = term.slice(colon + 1);
  if (colon <= 0 || value === '') return undefined;
  if (operator === 'rfc822msgid') {
    return (message) => message.parsed.messageId !== undefined && bare(message.parsed.messageId) === bare(value);
  }
  if (operator === 'label' || operator === 'in') {
    const label = labels.list().find((candidate) => labelKey(candidate.name) === labelKey(value));
    return (message) => label !== undefined && message.labelIds.includes(label.id);
  }
  if (operator === 'is' && ['unread', 'read'].includes(value.toLowerCase())) {
    const unread = value.toLowerCase() === 'unread';
    return (message) => message.labelIds.includes('UNREAD') === unread;
  }
  if (operator === 'after' && /^\d{1,12}$/.test(value)) {
    const fromMs = Number(value) * 1000;
    return (message) => message.internalDate >= fromMs;
  }
  if (operator === 'from') {
    const wanted = value.toLowerCase();
    return (message) => {
      const from = message.parsed.from;
      return from?.address !== undefined && from.address.toLowerCase().includes(wanted);
    };
  }
  return undefined;
};

export const parseSearch = (q: string, labels: MailboxLabels): SearchFilter => {
  const filters: Array<(message: StoredGmailMessage) => boolean> = [];
  for (const term of q.split(/\s+/).filter((part) => part !== '')) {
    const filter = termFilter(term, labels);
    if (filter === undefined) return { ok: false, term: term.slice(0, 80) };
    filters.push(filter);
  }
  return { ok: true, matches: (message) => filters.every((filter) => filter(message)) };
};

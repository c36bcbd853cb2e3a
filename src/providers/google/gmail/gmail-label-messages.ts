import { gmailJsonCall, type GmailReadDeps, gmailUserUrl } from './gmail-call';
import { GmailError, GmailErrorCode } from './gmail-errors';

/** At most this many pages of 500: 5,000 messages, as many as Graph's first delta round brings. */
export const MAX_LABEL_PAGES = 10;

/**
 * The ids of the messages with the label, received at or after `since` when given, oldest first, by
 * users.messages.list (5 units a page, https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/list)
 * with `labelIds` and q `after:<epoch seconds>` ("pass the value in seconds instead" of a date, which Gmail reads as
 * midnight PST: https://developers.google.com/workspace/gmail/api/guides/filtering). Gmail lists newest first.
 */
export const listLabelMessageIds = async (labelId: string, deps: GmailReadDeps, since?: Date): Promise<string[]> => {
  const ids: string[] = [];
  let pageToken: string | undefined;
  for (let pages = 1; ; pages += 1) {
    if (pages > MAX_LABEL_PAGES) {
      throw new GmailError(
        GmailErrorCode.AnswerInvalid,
        `GET messages not followed: over ${MAX_LABEL_PAGES} pages of the label's messages.`,
      );
    }
    const url = gmailUserUrl(deps, '/messages', {
      labelIds: [labelId],
      q: since === undefined ? undefined : `after:${Math.floor(since.getTime() / 1000)}`,
      maxResults: '500',
      pageToken,
    });
    const page = await gmailJsonCall(
      'GET',
      url,
      (body, fields) => ({
        ids: fields.objects(body, 'messages', (item, inner) => inner.text(item, 'id')),
        next: fields.optionalText(body, 'nextPageToken'),
      }),
      deps,
    );
    ids.push(...page.ids);
    pageToken = page.next;
    if (pageToken === undefined) return ids.reverse();
  }
};

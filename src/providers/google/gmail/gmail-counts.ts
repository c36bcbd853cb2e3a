import { gmailJsonCall, type GmailReadDeps, gmailUserUrl } from './gmail-call';

/**
 * How many messages carry all these labels, by users.messages.list's `resultSizeEstimate` (5 units, one id asked
 * for: https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.messages/list, `labelIds`: "Only
 * return messages with labels that match all of the specified label IDs"). Google calls it an estimate: enough for
 * Test's "n unread", never used to decide what is processed.
 */
export const countMessages = (labelIds: readonly string[], deps: GmailReadDeps): Promise<number> =>
  gmailJsonCall(
    'GET',
    gmailUserUrl(deps, '/messages', { labelIds, maxResults: '1' }),
    (body, fields) => fields.count(body, 'resultSizeEstimate'),
    deps,
  );

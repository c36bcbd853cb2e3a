import { gmailJsonCall, type GmailReadDeps, gmailUserUrl } from './gmail-call';
import { GmailError, GmailErrorCode } from './gmail-errors';
import type { GmailFields, JsonObject } from './gmail-fields';

export interface GmailProfile {
  emailAddress: string;
  messagesTotal: number;
  threadsTotal: number;
  /** "The ID of the mailbox's current history record." */
  historyId: string;
}

/**
 * users.getProfile (1 unit, https://developers.google.com/workspace/gmail/api/reference/rest/v1/users/getProfile):
 * the mailbox's current historyId, where a first run of incoming mail starts ("stores the position only"). Its scopes
 * are mail.google.com, gmail.modify, gmail.compose, gmail.readonly, gmail.metadata: gmail.send alone gets 403.
 */
export const getProfile = (deps: GmailReadDeps): Promise<GmailProfile> =>
  gmailJsonCall(
    'GET',
    gmailUserUrl(deps, '/profile'),
    (body, fields) => ({
      emailAddress: fields.text(body, 'emailAddress'),
      messagesTotal: fields.count(body, 'messagesTotal'),
      threadsTotal: fields.count(body, 'threadsTotal'),
      historyId: fields.digits(body, 'historyId'),
    }),
    deps,
  );

export const currentHistoryId = async (deps: GmailReadDeps): Promise<string> => (await getProfile(deps)).historyId;

export interface HistoryChanges {
  /** Messages that arrived with the label, or got it later; each once, oldest change first. */
  messageIds: string[];
  /** The mailbox's historyId after the last page: the next run's start. */
  historyId: string;
  pages: number;
}

interface HistoryPage {
  added: string[];
  historyId: string;
  nextPageToken: string | undefined;
}

const messageId = (item: JsonObject, fields: GmailFields): string => {
  const { item: message, fields: inner } = fields.object(item, 'message');
  return inner.text(message, 'id');
};

const readPage =
  (labelId: string) =>
  (body: JsonObject, fields: GmailFields): HistoryPage => {
    const records = fields.objects(body, 'history', (record, inner) => {
      inner.digits(record, 'id');
      const added = inner.objects(record, 'messagesAdded', messageId);
      // labelsAdded: a message given the label after it arrived (a filter, a person) is new to the handler too.
      const labelled = inner
        .objects(record, 'labelsAdded', (change, one) => ({
          id: messageId(change, one),
          labelIds: one.texts(change, 'labelIds'),
        }))
        .filter((change) => change.labelIds.includes(labelId))
        .map((change) => change.id);
      return [...added, ...labelled];
    });
    return {
      added: records.flat(),
      historyId: fields.digits(body, 'historyId'),
      nextPageToken: fields.optionalText(body, 'nextPageToken'),
    };
  };

/** More pages than this in one run means a loop; the run stops and the position stays where it was. */
export const MAX_HISTORY_PAGES = 50;

/**
 * users.history.list (2 units, https://developers.google.com/workspace/gmail/api/reference/rest/v1/users.history/list)
 * from `startHistoryId`, for one label, messageAdded and labelAdded records, every page (500 records each, the
 * documented maximum). "Supplying an invalid or out of date startHistoryId typically returns an HTTP 404 error
 * code ... your application should perform a full sync": that 404 is GMAIL_HISTORY_EXPIRED.
 */
export const listHistory = async (
  request: { startHistoryId: string; labelId: string },
  deps: GmailReadDeps,
): Promise<HistoryChanges> => {
  const seen = new Set<string>();
  let pageToken: string | undefined;
  for (let pages = 1; ; pages += 1) {
    if (pages > MAX_HISTORY_PAGES) {
      throw new GmailError(
        GmailErrorCode.AnswerInvalid,
        `GET history not followed: over ${MAX_HISTORY_PAGES} pages of history.`,
      );
    }
    const url = gmailUserUrl(deps, '/history', {
      startHistoryId: request.startHistoryId,
      labelId: request.labelId,
      historyTypes: ['messageAdded', 'labelAdded'],
      maxResults: '500',
      pageToken,
    });
    let page: HistoryPage;
    try {
      page = await gmailJsonCall('GET', url, readPage(request.labelId), deps);
    } catch (error) {
      if (error instanceof GmailError && error.status === 404) {
        throw new GmailError(
          GmailErrorCode.HistoryExpired,
          `${error.message} The history position is too old or invalid; a full sync is needed.`,
          { status: 404, ...(error.reason === undefined ? {} : { reason: error.reason }), cause: error },
        );
      }
      throw error;
    }
    for (const id of page.added) seen.add(id);
    pageToken = page.nextPageToken;
    if (pageToken === undefined) return { messageIds: [...seen], historyId: page.historyId, pages };
  }
};

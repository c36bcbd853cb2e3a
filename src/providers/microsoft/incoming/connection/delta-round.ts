import { ConnectionErrorCode, IncomingConnectionError } from '../../../../incoming/connection/errors';
import type { DeltaPage } from '../../graph/message-delta';
import type { ConnectionDeps } from './connection-deps';

/**
 * At most this many pages a round: a filtered first round returns at most 5,000 messages
 * (https://learn.microsoft.com/en-us/graph/delta-query-messages), 100 pages of 50.
 */
export const MAX_DELTA_PAGES = 120;

/** The ids of the messages a round brought (created ones; removals are not the app's business) and where it ends. */
export interface DeltaRound {
  messageIds: string[];
  deltaLink: string;
}

/** Follows a round's pages to its deltaLink, collecting the messages present. */
export const finishRound = async (first: DeltaPage, deps: Pick<ConnectionDeps, 'mailbox'>): Promise<DeltaRound> => {
  const messageIds: string[] = [];
  let page = first;
  for (let pages = 1; ; pages += 1) {
    for (const entry of page.entries)
      if (entry.kind === 'message' && !messageIds.includes(entry.id)) messageIds.push(entry.id);
    if (page.next.kind === 'done') return { messageIds, deltaLink: page.next.deltaLink };
    if (pages >= MAX_DELTA_PAGES)
      throw new IncomingConnectionError(
        ConnectionErrorCode.DeltaTooLong,
        `The delta round went on for more than ${MAX_DELTA_PAGES} pages.`,
      );
    page = await deps.mailbox.followDelta(page.next.nextLink);
  }
};

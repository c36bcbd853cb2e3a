import { GraphError, GraphErrorCode } from './errors';
import { describeCall, type GraphClientDeps, graphJson } from './graph-request';
import type { DeltaEntryData } from './inbound-answer-schemas';
import { readDeltaPage } from './inbound-answers';
import { asInboundError, InboundErrorCode } from './inbound-errors';
import {
  followableLink,
  type InboundReceipt,
  mailboxUrl,
  odataQuery,
  preferHeaders,
  segment,
  withoutText,
} from './inbound-request';

/*
 * Delta query on one folder's messages (https://learn.microsoft.com/en-us/graph/api/message-delta?view=graph-rest-1.0 ,
 * https://learn.microsoft.com/en-us/graph/delta-query-messages , https://learn.microsoft.com/en-us/graph/delta-query-overview):
 * a round starts with its parameters once; Graph encodes them in the links, which are then followed as they are.
 */

/** What a delta page says of one message: present (created, or changed) or removed from the folder. */
export type DeltaEntry =
  | {
      kind: 'message';
      id: string;
      receivedDateTime: string | undefined;
      internetMessageId: string | undefined;
    }
  /** Moved out or deleted: `changed` (still in Deleted Items) or `deleted` (gone for good). */
  | { kind: 'removed'; id: string; reason: string | undefined };

/** Where the round goes on: another page now (`nextLink`), or the next round later (`deltaLink`, to be stored). */
export type DeltaNext = { kind: 'more'; nextLink: string } | { kind: 'done'; deltaLink: string };

export interface DeltaPage {
  entries: DeltaEntry[];
  next: DeltaNext;
  receipt: InboundReceipt;
}

/** The fields a first round selects unless told otherwise: enough to dedupe and to order. */
export const DEFAULT_DELTA_SELECT = ['id', 'receivedDateTime', 'internetMessageId'] as const;
export const DEFAULT_DELTA_PAGE_SIZE = 50;

export interface DeltaStart {
  /** The folder's id or well-known name (`inbox`). */
  folderId: string;
  /**
   * Only mail received at or after this time (`$filter=receivedDateTime ge …`): the first round otherwise returns
   * every message in the folder, `changeType=created` or not. With a filter Graph returns at most 5,000.
   */
  receivedSince: Date;
  select?: readonly string[];
  /** `Prefer: odata.maxpagesize`: the most messages on one page. */
  pageSize?: number;
}

/** Graph's codes for a delta position it no longer knows (https://learn.microsoft.com/en-us/graph/errors#code-property). */
const RESYNC_CODES = new Set(['syncstatenotfound', 'resyncrequired']);

/** 410 Gone, or any 4xx naming `syncStateNotFound` / `resyncRequired` (delta-query-overview "Token duration"). */
const isResync = (error: unknown): error is GraphError =>
  error instanceof GraphError &&
  (error.status === 410 ||
    (error.status !== undefined &&
      error.status >= 400 &&
      error.status < 500 &&
      RESYNC_CODES.has((error.graphCode ?? '').toLowerCase())));

const toEntry = (entry: DeltaEntryData): DeltaEntry =>
  entry['@removed'] === undefined
    ? {
        kind: 'message',
        id: entry.id,
        receivedDateTime: entry.receivedDateTime ?? undefined,
        internetMessageId: entry.internetMessageId ?? undefined,
      }
    : { kind: 'removed', id: entry.id, reason: entry['@removed'].reason };

const readPage = async (url: string, pageSize: number, deps: GraphClientDeps): Promise<DeltaPage> => {
  try {
    const { data, ...receipt } = await graphJson(
      { method: 'GET', url, expect: [200], headers: preferHeaders(`odata.maxpagesize=${pageSize}`) },
      readDeltaPage,
      deps,
    );
    const nextLink = data['@odata.nextLink'];
    const deltaLink = data['@odata.deltaLink'];
    // A page carries one of the two, never both (delta-query-overview).
    if ((nextLink === undefined) === (deltaLink === undefined)) {
      throw new GraphError(
        GraphErrorCode.ResponseInvalid,
        `${describeCall('GET', url)} answered 200 with ${nextLink === undefined ? 'neither' : 'both'} @odata.nextLink and @odata.deltaLink.`,
        { status: 200, ...(receipt.requestId === undefined ? {} : { requestId: receipt.requestId }) },
      );
    }
    const next: DeltaNext =
      nextLink === undefined
        ? { kind: 'done', deltaLink: followableLink(deltaLink as string, deps) }
        : { kind: 'more', nextLink: followableLink(nextLink, deps) };
    return { entries: data.value.map(toEntry), next, receipt: withoutText(receipt) };
  } catch (error) {
    if (isResync(error)) throw asInboundError(InboundErrorCode.DeltaResync, error);
    throw error;
  }
};

/**
 * The first page of a new round: `GET /users/{mailbox}/mailFolders/{folder}/messages/delta?changeType=created
 * &$select=…&$filter=receivedDateTime ge {iso}` with `Prefer: odata.maxpagesize`. Later rounds then bring only
 * messages created since. A 410 / syncStateNotFound / resyncRequired is InboundGraphError GRAPH_DELTA_RESYNC.
 */
export const startDelta = async (mailbox: string, start: DeltaStart, deps: GraphClientDeps): Promise<DeltaPage> => {
  const query = odataQuery({
    changeType: 'created',
    $select: (start.select ?? DEFAULT_DELTA_SELECT).join(','),
    $filter: `receivedDateTime ge ${start.receivedSince.toISOString()}`,
  });
  const url = `${mailboxUrl(deps, mailbox)}/mailFolders/${segment(start.folderId)}/messages/delta${query}`;
  return readPage(url, start.pageSize ?? DEFAULT_DELTA_PAGE_SIZE, deps);
};

/**
 * The page behind a nextLink or a stored deltaLink, followed verbatim (the tokens are opaque) once it is checked to
 * lie under the Graph base URL. GRAPH_DELTA_RESYNC when Graph no longer knows the position, and when the link
 * cannot be followed (not a URL, or outside the Graph base URL, e.g. stored before the credential moved to another
 * cloud; nothing is sent then): start a new round from the last processed time, less a margin.
 */
export const followDelta = async (
  link: string,
  deps: GraphClientDeps,
  pageSize = DEFAULT_DELTA_PAGE_SIZE,
): Promise<DeltaPage> => {
  let url: string;
  try {
    url = followableLink(link, deps);
  } catch (error) {
    if (error instanceof GraphError && error.code === GraphErrorCode.ResponseInvalid)
      throw asInboundError(InboundErrorCode.DeltaResync, error);
    throw error;
  }
  return readPage(url, pageSize, deps);
};

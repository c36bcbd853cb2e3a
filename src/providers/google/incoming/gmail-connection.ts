import { ConnectionErrorCode, IncomingConnectionError } from '../../../incoming/connection/errors';
import type { HandlerStateStore } from '../../../incoming/connection/handler-state';
import type { HandlerState } from '../../../incoming/connection/handler-state-schema';
import {
  type ConnectingHandler,
  type IncomingConnection,
  RESYNC_MARGIN_MS,
} from '../../../incoming/connection/incoming-connection';
import type { Clock } from '../../../shared/seams';
import { GmailError, GmailErrorCode } from '../gmail/gmail-errors';
import type { GmailInboundMailbox } from '../gmail/gmail-inbound-mailbox';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * What a handler reading a Gmail mailbox needs: Gmail has no push to a web trigger here (its push goes through
 * Cloud Pub/Sub), so the five-minute delta job polls users.history.list from the stored historyId
 * (https://developers.google.com/workspace/gmail/api/guides/sync). The state's `folderId` is the label's id and its
 * `deltaLink` the historyId; there is never a subscription.
 */
export interface GmailConnectionDeps {
  mailbox: Pick<GmailInboundMailbox, 'findLabel' | 'currentHistoryId' | 'listHistory'> & {
    /** The label's message ids, oldest first; only those received since `since` when given (gmail-label-messages.ts). */
    listLabel: (labelId: string, since?: Date) => Promise<string[]>;
  };
  states: HandlerStateStore;
  now: Clock;
}

/** The Inbox is the system label INBOX (system labels' ids are their names); any other is a label found by name. */
export const resolveGmailLabelId = async (folder: string, deps: Pick<GmailConnectionDeps, 'mailbox'>) => {
  const name = folder.trim();
  if (name.toLowerCase() === 'inbox') return 'INBOX';
  const found = await deps.mailbox.findLabel(name);
  if (found === undefined)
    throw new IncomingConnectionError(ConnectionErrorCode.FolderNotFound, 'The mailbox has no label of that name.');
  return found.id;
};

/**
 * Connects a handler to its label: the mailbox's position first (users.getProfile's historyId), so nothing that
 * arrives meanwhile is missed; then, when the admin asks for the last N days, the label's messages received since
 * (the exactly-once marks drop what both bring). Without a backfill no mail from before is taken.
 */
export const connectGmailHandler = async (
  handler: ConnectingHandler,
  deps: GmailConnectionDeps,
): Promise<{ state: HandlerState; takeMessageIds: string[] }> => {
  const folderId = await resolveGmailLabelId(handler.folder, deps);
  const deltaLink = await deps.mailbox.currentHistoryId();
  const now = new Date(deps.now()).toISOString();
  const state: HandlerState = {
    handlerId: handler.id,
    folderId,
    deltaLink,
    connectedAt: now,
    lastDeltaAt: now,
    ...(handler.source === undefined ? {} : { source: handler.source }),
  };
  const takeMessageIds =
    handler.backfillDays > 0
      ? await deps.mailbox.listLabel(folderId, new Date(deps.now() - handler.backfillDays * DAY_MS))
      : [];
  await deps.states.put(state);
  return { state, takeMessageIds };
};

/**
 * One poll: the messages that arrived with the handler's label (or got it) since the stored historyId, handed to
 * `take` (queued) before the new historyId is stored, so a failed queueing takes them again next time. A position
 * Gmail no longer knows (404, GMAIL_HISTORY_EXPIRED: "perform a full sync") starts again from the mailbox's current
 * one, and the label's messages since the last poll less the resync margin are taken (not the whole label: an
 * Inbox read but left in place would otherwise be taken all over again). A handler never connected takes nothing.
 */
export const runGmailDelta = async (
  handlerId: string,
  deps: GmailConnectionDeps,
  take: (messageIds: readonly string[]) => Promise<void>,
): Promise<{ messageIds: string[]; state: HandlerState } | undefined> => {
  const state = await deps.states.get(handlerId);
  if (state === undefined) return undefined;
  const now = new Date(deps.now()).toISOString();
  let round: { messageIds: string[]; historyId: string };
  try {
    round =
      state.deltaLink === undefined
        ? { messageIds: [], historyId: await deps.mailbox.currentHistoryId() }
        : await deps.mailbox.listHistory(state.deltaLink, state.folderId);
  } catch (error) {
    if (!(error instanceof GmailError) || error.code !== GmailErrorCode.HistoryExpired) throw error;
    const historyId = await deps.mailbox.currentHistoryId();
    const since = new Date(Date.parse(state.lastDeltaAt ?? state.connectedAt) - RESYNC_MARGIN_MS);
    round = { messageIds: await deps.mailbox.listLabel(state.folderId, since), historyId };
  }
  await take(round.messageIds);
  const next: HandlerState = { ...state, deltaLink: round.historyId, lastDeltaAt: now };
  await deps.states.put(next);
  return { messageIds: round.messageIds, state: next };
};

/** A handler's connection through Gmail: a polled historyId, never a subscription (so no lifecycle events). */
export const gmailConnection = (deps: GmailConnectionDeps): IncomingConnection => ({
  states: deps.states,
  connect: async (handler) => ({ backfill: (await connectGmailHandler(handler, deps)).takeMessageIds }),
  deltaRound: async (handlerId, take) =>
    (await runGmailDelta(handlerId, deps, take)) === undefined ? 'not-connected' : 'done',
  disconnect: (handlerId) => deps.states.delete(handlerId),
});

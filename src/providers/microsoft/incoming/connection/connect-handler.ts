import { ConnectionErrorCode, IncomingConnectionError } from '../../../../incoming/connection/errors';
import type { HandlerState } from '../../../../incoming/connection/handler-state-schema';
import type { ConnectingHandler, ConnectionDeps } from './connection-deps';
import { finishRound } from './delta-round';
import { subscribe, unsubscribe } from './subscribe';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Graph's well-known name of the Inbox; any other folder is one at the top of the mailbox, found by name. */
const INBOX = 'inbox';
const ROOT = 'msgfolderroot';

export const resolveFolderId = async (folder: string, deps: Pick<ConnectionDeps, 'mailbox'>): Promise<string> => {
  if (folder.trim().toLowerCase() === INBOX) return INBOX;
  const found = await deps.mailbox.findChildFolder(ROOT, folder.trim());
  if (found === undefined)
    throw new IncomingConnectionError(ConnectionErrorCode.FolderNotFound, 'The mailbox has no folder of that name.');
  return found.id;
};

/**
 * Connects a handler to its folder: the delta position first, then the subscription, so nothing that arrives in
 * between is missed (the next delta round brings it; the exactly-once marks drop what both bring).
 * Messages have no delta "from now" (`$deltatoken=latest` is for directory resources only), so the first round is
 * filtered on receivedDateTime: from now, or from N days back when the admin asks for the last N days, whose
 * messages are answered for processing. Older mail is never taken (no history flood). A handler connected before is
 * reconnected: its old subscription is deleted first.
 */
export const connectHandler = async (
  handler: ConnectingHandler,
  deps: ConnectionDeps,
): Promise<{ state: HandlerState; takeMessageIds: string[] }> => {
  const folderId = await resolveFolderId(handler.folder, deps);
  const earlier = await deps.states.get(handler.id);
  if (earlier?.subscriptionId !== undefined) await unsubscribe(earlier.subscriptionId, deps);

  const now = deps.now();
  const since = new Date(now - Math.max(0, handler.backfillDays) * DAY_MS);
  const round = await finishRound(await deps.mailbox.startDelta({ folderId, receivedSince: since }), deps);
  const { subscriptionId, expiresAt } = await subscribe(handler.id, folderId, deps);
  const state: HandlerState = {
    handlerId: handler.id,
    folderId,
    deltaLink: round.deltaLink,
    subscriptionId,
    subscriptionExpiresAt: expiresAt,
    connectedAt: new Date(now).toISOString(),
    lastDeltaAt: new Date(now).toISOString(),
    ...(handler.source === undefined ? {} : { source: handler.source }),
  };
  await deps.states.put(state);
  return { state, takeMessageIds: handler.backfillDays > 0 ? round.messageIds : [] };
};

/** Stops listening: the subscription goes, and so does the delta position. */
export const disconnectHandler = async (handlerId: string, deps: ConnectionDeps): Promise<void> => {
  const state = await deps.states.get(handlerId);
  if (state?.subscriptionId !== undefined) await unsubscribe(state.subscriptionId, deps);
  await deps.states.delete(handlerId);
};

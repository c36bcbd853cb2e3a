import type { HandlerState } from '../../../../incoming/connection/handler-state-schema';
import { RESYNC_MARGIN_MS } from '../../../../incoming/connection/incoming-connection';
import { InboundErrorCode, InboundGraphError } from '../../graph/inbound-errors';
import type { ConnectionDeps } from './connection-deps';
import { finishRound } from './delta-round';

/**
 * The safety net behind notifications: the messages that arrived in the handler's folder since the last round,
 * from the stored deltaLink, and the state with the new one. A handler never connected takes nothing. When Graph no
 * longer knows the position (410 Gone, syncStateNotFound or resyncRequired:
 * https://learn.microsoft.com/en-us/graph/delta-query-overview#synchronization-reset), a new round starts from the
 * last finished round less RESYNC_MARGIN_MS.
 */
export const runDelta = async (
  handlerId: string,
  deps: ConnectionDeps,
): Promise<{ messageIds: string[]; state: HandlerState } | undefined> => {
  const state = await deps.states.get(handlerId);
  if (state === undefined) return undefined;
  const now = deps.now();
  const restart = () => {
    const from = Date.parse(state.lastDeltaAt ?? state.connectedAt) - RESYNC_MARGIN_MS;
    return deps.mailbox.startDelta({ folderId: state.folderId, receivedSince: new Date(from) });
  };
  let first;
  if (state.deltaLink === undefined) first = await restart();
  else {
    try {
      first = await deps.mailbox.followDelta(state.deltaLink);
    } catch (error) {
      if (!(error instanceof InboundGraphError) || error.code !== InboundErrorCode.DeltaResync) throw error;
      first = await restart();
    }
  }
  const round = await finishRound(first, deps);
  const next: HandlerState = { ...state, deltaLink: round.deltaLink, lastDeltaAt: new Date(now).toISOString() };
  await deps.states.put(next);
  return { messageIds: round.messageIds, state: next };
};

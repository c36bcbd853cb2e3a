import type { IncomingConnection } from '../../../../incoming/connection/incoming-connection';
import { connectHandler, disconnectHandler } from './connect-handler';
import type { ConnectionDeps } from './connection-deps';
import { renewSubscription } from './renew-subscription';
import { runDelta } from './run-delta';

/**
 * A handler's connection through Microsoft Graph: a delta position and a change-notification subscription on its
 * folder. The delta round (the safety net behind notifications) renews the subscription when it is due.
 */
export const graphConnection = (deps: ConnectionDeps): IncomingConnection => ({
  states: deps.states,
  connect: async (handler, take) => {
    // A reconnection (the handler now reads elsewhere) first takes what arrived since the last round where it read.
    const earlier = await runDelta(handler.id, deps).catch(() => undefined);
    if (earlier !== undefined) await take(earlier.messageIds);
    const { takeMessageIds } = await connectHandler(handler, deps);
    return { backfill: takeMessageIds };
  },
  deltaRound: async (handlerId, take) => {
    const round = await runDelta(handlerId, deps);
    if (round === undefined) return 'not-connected';
    await take(round.messageIds);
    await renewSubscription(handlerId, deps);
    return 'done';
  },
  /**
   * Graph's lifecycle notifications (https://learn.microsoft.com/en-us/graph/change-notifications-lifecycle-events):
   * reauthorizationRequired is answered by renewing (which reauthorizes), subscriptionRemoved by a new subscription
   * and a delta round for what arrived meanwhile, missed by a delta round. One about a subscription the handler no
   * longer uses is stale.
   */
  lifecycle: async (handlerId, { subscriptionId, event }, take) => {
    const state = await deps.states.get(handlerId);
    if (state === undefined) return 'not-connected';
    if (state.subscriptionId !== subscriptionId) return 'stale';
    if (event === 'reauthorizationRequired') {
      await renewSubscription(handlerId, deps, { force: true });
      return 'done';
    }
    if (event === 'subscriptionRemoved') await renewSubscription(handlerId, deps, { recreate: true });
    const round = await runDelta(handlerId, deps);
    if (round !== undefined) await take(round.messageIds);
    return 'done';
  },
  disconnect: (handlerId) => disconnectHandler(handlerId, deps),
});

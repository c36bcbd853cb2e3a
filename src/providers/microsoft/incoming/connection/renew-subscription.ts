import type { HandlerState } from '../../../../incoming/connection/handler-state-schema';
import { InboundErrorCode, InboundGraphError } from '../../graph/inbound-errors';
import type { ConnectionDeps } from './connection-deps';
import { RENEW_BEFORE_MS, subscribe, SUBSCRIPTION_LIFETIME_MS } from './subscribe';

export type RenewOutcome = 'fresh' | 'renewed' | 'recreated' | 'not-connected';

/**
 * Keeps a handler's subscription alive: renewed (PATCH expirationDateTime) once it is within a day and a half of its
 * end, or at once when `force` (Graph's reauthorizationRequired: "renewing also reauthorizes", and reauthorize and
 * PATCH must not both be sent within 10 minutes:
 * https://learn.microsoft.com/en-us/graph/change-notifications-lifecycle-events). A subscription Graph no longer has
 * (expired, subscriptionRemoved) is created anew.
 */
export const renewSubscription = async (
  handlerId: string,
  deps: ConnectionDeps,
  { force = false, recreate = false }: { force?: boolean; recreate?: boolean } = {},
): Promise<RenewOutcome> => {
  const state = await deps.states.get(handlerId);
  if (state === undefined) return 'not-connected';
  const now = deps.now();
  const recreateIt = async (): Promise<RenewOutcome> => {
    if (state.subscriptionId !== undefined) await deps.subscriptions.delete(state.subscriptionId);
    const { subscriptionId, expiresAt } = await subscribe(handlerId, state.folderId, deps);
    await deps.states.put({ ...state, subscriptionId, subscriptionExpiresAt: expiresAt });
    return 'recreated';
  };
  if (recreate || state.subscriptionId === undefined) return recreateIt();
  const expiresAt = Date.parse(state.subscriptionExpiresAt ?? '');
  if (!force && Number.isFinite(expiresAt) && expiresAt - now > RENEW_BEFORE_MS) return 'fresh';
  try {
    const { subscription } = await deps.mailbox.renewSubscription(
      state.subscriptionId,
      new Date(now + SUBSCRIPTION_LIFETIME_MS).toISOString(),
    );
    const record = await deps.subscriptions.get(state.subscriptionId);
    if (record !== undefined) await deps.subscriptions.put({ ...record, expiresAt: subscription.expirationDateTime });
    const next: HandlerState = { ...state, subscriptionExpiresAt: subscription.expirationDateTime };
    await deps.states.put(next);
    return 'renewed';
  } catch (error) {
    if (error instanceof InboundGraphError && error.code === InboundErrorCode.Gone) return recreateIt();
    throw error;
  }
};

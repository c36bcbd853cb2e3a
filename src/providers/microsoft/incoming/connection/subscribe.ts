import { sha256Hex } from '../../../../shared/sha256-hex';
import type { ConnectionDeps } from './connection-deps';

/**
 * How long a subscription is asked for. Graph allows message subscriptions up to 10,080 minutes (7 days;
 * https://learn.microsoft.com/en-us/graph/api/resources/subscription?view=graph-rest-1.0#subscription-lifetime) and may
 * grant less; the app asks for 3 days and renews a day and a half before the end, so one missed daily renewal
 * still leaves time.
 */
export const SUBSCRIPTION_LIFETIME_MS = 3 * 24 * 60 * 60 * 1000;
export const RENEW_BEFORE_MS = 36 * 60 * 60 * 1000;

/**
 * Creates the handler's subscription on its folder's new messages and records it for the web trigger: its id and
 * the SHA-256 of its clientState (the secret itself is kept nowhere). Graph validates the URL before it answers.
 */
export const subscribe = async (
  handlerId: string,
  folderId: string,
  deps: ConnectionDeps,
): Promise<{ subscriptionId: string; expiresAt: string }> => {
  const url = await deps.notificationUrl();
  const clientState = deps.newClientState();
  const { subscription } = await deps.mailbox.createSubscription({
    folderId,
    notificationUrl: url,
    // Lifecycle events come to the same trigger: they carry `lifecycleEvent`, which tells them apart.
    lifecycleNotificationUrl: url,
    clientState,
    expirationDateTime: new Date(deps.now() + SUBSCRIPTION_LIFETIME_MS).toISOString(),
  });
  await deps.subscriptions.put({
    subscriptionId: subscription.id,
    handlerId,
    clientStateDigest: sha256Hex(clientState),
    expiresAt: subscription.expirationDateTime,
  });
  return { subscriptionId: subscription.id, expiresAt: subscription.expirationDateTime };
};

/** Deletes a subscription at Graph and in the app's records; one Graph no longer has is gone already. */
export const unsubscribe = async (subscriptionId: string, deps: ConnectionDeps): Promise<void> => {
  await deps.mailbox.deleteSubscription(subscriptionId);
  await deps.subscriptions.delete(subscriptionId);
};

import { GraphError, GraphErrorCode } from './errors';
import { allowedBase } from './graph-base';
import { describeCall, type GraphClientDeps, graphJson, graphRequest } from './graph-request';
import type { SubscriptionData } from './inbound-answer-schemas';
import { readSubscription } from './inbound-answers';
import { goneAs, isGoneAnswer } from './inbound-errors';
import { type InboundReceipt, odataString, preferHeaders, segment, withoutText } from './inbound-request';

/*
 * Change notifications for new mail in one folder: create, renew, reauthorize, delete and read a subscription
 * (https://learn.microsoft.com/en-us/graph/outlook-change-notifications-overview ,
 * https://learn.microsoft.com/en-us/graph/api/resources/subscription?view=graph-rest-1.0). Every call sends
 * `Prefer: IdType="ImmutableId"`, so notifications carry the ids the other calls use (inbound-request.ts).
 */

/** The subscription resource page allows at most 128 characters of clientState (changeNotification says 255). */
export const MAX_CLIENT_STATE = 128;

export interface GraphSubscription {
  id: string;
  /** As Graph echoes it (without the leading slash). */
  resource: string;
  changeType: string;
  /** The expiry Graph granted, which may be shorter than the one asked for. */
  expirationDateTime: string;
  notificationUrl: string | undefined;
  lifecycleNotificationUrl: string | undefined;
}

export interface NewSubscription {
  /** The mailbox to watch (user id or principal name). */
  mailbox: string;
  /** The folder's id or well-known name (`inbox`). */
  folderId: string;
  /** HTTPS; Graph posts the validation request and the notifications there (a web trigger URL). */
  notificationUrl: string;
  /** Where lifecycle events go (reauthorizationRequired, subscriptionRemoved, missed); set only at creation. */
  lifecycleNotificationUrl: string;
  /** The secret every notification must carry back, at most 128 characters. */
  clientState: string;
  /** ISO 8601 UTC; at most 10,080 minutes ahead for messages, and under 45 minutes Graph makes it 45. */
  expirationDateTime: string;
}

const toSubscription = (data: SubscriptionData): GraphSubscription => ({
  id: data.id,
  resource: data.resource,
  changeType: data.changeType,
  expirationDateTime: data.expirationDateTime,
  notificationUrl: data.notificationUrl ?? undefined,
  lifecycleNotificationUrl: data.lifecycleNotificationUrl ?? undefined,
});

const subscriptionsUrl = (deps: GraphClientDeps): string => `${allowedBase(deps.graphBaseUrl, deps.env)}/subscriptions`;
const subscriptionUrl = (deps: GraphClientDeps, id: string): string => `${subscriptionsUrl(deps)}/${segment(id)}`;

/** The resource of a folder's messages, the doc's `me/mailFolders('Inbox')/messages` form for a user. */
export const folderMessagesResource = (mailbox: string, folderId: string): string =>
  `users/${mailbox}/mailFolders(${odataString(folderId)})/messages`;

const refuse = (where: string, problem: string): GraphError =>
  new GraphError(GraphErrorCode.BadRequest, `${where} not sent: ${problem}`, { reason: 'bad-request' });

const checkExpiry = (where: string, expirationDateTime: string): void => {
  if (Number.isNaN(Date.parse(expirationDateTime))) throw refuse(where, 'expirationDateTime is not a date and time.');
};

/**
 * `POST /subscriptions` (Mail.Read or Mail.ReadWrite, application) expecting 201: `created` only, so the app's
 * own PATCH isRead and move out of the folder send nothing back. Graph first validates both URLs (a 400 when they
 * do not echo the validation token); a 409 means a subscription for the same resource and change type exists
 * (https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks). The granted expiry is read
 * from the answer.
 */
export const createSubscription = async (
  request: NewSubscription,
  deps: GraphClientDeps,
): Promise<{ subscription: GraphSubscription; receipt: InboundReceipt }> => {
  const url = subscriptionsUrl(deps);
  const where = describeCall('POST', url);
  if (request.clientState.length === 0 || request.clientState.length > MAX_CLIENT_STATE)
    throw refuse(where, `clientState must have 1 to ${MAX_CLIENT_STATE} characters.`);
  checkExpiry(where, request.expirationDateTime);
  const body = {
    changeType: 'created',
    notificationUrl: request.notificationUrl,
    lifecycleNotificationUrl: request.lifecycleNotificationUrl,
    resource: folderMessagesResource(request.mailbox, request.folderId),
    expirationDateTime: request.expirationDateTime,
    clientState: request.clientState,
  };
  const { data, ...receipt } = await graphJson(
    { method: 'POST', url, body: JSON.stringify(body), expect: [201], headers: preferHeaders() },
    readSubscription,
    deps,
  );
  return { subscription: toSubscription(data), receipt: withoutText(receipt) };
};

/**
 * `PATCH /subscriptions/{id}` `{ expirationDateTime }` expecting 200
 * (https://learn.microsoft.com/en-us/graph/api/subscription-update?view=graph-rest-1.0): renewing also
 * reauthorizes. A subscription Graph already deleted (expired) is InboundGraphError GRAPH_ITEM_GONE: create anew.
 */
export const renewSubscription = (
  subscriptionId: string,
  expirationDateTime: string,
  deps: GraphClientDeps,
): Promise<{ subscription: GraphSubscription; receipt: InboundReceipt }> =>
  goneAs('subscription', async () => {
    const url = subscriptionUrl(deps, subscriptionId);
    checkExpiry(describeCall('PATCH', url), expirationDateTime);
    const { data, ...receipt } = await graphJson(
      { method: 'PATCH', url, body: JSON.stringify({ expirationDateTime }), expect: [200], headers: preferHeaders() },
      readSubscription,
      deps,
    );
    return { subscription: toSubscription(data), receipt: withoutText(receipt) };
  });

/**
 * `POST /subscriptions/{id}/reauthorize` expecting 204 (200 taken too), after a `reauthorizationRequired`
 * lifecycle event; it does not extend the expiry
 * (https://learn.microsoft.com/en-us/graph/api/subscription-reauthorize?view=graph-rest-1.0). Not within 10
 * minutes of a renewal of the same subscription (change-notifications-lifecycle-events). Gone: GRAPH_ITEM_GONE.
 */
export const reauthorizeSubscription = (subscriptionId: string, deps: GraphClientDeps): Promise<InboundReceipt> =>
  goneAs('subscription', async () =>
    withoutText(
      await graphRequest(
        {
          method: 'POST',
          url: `${subscriptionUrl(deps, subscriptionId)}/reauthorize`,
          expect: [200, 204],
          headers: preferHeaders(),
        },
        deps,
      ),
    ),
  );

/**
 * `DELETE /subscriptions/{id}` expecting 204 (https://learn.microsoft.com/en-us/graph/api/subscription-delete?view=graph-rest-1.0).
 * A 404 means it is already gone (expired or removed): `already-gone`, not an error.
 */
export const deleteSubscription = async (
  subscriptionId: string,
  deps: GraphClientDeps,
): Promise<{ outcome: 'deleted' | 'already-gone'; requestId: string | undefined }> => {
  try {
    const receipt = await graphRequest(
      { method: 'DELETE', url: subscriptionUrl(deps, subscriptionId), expect: [204], headers: preferHeaders() },
      deps,
    );
    return { outcome: 'deleted', requestId: receipt.requestId };
  } catch (error) {
    if (isGoneAnswer(error)) return { outcome: 'already-gone', requestId: error.requestId };
    throw error;
  }
};

/**
 * `GET /subscriptions/{id}` expecting 200: its resource and granted expiry, for the handler's Test; undefined when
 * Graph has no such subscription (404).
 */
export const getSubscription = async (
  subscriptionId: string,
  deps: GraphClientDeps,
): Promise<GraphSubscription | undefined> => {
  try {
    const { data } = await graphJson(
      { method: 'GET', url: subscriptionUrl(deps, subscriptionId), expect: [200], headers: preferHeaders() },
      readSubscription,
      deps,
    );
    return toSubscription(data);
  } catch (error) {
    if (isGoneAnswer(error)) return undefined;
    throw error;
  }
};

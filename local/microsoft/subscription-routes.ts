import type { EmulatorContext } from './context';
import { resolveFolder } from './folder-lookup';
import { type Answer, errorAnswer } from './graph-answer';
import type { GraphCaller } from './graph-auth';
import { GraphErrors } from './graph-errors';
import { newGuid } from './ids';
import { InboundErrors } from './inbound-errors';
import { readJsonObjectBody } from './json-body';
import { openMailbox } from './mailbox-access';
import { readPrefer } from './received-message';
import { type Subscription, subscriptionResource } from './subscription-store';

/** subscription resource, "Subscription lifetime": Outlook messages at most 10,080 minutes; under 45 is raised to 45. */
export const MAX_LIFETIME_MINUTES = 10_080;
export const MIN_LIFETIME_MINUTES = 45;
/** subscription resource: clientState is at most 128 characters. */
export const MAX_CLIENT_STATE = 128;
/** change-notifications-delivery-webhooks: the endpoint must answer the validation within 10 seconds. */
export const VALIDATION_TIMEOUT_MS = 10_000;
/** reauthorizationRequired goes this long before expiry (Graph: "about to expire"; timing not documented). */
export const REAUTHORIZE_BEFORE_MS = 15 * 60_000;

const READ_ROLES = ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'];
const CHANGE_TYPES = ['created', 'updated', 'deleted'] as const;
type ChangeType = (typeof CHANGE_TYPES)[number];

export interface SubscriptionRequest {
  caller: GraphCaller;
  version: string;
  method: string;
  /** Segments after `subscriptions`. */
  segments: string[];
  mediaType: string | undefined;
  body: Buffer;
  prefer: string | undefined;
}

const invalid = (message: string): Answer => errorAnswer(InboundErrors.invalidRequest(message));

/** Graph wants HTTPS; the emulator also takes http on loopback, where the local Forge host's web triggers are. */
const acceptableUrl = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
};

/**
 * The validation handshake (change-notifications-delivery-webhooks#notificationurl-validation): POST
 * `{url}?validationToken={token}` as text/plain; the endpoint must answer 200 text/plain with the decoded token,
 * within 10 seconds.
 */
export const validateEndpoint = async (url: string, shutdown: AbortSignal): Promise<boolean> => {
  const token = `Validation: Testing client application reachability for subscription Request-Id: ${newGuid()}`;
  const target = new URL(url);
  target.searchParams.append('validationToken', token);
  try {
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      signal: AbortSignal.any([AbortSignal.timeout(VALIDATION_TIMEOUT_MS), shutdown]),
    });
    const text = await response.text();
    const type = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
    return response.status === 200 && type === 'text/plain' && text === token;
  } catch {
    return false;
  }
};

/** `/users/{id}/messages` or `/users/{id}/mailFolders('{name}' | {id})/messages` (outlook-change-notifications-overview). */
const RESOURCE = /^\/?users\/([^/]+)\/(?:mailFolders(?:\('([^']+)'\)|\/([^/]+))\/)?messages$/i;

const expiryOf = (ctx: EmulatorContext, value: unknown): { at: string } | { error: Answer } => {
  const at = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(at)) return { error: invalid('expirationDateTime must be a date-time.') };
  const now = ctx.now().getTime();
  if (at > now + MAX_LIFETIME_MINUTES * 60_000)
    return { error: errorAnswer(InboundErrors.expirationTooFar(MAX_LIFETIME_MINUTES)) };
  return { at: new Date(Math.max(at, now + MIN_LIFETIME_MINUTES * 60_000)).toISOString() };
};

const create = async (ctx: EmulatorContext, request: SubscriptionRequest): Promise<Answer> => {
  const read = readJsonObjectBody(request.mediaType, request.body);
  if (!read.ok) return errorAnswer(read.error);
  const body = read.value;
  const changeTypes = typeof body.changeType === 'string' ? body.changeType.split(',').map((type) => type.trim()) : [];
  if (changeTypes.length === 0 || changeTypes.some((type) => !CHANGE_TYPES.includes(type as ChangeType)))
    return invalid("changeType must be one or more of 'created', 'updated', 'deleted'.");
  if (!acceptableUrl(body.notificationUrl)) return invalid('notificationUrl must be an https URL.');
  const lifecycleUrl = body.lifecycleNotificationUrl ?? null;
  if (lifecycleUrl !== null && !acceptableUrl(lifecycleUrl))
    return invalid('lifecycleNotificationUrl must be an https URL.');
  const clientState = body.clientState ?? null;
  if (clientState !== null && (typeof clientState !== 'string' || clientState.length > MAX_CLIENT_STATE))
    return invalid(`clientState must be a string of at most ${MAX_CLIENT_STATE} characters.`);
  const resource = typeof body.resource === 'string' ? RESOURCE.exec(body.resource) : null;
  if (resource === null)
    return invalid('resource must be /users/{id}/messages or /users/{id}/mailFolders/{id}/messages.');
  const expiry = expiryOf(ctx, body.expirationDateTime);
  if ('error' in expiry) return expiry.error;
  const access = openMailbox(ctx, request.caller, decodeURIComponent(resource[1] ?? ''));
  if (!access.ok) return errorAnswer(access.error);
  const folderSegment = resource[2] ?? resource[3];
  let folderId: string | undefined;
  if (folderSegment !== undefined) {
    const folder = resolveFolder(ctx, access.mailbox, folderSegment);
    if (folder.kind !== 'found') return errorAnswer(GraphErrors.itemNotFound());
    folderId = folder.folder.id;
  }
  const normalised = (body.resource as string).replace(/^\//, '');
  const duplicate = ctx.inbound.subscriptions
    .list()
    .find(
      (existing) =>
        existing.applicationId === request.caller.appId &&
        existing.resource.toLowerCase() === normalised.toLowerCase() &&
        existing.changeTypes.join(',') === changeTypes.join(','),
    );
  if (duplicate !== undefined) return errorAnswer(InboundErrors.subscriptionExists(duplicate.id));
  const urls = [body.notificationUrl, ...(lifecycleUrl === null ? [] : [lifecycleUrl])];
  for (const url of urls) {
    if (!(await validateEndpoint(url, ctx.shutdown)))
      return invalid(
        'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
      );
  }
  const subscription: Subscription = {
    id: newGuid(),
    resource: normalised,
    mailbox: access.mailbox.userPrincipalName.toLowerCase(),
    folderId,
    userId: access.mailbox.id,
    tenantId: access.tenant.id,
    applicationId: request.caller.appId,
    changeTypes: changeTypes as ChangeType[],
    notificationUrl: body.notificationUrl,
    lifecycleNotificationUrl: lifecycleUrl,
    clientState: clientState,
    expirationDateTime: expiry.at,
    immutableIds: readPrefer(request.prefer).immutableIds,
  };
  ctx.inbound.subscriptions.add(subscription);
  return { kind: 'created', body: { '@odata.context': context(ctx, request), ...subscriptionResource(subscription) } };
};

const context = (ctx: EmulatorContext, request: SubscriptionRequest) =>
  `${ctx.urls.graph}/${request.version}/$metadata#subscriptions/$entity`;

/** The caller's live subscription with that id (another app's is not found, as in Graph). */
const own = (ctx: EmulatorContext, request: SubscriptionRequest, id: string): Subscription | undefined => {
  const found = ctx.inbound.subscriptions.get(id);
  return found?.applicationId === request.caller.appId ? found : undefined;
};

/**
 * https://learn.microsoft.com/en-us/graph/api/subscription-post-subscriptions?view=graph-rest-1.0 and its
 * sibling pages (subscription-get, -list, -update, -delete, -reauthorize).
 * /subscriptions: POST (subscription-post-subscriptions), GET list and one (subscription-list, subscription-get),
 * PATCH expirationDateTime / notificationUrl (subscription-update), DELETE (subscription-delete) and POST
 * {id}/reauthorize (subscription-reauthorize). Expired subscriptions are gone (swept before each call).
 */
export const handleSubscriptions = async (ctx: EmulatorContext, request: SubscriptionRequest): Promise<Answer> => {
  if (!(request.caller.roles ?? []).some((role) => READ_ROLES.includes(role)))
    return errorAnswer(GraphErrors.mailAccessDenied());
  sweepSubscriptions(ctx);
  const [id, action, ...extra] = request.segments;
  if (id === undefined) {
    if (request.method === 'POST') return create(ctx, request);
    if (request.method !== 'GET') return errorAnswer(GraphErrors.notImplemented(request.method, '/subscriptions'));
    const mine = ctx.inbound.subscriptions.list().filter((s) => s.applicationId === request.caller.appId);
    return {
      kind: 'json',
      body: {
        '@odata.context': `${ctx.urls.graph}/${request.version}/$metadata#subscriptions`,
        value: mine.map(subscriptionResource),
      },
    };
  }
  const subscription = own(ctx, request, id);
  if (subscription === undefined || extra.length > 0) return errorAnswer(InboundErrors.subscriptionNotFound(id));
  if (action !== undefined) {
    if (action.toLowerCase() !== 'reauthorize' || request.method !== 'POST')
      return errorAnswer(GraphErrors.notImplemented(request.method, `/subscriptions/${id}/${action}`));
    return { kind: 'noContent' };
  }
  if (request.method === 'GET')
    return { kind: 'json', body: { '@odata.context': context(ctx, request), ...subscriptionResource(subscription) } };
  if (request.method === 'DELETE') {
    ctx.inbound.subscriptions.remove(id);
    return { kind: 'noContent' };
  }
  if (request.method !== 'PATCH')
    return errorAnswer(GraphErrors.notImplemented(request.method, `/subscriptions/${id}`));
  const read = readJsonObjectBody(request.mediaType, request.body);
  if (!read.ok) return errorAnswer(read.error);
  if (read.value.expirationDateTime !== undefined) {
    const expiry = expiryOf(ctx, read.value.expirationDateTime);
    if ('error' in expiry) return expiry.error;
    subscription.expirationDateTime = expiry.at;
  }
  if (read.value.notificationUrl !== undefined) {
    if (!acceptableUrl(read.value.notificationUrl)) return invalid('notificationUrl must be an https URL.');
    subscription.notificationUrl = read.value.notificationUrl;
  }
  return { kind: 'json', body: { '@odata.context': context(ctx, request), ...subscriptionResource(subscription) } };
};

/**
 * Expiry and its warnings (change-notifications-lifecycle-events): reauthorizationRequired shortly before a
 * subscription expires, subscriptionRemoved when it does (and it is gone).
 */
export const sweepSubscriptions = (ctx: EmulatorContext): void => {
  const now = ctx.now().getTime();
  for (const subscription of ctx.inbound.subscriptions.list()) {
    const expires = Date.parse(subscription.expirationDateTime);
    if (expires <= now) {
      ctx.inbound.subscriptions.remove(subscription.id);
      ctx.inbound.notifier.lifecycle(subscription, 'subscriptionRemoved');
    } else if (
      expires - now <= REAUTHORIZE_BEFORE_MS &&
      subscription.reauthorizationSentFor !== subscription.expirationDateTime
    ) {
      subscription.reauthorizationSentFor = subscription.expirationDateTime;
      ctx.inbound.notifier.lifecycle(subscription, 'reauthorizationRequired');
    }
  }
};

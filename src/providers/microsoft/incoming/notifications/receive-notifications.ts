import { textAnswer, type WebTriggerRequest, type WebTriggerResponse } from '../../../../http/web-trigger-http';
import {
  type IncomingJob,
  LIFECYCLE_EVENTS,
  type LifecycleEvent,
  MESSAGE_IDS_PER_JOB,
} from '../../../../incoming/notifications/incoming-jobs';
import type { SubscriptionRegistry } from '../../../../incoming/notifications/subscription-registry';
import { sha256Hex } from '../../../../shared/sha256-hex';
import type { GraphNotification } from './notification-schema';
import { validateNotificationBatch } from './validate-notifications';

export interface ReceiveDeps {
  subscriptions: Pick<SubscriptionRegistry, 'get'>;
  /** Puts the jobs on the incoming-mail queue; throws when it cannot. */
  push: (jobs: readonly IncomingJob[]) => Promise<void>;
  log: (line: string) => void;
}

/** Graph's validation tokens are opaque; anything longer than this is no token of Graph's. */
const MAX_TOKEN_LENGTH = 1024;

/** Equal digests, compared without stopping at the first difference. */
const sameDigest = (a: string, b: string): boolean => {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
};

const isLifecycleEvent = (event: string): event is LifecycleEvent =>
  (LIFECYCLE_EVENTS as readonly string[]).includes(event);

/**
 * The validation request of a new subscription: "respond ... within 10 seconds with 200 OK, Content-Type text/plain
 * and the URL-decoded validation token" (https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks#notificationurl-validation).
 * Forge hands the query already decoded; a value it split on commas (the docs' example shows that) is joined again.
 */
const validationToken = (request: WebTriggerRequest): string | undefined => {
  const parts = Object.entries(request.queryParameters ?? {}).find(([name]) => name === 'validationToken')?.[1];
  return parts === undefined ? undefined : parts.join(',');
};

interface Sorted {
  jobs: IncomingJob[];
  refused: { unknown: number; clientState: number; other: number };
}

const sortNotifications = async (notifications: readonly GraphNotification[], deps: ReceiveDeps): Promise<Sorted> => {
  const refused = { unknown: 0, clientState: 0, other: 0 };
  const messages = new Map<string, string[]>();
  const lifecycle: IncomingJob[] = [];
  const seen = new Map<string, Awaited<ReturnType<ReceiveDeps['subscriptions']['get']>>>();
  for (const notification of notifications) {
    if (!seen.has(notification.subscriptionId))
      seen.set(notification.subscriptionId, await deps.subscriptions.get(notification.subscriptionId));
    const subscription = seen.get(notification.subscriptionId);
    if (subscription === undefined) {
      refused.unknown += 1;
      continue;
    }
    // The clientState is the only proof a basic notification comes from Graph (webhooks page, "clientState").
    const digest = notification.clientState === undefined ? '' : sha256Hex(notification.clientState);
    if (!sameDigest(digest, subscription.clientStateDigest)) {
      refused.clientState += 1;
      continue;
    }
    const { handlerId } = subscription;
    if (notification.lifecycleEvent !== undefined) {
      if (isLifecycleEvent(notification.lifecycleEvent))
        lifecycle.push({
          kind: 'lifecycle',
          handlerId,
          subscriptionId: notification.subscriptionId,
          event: notification.lifecycleEvent,
        });
      else refused.other += 1;
      continue;
    }
    const id = notification.resourceData?.id;
    if (notification.changeType?.toLowerCase() !== 'created' || id === undefined || id === '') {
      refused.other += 1;
      continue;
    }
    const ids = messages.get(handlerId) ?? [];
    if (!ids.includes(id)) ids.push(id);
    messages.set(handlerId, ids);
  }
  const notified: IncomingJob[] = [...messages].flatMap(([handlerId, ids]) =>
    Array.from({ length: Math.ceil(ids.length / MESSAGE_IDS_PER_JOB) }, (_, n) => ({
      kind: 'notified' as const,
      handlerId,
      messageIds: ids.slice(n * MESSAGE_IDS_PER_JOB, (n + 1) * MESSAGE_IDS_PER_JOB),
    })),
  );
  return { jobs: [...notified, ...lifecycle], refused };
};

/**
 * Microsoft Graph's calls to the app's web trigger: a subscription's validation, change notifications and lifecycle
 * notifications. It checks and queues, and answers within Graph's 3 seconds: 202 once queued, 503 when the queue
 * cannot take the work (Graph then retries for up to 4 hours), 202 too for notifications it refuses (an unknown
 * subscription, a wrong clientState), which are logged and dropped: as in Microsoft's samples, a refusal tells the
 * sender nothing and a stale subscription's retries stop.
 */
export const receiveNotifications = async (
  request: WebTriggerRequest,
  deps: ReceiveDeps,
): Promise<WebTriggerResponse> => {
  if (request.method.toUpperCase() !== 'POST') return textAnswer(405, 'Only POST.', { Allow: ['POST'] });
  const token = validationToken(request);
  if (token !== undefined) {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return textAnswer(400, 'Not a validation token.');
    return textAnswer(200, token);
  }

  let body: unknown;
  try {
    body = JSON.parse(request.body ?? '');
  } catch {
    deps.log('incoming mail: refused a web trigger call that is not JSON');
    return textAnswer(400, 'Not a Microsoft Graph notification.');
  }
  const parsed = validateNotificationBatch(body);
  if (!parsed.ok) {
    deps.log(`incoming mail: refused a web trigger call that is no Graph notification (${parsed.problem})`);
    return textAnswer(400, 'Not a Microsoft Graph notification.');
  }

  const { jobs, refused } = await sortNotifications(parsed.value.value, deps);
  if (refused.unknown + refused.clientState + refused.other > 0)
    deps.log(
      `incoming mail: refused ${refused.unknown} notification(s) of unknown subscriptions, ${refused.clientState} ` +
        `with a wrong clientState, ${refused.other} of another kind; nothing queued for them`,
    );
  if (jobs.length > 0) {
    try {
      await deps.push(jobs);
    } catch {
      deps.log(`incoming mail: could not queue ${jobs.length} job(s); Graph will send the notifications again`);
      return textAnswer(503, 'Try again later.');
    }
  }
  return { statusCode: 202 };
};

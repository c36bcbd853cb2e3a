import { createGraphNotificationsReceiver } from '../composition/graph-notifications-root';
import type { WebTriggerRequest, WebTriggerResponse } from '../http/web-trigger-http';
import { safeErrorLabel } from '../shared/error-names';

const receiver = createGraphNotificationsReceiver();

/**
 * The `notification-receiver` function of the `webtrigger` module `graph-notifications` (response type dynamic: a
 * validation answer echoes a token the manifest cannot know). Forge invokes it as `handler(request, context)` with
 * the request's method, headers, body and query parameters, and sends back `{ statusCode, headers, body }`
 * (https://developer.atlassian.com/platform/forge/events-reference/web-trigger/). Anything unforeseen is a 500 with
 * no detail: Graph retries, and nothing of the failure reaches the caller.
 */
export const handler = async (request: WebTriggerRequest, _context: unknown): Promise<WebTriggerResponse> => {
  try {
    return await receiver.receive(request);
  } catch (error) {
    receiver.log(`incoming mail: the notification trigger failed (${safeErrorLabel(error)})`);
    return { statusCode: 500 };
  }
};

import { createOauthCallbackDeps } from '../composition/oauth-callback-root';
import type { WebTriggerRequest, WebTriggerResponse } from '../http/web-trigger-http';
import { answerOauthCallback } from '../messages/oauth-callback-answer';

const deps = createOauthCallbackDeps();

/**
 * The `sign-in-receiver` function of the `webtrigger` module `oauth-callback` (response type dynamic: an HTML page
 * with its own status and headers). Forge invokes it as `handler(request, context)` with no user, and sends back
 * `{ statusCode, headers, body }` (https://developer.atlassian.com/platform/forge/events-reference/web-trigger/).
 */
export const handler = (request: WebTriggerRequest, _context: unknown): Promise<WebTriggerResponse> =>
  answerOauthCallback(request, deps);

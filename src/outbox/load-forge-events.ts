import type * as ForgeEventsModule from '@forge/events';

import { loadOnce } from '../shared/load-once';

export type ForgeEvents = typeof ForgeEventsModule;

/**
 * @forge/events (the queue's push, InvocationError), loaded on first use and kept for the container's later
 * invocations. It requires @forge/api, and with it @forge/i18n and lodash: a function that starts pays for them only
 * on the paths that push a job or ask for a retry, not when it starts (an accepted send pushes nothing).
 * @forge/bundler's webpack makes the dynamic import() a chunk of its own (the name below), which the bundle requires
 * from its folder the first time, as load-template-engine.ts does; a load that failed is tried again next time.
 */
export const loadForgeEvents: () => Promise<ForgeEvents> = loadOnce(
  () => import(/* webpackChunkName: "forge-events" */ '@forge/events'),
);

/**
 * What a consumer or trigger answers to have Forge deliver the same event again after `retryAfter` seconds:
 * @forge/events' InvocationError (`{ _retry: true, retryOptions }`), built with the library loaded on first use.
 * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/
 */
export const retryInvocation = async (retryAfter: number): Promise<ForgeEventsModule.InvocationError> => {
  const { InvocationError, InvocationErrorCode } = await loadForgeEvents();
  return new InvocationError({ retryAfter, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
};

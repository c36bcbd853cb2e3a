import type { LocalRequest } from '../../http-types';
import type { JiraActor, JiraEmulator, StreamingJiraEmulator } from '../../jira/types';
import { ForgeRuntimeError } from './errors';
import { type FetchInit, headersRecord, jsonResponse, readRequestBody, toWhatwgResponse } from './http-bodies';
import type { InvocationScopes } from './invocation-scope';
import type { KvsEndpoint } from './kvs-endpoint';

/** The first argument of `__forge_fetch__`: where the SDK wants the call to go. */
export interface ForgeFetchTarget {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
  contextAri?: string;
}

export type ForgeFetch = (target: ForgeFetchTarget, path: string, init?: FetchInit) => Promise<Response>;

/**
 * One kind of platform call the local host answers. Routes are tried in order; a host can add its own
 * (a `{ type: 'fpp', provider: 'app', remote: 'stargate' }` route for @forge/events' Queue.push, for one).
 */
export interface ForgeFetchRoute {
  matches: (target: ForgeFetchTarget, path: string) => boolean;
  handle: (target: ForgeFetchTarget, path: string, init: FetchInit) => Promise<Response>;
}

const describe = (target: ForgeFetchTarget): string =>
  [target.type, target.provider, target.remote].filter((part) => part !== undefined).join('/');

export const kvsRoute = (options: {
  endpoint: KvsEndpoint;
  scopes: InvocationScopes;
  onCall: () => void;
}): ForgeFetchRoute => ({
  matches: (target) => target.type === 'kvs',
  handle: async (_target, path, init) => {
    options.onCall();
    const { body } = await readRequestBody(init);
    const answer = options.endpoint.handle(init?.method ?? 'GET', path, body?.toString('utf8') ?? '');
    const traceId = options.scopes.getStore()?.traceId;
    return jsonResponse(answer.status, answer.body, traceId ? { 'x-b3-traceid': traceId } : {});
  },
});

/**
 * requestJira (`asUser`, `asApp`, plain): the actor comes from the provider; `asUser()` without an account id
 * acts as the invoking user of the current invocation, as on Forge.
 */
export const jiraRoute = (options: {
  jira: JiraEmulator;
  scopes: InvocationScopes;
  onCall: () => void;
  /** manifest.yml allows `asUser(accountId)` for someone other than the invoking user (allowImpersonation). */
  allowImpersonation?: boolean;
}): ForgeFetchRoute => {
  const actorFor = (target: ForgeFetchTarget): JiraActor | undefined => {
    switch (target.provider) {
      case 'user': {
        const accountId = target.accountId ?? options.scopes.getStore()?.accountId;
        return accountId ? { type: 'user', accountId } : undefined;
      }
      case 'app':
        return { type: 'app' };
      default:
        return { type: 'anonymous' };
    }
  };
  return {
    matches: (target) => target.type === 'fpp' && target.remote === 'jira',
    handle: async (target, path, init) => {
      options.onCall();
      const method = (init?.method ?? 'GET').toUpperCase();
      const actor = actorFor(target);
      if (!actor) {
        // What the platform proxy answers when asUser() has no user to act as; @forge/api turns the header
        // into its NeedsAuthenticationError.
        return jsonResponse(
          401,
          { message: `requestJira asUser has no invoking user for ${method} ${path}` },
          { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' },
        );
      }
      const invoker = options.scopes.getStore()?.accountId;
      if (actor.type === 'user' && actor.accountId !== invoker && options.allowImpersonation !== true) {
        // Offline user impersonation needs `allowImpersonation: true` on a scope in manifest.yml
        // (https://developer.atlassian.com/platform/forge/events-reference/product_events/).
        return jsonResponse(403, {
          message: `requestJira asUser(${actor.accountId}) impersonates someone who did not invoke the function; manifest.yml's permissions.scopes must allow it (allowImpersonation: true)`,
        });
      }
      const headers = headersRecord(init);
      const { body, contentType } = await readRequestBody(init);
      if (contentType !== undefined && headers['content-type'] === undefined) {
        headers['content-type'] = contentType;
      }
      const request: LocalRequest = { method, path, headers, ...(body !== undefined ? { body } : {}) };
      try {
        // Attachment content passes through as a stream where the site can make one, as Jira streams it: a large
        // file is never whole in the host.
        const jira = options.jira as Partial<StreamingJiraEmulator>;
        const answer = jira.handleStreaming
          ? await jira.handleStreaming(request, actor)
          : await options.jira.handle(request, actor);
        return toWhatwgResponse(answer);
      } catch (error) {
        throw new ForgeRuntimeError('JIRA_EMULATOR_FAILED', `The local Jira failed to answer ${method} ${path}`, {
          cause: error,
        });
      }
    },
  };
};

export const createForgeFetch =
  (routes: readonly ForgeFetchRoute[]): ForgeFetch =>
  async (target, path, init) => {
    const route = routes.find((candidate) => candidate.matches(target, path));
    if (!route) {
      throw new ForgeRuntimeError(
        'UNSUPPORTED_FORGE_TARGET',
        `The local Forge host does not emulate ${describe(target)} calls (${init?.method ?? 'GET'} ${path})`,
      );
    }
    return route.handle(target, path, init);
  };

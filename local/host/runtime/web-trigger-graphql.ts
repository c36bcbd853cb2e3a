import { z } from 'zod';

import type { ForgeFetchRoute } from './forge-fetch';
import { jsonResponse, readRequestBody } from './http-bodies';
import type { WebTriggerContext, WebTriggerUrlStore } from './web-trigger-urls';

/** A `webtrigger` module as the URL route needs it: its key and the URL form its manifest asks for. */
export interface WebTriggerUrlModule {
  key: string;
  /** `urlFormat` (@forge/manifest's UrlFormat): v1 URLs end in `/x1/<id>`, v2 URLs in `/public/<id>`. */
  urlFormat?: 'v1' | 'v2' | undefined;
}

export interface WebTriggerUrlsOptions {
  store: WebTriggerUrlStore;
  modules: readonly WebTriggerUrlModule[];
  /** Where the host serves the triggers, e.g. http://127.0.0.1:4000. */
  baseUrl: string;
  now?: () => number;
}

/** The path of a trigger URL id on the host, in the module's URL form. */
export const webTriggerPath = (id: string, urlFormat: WebTriggerUrlModule['urlFormat']): string =>
  `/${urlFormat === 'v2' ? 'public' : 'x1'}/${id}`;

/** What the host and its tests use to hand out URLs: the same as `webTrigger.getUrl` from a function. */
export interface WebTriggerUrls {
  readonly route: ForgeFetchRoute;
  /** The trigger's URL for the installation (a new one with `forceCreate`); throws for a key the manifest lacks. */
  getUrl: (context: WebTriggerContext, moduleKey: string, forceCreate?: boolean) => string;
}

const createInput = z.object({
  input: z
    .object({ appId: z.string(), envId: z.string(), triggerKey: z.string(), contextId: z.string() })
    .passthrough(),
  forceCreate: z.boolean().nullish(),
});
const queryInput = z.object({ appId: z.string(), envId: z.string(), contextId: z.string() });
const deleteInput = z.object({ id: z.string() });

const graphqlBody = z.object({ query: z.string(), variables: z.record(z.string(), z.unknown()).default({}) });

/** A GraphQL error answer: HTTP 200 with `errors` and no data, as a GraphQL gateway answers a failed field. */
const graphqlError = (field: string, message: string, errorType: string): Response =>
  jsonResponse(200, { data: { [field]: null }, errors: [{ message, path: [field], extensions: { errorType } }] });

/**
 * Answers @forge/api's `webTrigger` (`{ type: 'fpp', provider: 'app', remote: 'stargate' }`, POST `/graphql`) with
 * the three operations it sends (@forge/api 8.3.0 out/webTrigger.js): `forge_app_createWebTriggerUrl` →
 * `{ data: { createWebTriggerUrl: { url } } }`, `forge_app_webTriggerUrlsByAppContext` →
 * `{ data: { webTriggerUrlsByAppContext: [{ triggerKey, url }] } }`, `forge_app_deleteWebTriggerUrl` →
 * `{ data: { deleteWebTriggerUrl: { success, message } } }`. A key that is no `webtrigger` module of the manifest
 * gets an error answer, so that getUrl throws "Failed to get web trigger URL" as on Forge
 * (https://developer.atlassian.com/platform/forge/runtime-reference/web-trigger-api/).
 */
export const createWebTriggerUrls = (options: WebTriggerUrlsOptions): WebTriggerUrls => {
  const now = options.now ?? (() => Date.now());
  const formats = new Map(options.modules.map((module) => [module.key, module.urlFormat]));
  const urlOf = (id: string, triggerKey: string): string =>
    `${options.baseUrl}${webTriggerPath(id, formats.get(triggerKey))}`;

  const getUrl = (context: WebTriggerContext, moduleKey: string, forceCreate = false): string => {
    if (!formats.has(moduleKey)) throw new Error(`No webtrigger module with the key ${moduleKey} in the manifest.`);
    return urlOf(options.store.idFor(context, moduleKey, forceCreate, now()), moduleKey);
  };

  const answer = (query: string, variables: Record<string, unknown>): Response => {
    if (/\bforge_app_createWebTriggerUrl\b/.test(query)) {
      const parsed = createInput.safeParse(variables);
      if (!parsed.success) return graphqlError('createWebTriggerUrl', 'Invalid WebTriggerUrlInput.', 'BAD_REQUEST');
      const { input, forceCreate } = parsed.data;
      if (!formats.has(input.triggerKey)) {
        return graphqlError(
          'createWebTriggerUrl',
          `The app has no web trigger module with the key ${input.triggerKey}.`,
          'NOT_FOUND',
        );
      }
      return jsonResponse(200, {
        data: { createWebTriggerUrl: { url: getUrl(input, input.triggerKey, forceCreate ?? false) } },
      });
    }
    if (/\bforge_app_webTriggerUrlsByAppContext\b/.test(query)) {
      const parsed = queryInput.safeParse(variables);
      if (!parsed.success) return graphqlError('webTriggerUrlsByAppContext', 'Invalid app context.', 'BAD_REQUEST');
      const urls = options.store
        .list(parsed.data)
        .filter((stored) => formats.has(stored.triggerKey))
        .map((stored) => ({ triggerKey: stored.triggerKey, url: urlOf(stored.id, stored.triggerKey) }));
      return jsonResponse(200, { data: { webTriggerUrlsByAppContext: urls } });
    }
    if (/\bforge_app_deleteWebTriggerUrl\b/.test(query)) {
      const parsed = deleteInput.safeParse(variables);
      if (!parsed.success) return graphqlError('deleteWebTriggerUrl', 'Invalid id.', 'BAD_REQUEST');
      const deleted = options.store.delete(parsed.data.id, now());
      return jsonResponse(200, {
        data: {
          deleteWebTriggerUrl: deleted
            ? { success: true, message: null }
            : { success: false, message: `No web trigger URL with the id ${parsed.data.id}.` },
        },
      });
    }
    return jsonResponse(400, {
      errors: [{ message: 'The local Forge host emulates only the web trigger URL operations of /graphql.' }],
    });
  };

  return {
    getUrl,
    route: {
      matches: (target, path) =>
        target.type === 'fpp' && target.provider === 'app' && target.remote === 'stargate' && path === '/graphql',
      handle: async (_target, _path, init) => {
        const { body } = await readRequestBody(init);
        let json: unknown;
        try {
          json = JSON.parse(body?.toString('utf8') ?? '');
        } catch {
          return jsonResponse(400, { errors: [{ message: 'The body is not JSON.' }] });
        }
        const parsed = graphqlBody.safeParse(json);
        if (!parsed.success) return jsonResponse(400, { errors: [{ message: 'The body is no GraphQL request.' }] });
        return answer(parsed.data.query, parsed.data.variables);
      },
    },
  };
};

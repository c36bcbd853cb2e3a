import { z } from 'zod';

import type { JiraEmulator, JiraUser } from '../../jira/types';
import { readIssueExtension } from '../../jira/web';
import { HostHttpError, parseBody } from '../../shared/http-kit';
import { buildProductContext, type InstalledForgeRuntime } from '../runtime';
import type { ForgeHandler, InvocationRequest } from '../runtime-types';
import { describeError } from './error-summary';
import type { AppManifest, UiModule } from './manifest-modules';
import { adminPagePath } from './page-routes';
import { fetchProduct, type FetchProductAnswer, fetchProductSchema } from './product-fetch';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,49}-[1-9]\d{0,9}$/;

/** Every bridge call names the module its frame shows, and the issue for issue modules. */
const frameSchema = z.object({
  moduleKey: z.string().min(1).max(255),
  issueKey: z.string().regex(ISSUE_KEY).optional(),
});

const invokeSchema = frameSchema.extend({
  functionKey: z.string().min(1).max(255),
  payload: z.unknown().optional(),
  metadata: z.unknown().optional(),
});

const urlSchema = frameSchema.extend({
  location: z
    .object({ target: z.string(), issueKey: z.string().optional(), moduleKey: z.string().optional() })
    .passthrough(),
});

/** What the bridge's `invoke` rejects with when the function failed: never the exception's text. */
export const INVOKE_FAILED_MESSAGE = 'There was an error invoking the function.';

export interface ForgeEndpointDeps {
  manifest: AppManifest;
  handlers: Map<string, ForgeHandler>;
  runtime: InstalledForgeRuntime;
  jira: JiraEmulator;
  log: (line: string) => void;
}

/** The host's side of the bridge: `/__forge/invoke`, `/__forge/context`, `/__forge/fetch-product`, `/__forge/url`. */
export const createForgeEndpoints = (deps: ForgeEndpointDeps) => {
  const { manifest, handlers, runtime, jira } = deps;

  const moduleOf = (moduleKey: string): UiModule => {
    const module = manifest.modules.get(moduleKey);
    if (!module) throw new HostHttpError(404, `The app has no module ${moduleKey}.`, 'UNKNOWN_MODULE');
    return module;
  };

  /** `context.extension` as Jira gives the module: the issue and project for issue modules. */
  const extensionFor = async (module: UiModule, issueKey: string | undefined, user: JiraUser) => {
    if (module.type !== 'jira:issueAction' || !issueKey) return { type: module.type };
    const found = await readIssueExtension(jira, user.accountId, issueKey);
    if (!found) {
      throw new HostHttpError(404, `Issue ${issueKey} does not exist or you cannot see it.`, 'ISSUE_NOT_FOUND');
    }
    return { type: module.type, ...found };
  };

  const invocationFor = async (
    body: z.infer<typeof frameSchema>,
    user: JiraUser,
    functionKey = '',
    resolverFunctionKey = '',
    payload: unknown = undefined,
  ): Promise<InvocationRequest> => {
    const module = moduleOf(body.moduleKey);
    return {
      functionKey,
      resolverFunctionKey,
      payload,
      moduleKey: module.key,
      accountId: user.accountId,
      extension: await extensionFor(module, body.issueKey, user),
    };
  };

  return {
    invoke: async (body: unknown, user: JiraUser): Promise<unknown> => {
      const request = parseBody(invokeSchema, body, 'invoke');
      const module = moduleOf(request.moduleKey);
      const handler = module.resolverFunctionKey ? handlers.get(module.resolverFunctionKey) : undefined;
      if (!module.resolverFunctionKey || !handler) {
        throw new HostHttpError(400, `Module ${module.key} has no resolver to invoke.`, 'NO_RESOLVER');
      }
      const invocation = await invocationFor(
        request,
        user,
        module.resolverFunctionKey,
        request.functionKey,
        request.payload ?? {},
      );
      let result: unknown;
      try {
        result = await runtime.invoke(handler, invocation);
      } catch (error) {
        deps.log(`invoke ${module.resolverFunctionKey}/${request.functionKey} failed (${describeError(error)})`);
        throw new HostHttpError(500, INVOKE_FAILED_MESSAGE, 'INVOCATION_FAILED');
      }
      // With metadata the bridge expects `{ body, metadata }` (rate limit details, none locally).
      return request.metadata === undefined ? result : { body: result, metadata: {} };
    },

    context: async (body: unknown, user: JiraUser): Promise<Record<string, unknown>> => {
      const frame = parseBody(frameSchema, body, 'getContext');
      const invocation = await invocationFor(frame, user);
      return { accountId: user.accountId, ...buildProductContext(runtime.site, invocation) };
    },

    fetchProduct: async (body: unknown, user: JiraUser): Promise<FetchProductAnswer> => {
      const request = parseBody(frameSchema.merge(fetchProductSchema), body, 'fetchProduct');
      moduleOf(request.moduleKey);
      return fetchProduct(jira, user.accountId, request);
    },

    /** router.getUrl / navigate targets as URLs of this site. */
    url: (body: unknown): { url: string } => {
      const { location } = parseBody(urlSchema, body, 'getUrl');
      const site = runtime.site.siteUrl;
      if (location.target === 'issue' && location.issueKey && ISSUE_KEY.test(location.issueKey)) {
        return { url: `${site}/browse/${location.issueKey}` };
      }
      if (location.target === 'module' && location.moduleKey) {
        const module = manifest.modules.get(location.moduleKey);
        if (module?.type === 'jira:adminPage') return { url: `${site}${adminPagePath(manifest, module)}` };
      }
      return { url: `${site}/` };
    },
  };
};

export type ForgeEndpoints = ReturnType<typeof createForgeEndpoints>;

import { z } from 'zod';

import type { JiraEmulator, JiraUser } from '../../../jira/types';
import { HostHttpError, parseBody } from '../../../shared/http-kit';
import { buildProductContext, type InstalledForgeRuntime } from '../../runtime';
import type { ForgeHandler, InvocationRequest } from '../../runtime-types';
import { describeError } from '../error-summary';
import { type ForgeEndpoints, INVOKE_FAILED_MESSAGE } from '../forge-endpoints';
import type { AutomationActionModule } from '../manifest-actions';
import { fetchProduct, fetchProductSchema } from '../product-fetch';
import type { AutomationRules } from './automation-rules';

/** `context.extension.type` of an action's configuration form (the manifest's module type). */
export const ACTION_EXTENSION_TYPE = 'action';

const frameSchema = z.object({ moduleKey: z.string().min(1).max(255) });
const invokeSchema = frameSchema.extend({
  functionKey: z.string().min(1).max(255),
  payload: z.unknown().optional(),
  metadata: z.unknown().optional(),
});

export interface AutomationFrameDeps {
  rules: Pick<AutomationRules, 'actions' | 'configuration'>;
  handlers: ReadonlyMap<string, ForgeHandler>;
  runtime: Pick<InstalledForgeRuntime, 'invoke' | 'site'>;
  jira: JiraEmulator;
  log: (line: string) => void;
}

/**
 * The bridge endpoints for an action's configuration form, in front of the UI modules' ones: a frame whose
 * `moduleKey` names an Automation action gets the action's context (`extension.data.inputs`,
 * `extension.errors.invalidInputs`) and its `invoke` calls go to the action's `resolver.function`.
 */
export const withAutomationFrames = (endpoints: ForgeEndpoints, deps: AutomationFrameDeps): ForgeEndpoints => {
  const actionOf = (body: unknown): AutomationActionModule | undefined => {
    const key = typeof body === 'object' && body !== null ? (body as { moduleKey?: unknown }).moduleKey : undefined;
    return typeof key === 'string' ? deps.rules.actions().find((action) => action.key === key) : undefined;
  };

  const invocationFor = (
    action: AutomationActionModule,
    user: JiraUser,
    extra: Partial<InvocationRequest> = {},
  ): InvocationRequest => ({
    functionKey: '',
    resolverFunctionKey: '',
    payload: undefined,
    moduleKey: action.key,
    accountId: user.accountId,
    extension: { type: ACTION_EXTENSION_TYPE },
    ...extra,
  });

  return {
    ...endpoints,

    invoke: async (body, user) => {
      const action = actionOf(body);
      if (!action) return endpoints.invoke(body, user);
      const request = parseBody(invokeSchema, body, 'invoke');
      const handler = action.resolverFunctionKey ? deps.handlers.get(action.resolverFunctionKey) : undefined;
      if (!action.resolverFunctionKey || !handler) {
        throw new HostHttpError(400, `Action ${action.key} has no resolver to invoke.`, 'NO_RESOLVER');
      }
      const invocation = invocationFor(action, user, {
        functionKey: action.resolverFunctionKey,
        resolverFunctionKey: request.functionKey,
        payload: request.payload ?? {},
      });
      let result: unknown;
      try {
        result = await deps.runtime.invoke(handler, invocation);
      } catch (error) {
        deps.log(`invoke ${action.resolverFunctionKey}/${request.functionKey} failed (${describeError(error)})`);
        throw new HostHttpError(500, INVOKE_FAILED_MESSAGE, 'INVOCATION_FAILED');
      }
      return request.metadata === undefined ? result : { body: result, metadata: {} };
    },

    context: async (body, user) => {
      const action = actionOf(body);
      if (!action) return endpoints.context(body, user);
      // The page around the form adds what it holds now (bridge-shim.ts); this is the rule as last submitted.
      const { inputs, invalidInputs } = deps.rules.configuration(action.key);
      const extension = { type: ACTION_EXTENSION_TYPE, data: { inputs }, errors: { invalidInputs } };
      return {
        accountId: user.accountId,
        ...buildProductContext(deps.runtime.site, invocationFor(action, user, { extension })),
      };
    },

    fetchProduct: async (body, user) => {
      if (!actionOf(body)) return endpoints.fetchProduct(body, user);
      return fetchProduct(
        deps.jira,
        user.accountId,
        parseBody(frameSchema.merge(fetchProductSchema), body, 'fetchProduct'),
      );
    },
  };
};

import * as z from 'zod/mini';

import { actionOptions, type AutomationConfigDeps } from '../automation/action-options';
import { createAutomationConfigDeps } from '../composition/automation-config-root';
import type { AutomationConfigFunctions } from '../contract/functions';
import { ownDefinitions } from './own-definitions';
import { type ResolverFunction, resolverFunction } from './resolver-kit';

export type AutomationConfigHandlers = {
  [K in keyof AutomationConfigFunctions]: ResolverFunction<AutomationConfigFunctions[K]['data']>;
};

/** The resolver of the Automation action's configuration form (function `automation-config`). */
export const createAutomationConfigFunctions = (deps: AutomationConfigDeps): AutomationConfigHandlers => ({
  getActionOptions: resolverFunction({
    name: 'getActionOptions',
    audience: 'user',
    schema: z.strictObject({}),
    run: () => actionOptions(deps),
  }),
});

export const handler = ownDefinitions(createAutomationConfigFunctions(createAutomationConfigDeps()));

import { ownDefinitions } from './own-definitions';
import * as z from 'zod/mini';
import type { AutomationConfigFunctions } from '../contract/functions';
import type { AutomationActionOptions } from '../contract/notification-rules';
import type { CredentialView } from '../contract/credentials';
import type { TemplateView } from '../contract/templates';
import { resolverFunction, type ResolverFunction } from './resolver-kit';
import { runtimeDeps } from './runtime-deps';

export interface AutomationConfigDeps {
  listTemplates(): Promise<TemplateView[]>;
  listCredentials(): Promise<CredentialView[]>;
}

export type AutomationConfigHandlers = {
  [K in keyof AutomationConfigFunctions]: ResolverFunction<AutomationConfigFunctions[K]['data']>;
};

/** Names only: whoever configures a rule may see which templates and mailboxes exist, never a secret. */
export const actionOptions = async (deps: AutomationConfigDeps): Promise<AutomationActionOptions> => {
  const [templates, credentials] = await Promise.all([deps.listTemplates(), deps.listCredentials()]);
  return {
    templates: templates.map(({ id, name }) => ({ id, name })),
    mailboxes: [...credentials]
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault))
      .map(({ name, senderMailbox, isDefault }) => ({ name, senderMailbox, isDefault })),
  };
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

export const handler = ownDefinitions(
  createAutomationConfigFunctions({ listTemplates: () => runtimeDeps.automation.listTemplates(), listCredentials: () => runtimeDeps.automation.listCredentials() }),
);

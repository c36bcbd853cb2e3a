import * as z from 'zod/mini';

import type { AutomationActionOptions } from '../contract/automation-action';
import type { CredentialView } from '../contract/credentials';
import type { AutomationConfigFunctions } from '../contract/functions';
import type { MailSettings } from '../contract/mail-settings';
import type { TemplateView } from '../contract/templates';
import { ownDefinitions } from './own-definitions';
import { type ResolverFunction, resolverFunction } from './resolver-kit';
import { runtimeDeps } from './runtime-deps';

export interface AutomationConfigDeps {
  listTemplates: () => Promise<TemplateView[]>;
  listCredentials: () => Promise<CredentialView[]>;
  readSettings: () => Promise<MailSettings>;
}

export type AutomationConfigHandlers = {
  [K in keyof AutomationConfigFunctions]: ResolverFunction<AutomationConfigFunctions[K]['data']>;
};

/**
 * Names only, and only the mailboxes rules may send from (the default and those the admin chose): whoever configures
 * a rule may see those, never a secret, and never a mailbox the action would refuse.
 */
export const actionOptions = async (deps: AutomationConfigDeps): Promise<AutomationActionOptions> => {
  const [templates, credentials, settings] = await Promise.all([
    deps.listTemplates(),
    deps.listCredentials(),
    deps.readSettings(),
  ]);
  return {
    templates: templates.map(({ id, name }) => ({ id, name })),
    mailboxes: credentials
      .filter((credential) => credential.isDefault || settings.automationCredentialIds.includes(credential.id))
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
  createAutomationConfigFunctions({
    listTemplates: () => runtimeDeps.automation.listTemplates(),
    listCredentials: () => runtimeDeps.automation.listCredentials(),
    readSettings: () => runtimeDeps.automation.readSettings(),
  }),
);

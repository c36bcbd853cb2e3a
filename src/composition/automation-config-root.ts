import type { AutomationConfigDeps } from '../automation/action-options';
import { createMailSettingsStore } from '../settings/mail-settings-store';
import { createAppKvStore } from './app-kv';
import { buildCredentials } from './credentials';
import { buildTemplateService } from './templates';

/** The Automation action's configuration form (function `automation-config`): template and mailbox names only. */
export const createAutomationConfigDeps = (): AutomationConfigDeps => {
  const kv = createAppKvStore();
  const credentials = buildCredentials(kv).service;
  const templates = buildTemplateService(kv);
  const settings = createMailSettingsStore(kv);
  return {
    listTemplates: () => templates.list(),
    listCredentials: () => credentials.list(),
    readSettings: () => settings.read(),
  };
};

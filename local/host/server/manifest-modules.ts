import { readFile } from 'node:fs/promises';

import { parse } from 'yaml';

import { readAutomationActions } from './manifest-actions';
import { readConsumers, readEntities, readProductTriggers } from './manifest-readers';
import { manifestSchema } from './manifest-schema';
import {
  type AppManifest,
  DEFAULT_FUNCTION_MEMORY_MB,
  ManifestError,
  type ScheduledTriggerModule,
  SUPPORTED_MODULE_TYPES,
  type UiModule,
  type WebTriggerModule,
} from './manifest-types';

export { CONSUMER_UPGRADE_DOC } from './manifest-schema';
export * from './manifest-types';

/** Reads manifest.yml for what the host serves: UI modules, their resources and resolver functions, scheduled triggers. */
export const loadAppManifest = async (manifestPath: string): Promise<AppManifest> => {
  const text = await readFile(manifestPath, 'utf8');
  const parsed = manifestSchema.safeParse(parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ManifestError(`${manifestPath}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const manifest = parsed.data;
  const resources = new Map(manifest.resources.map((resource) => [resource.key, resource.path]));
  const functions = new Map(manifest.modules.function.map((fn) => [fn.key, fn.handler]));
  const appMemoryMB = manifest.app.runtime?.memoryMB ?? DEFAULT_FUNCTION_MEMORY_MB;
  const memoryMB = new Map(manifest.modules.function.map((fn) => [fn.key, fn.runtime?.memoryMB ?? appMemoryMB]));
  const modules = new Map<string, UiModule>();
  for (const type of SUPPORTED_MODULE_TYPES) {
    for (const module of manifest.modules[type]) {
      if (!resources.has(module.resource)) {
        throw new ManifestError(`${manifestPath}: module ${module.key} names unknown resource ${module.resource}.`);
      }
      if (module.resolver && !functions.has(module.resolver.function)) {
        throw new ManifestError(
          `${manifestPath}: module ${module.key} names unknown function ${module.resolver.function}.`,
        );
      }
      modules.set(module.key, {
        key: module.key,
        type,
        title: module.title,
        resourceKey: module.resource,
        resolverFunctionKey: module.resolver?.function,
        viewportSize: module.viewportSize,
        displayConditions: module.displayConditions,
      });
    }
  }
  const timeouts = new Map(manifest.modules.function.map((fn) => [fn.key, fn.timeoutSeconds]));
  const scheduledTriggers = manifest.modules.scheduledTrigger.map((trigger): ScheduledTriggerModule => {
    if (!functions.has(trigger.function)) {
      throw new ManifestError(
        `${manifestPath}: scheduled trigger ${trigger.key} names unknown function ${trigger.function}.`,
      );
    }
    return {
      key: trigger.key,
      functionKey: trigger.function,
      interval: trigger.interval,
      timeoutSeconds: timeouts.get(trigger.function),
    };
  });
  const consumers = readConsumers(manifestPath, manifest.modules.consumer, functions, timeouts);
  const productTriggers = readProductTriggers(manifestPath, manifest.modules.trigger, functions, timeouts);
  const webTriggers = manifest.modules.webtrigger.map((trigger): WebTriggerModule => {
    if (!functions.has(trigger.function)) {
      throw new ManifestError(
        `${manifestPath}: web trigger ${trigger.key} names unknown function ${trigger.function}.`,
      );
    }
    return {
      key: trigger.key,
      functionKey: trigger.function,
      timeoutSeconds: timeouts.get(trigger.function),
      urlFormat: trigger.urlFormat,
    };
  });
  const entities = readEntities(manifestPath, manifest.app.storage?.entities ?? []);
  const inlineStyles = (manifest.permissions?.content?.styles ?? []).includes('unsafe-inline');
  const scopes = manifest.permissions?.scopes;
  const allowImpersonation =
    scopes !== undefined &&
    !Array.isArray(scopes) &&
    Object.values(scopes).some((scope) => scope?.allowImpersonation === true);
  const automation = readAutomationActions(manifest.modules, { functions, resources });
  if (!automation.ok) throw new ManifestError(`${manifestPath}: ${automation.message}`);
  const automationActions = automation.actions;
  return {
    appId: manifest.app.id,
    modules,
    scheduledTriggers,
    consumers,
    productTriggers,
    webTriggers,
    entities,
    resources,
    functions,
    memoryMB,
    inlineStyles,
    allowImpersonation,
    automationActions,
  };
};

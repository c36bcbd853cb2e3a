import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

/** The Custom UI module types the local Jira can show. */
export const SUPPORTED_MODULE_TYPES = ['jira:adminPage', 'jira:issueAction'] as const;
export type SupportedModuleType = (typeof SUPPORTED_MODULE_TYPES)[number];

export interface UiModule {
  key: string;
  type: SupportedModuleType;
  title: string;
  resourceKey: string;
  /** The manifest function the module's resolver is, e.g. 'admin-resolver'. */
  resolverFunctionKey: string | undefined;
  /** jira:issueAction's modal size (`viewportSize`), medium by default. */
  viewportSize: string | undefined;
}

/** Forge's scheduled trigger intervals. */
export const TRIGGER_INTERVALS = ['fiveMinute', 'hour', 'day', 'week'] as const;
export type TriggerInterval = (typeof TRIGGER_INTERVALS)[number];

export interface ScheduledTriggerModule {
  key: string;
  /** The manifest function the trigger invokes, e.g. 'credential-expiry-check'. */
  functionKey: string;
  interval: TriggerInterval;
  /** The function's `timeoutSeconds` (1-900); the platform's 55 s when undefined. */
  timeoutSeconds: number | undefined;
}

export interface AppManifest {
  appId: string;
  modules: Map<string, UiModule>;
  /** `scheduledTrigger` modules in manifest order. */
  scheduledTriggers: ScheduledTriggerModule[];
  /** Resource key -> path of its files, relative to the project root. */
  resources: Map<string, string>;
  /** Function key -> handler `file.export`, e.g. 'index.adminResolver'. */
  functions: Map<string, string>;
  /** `permissions.content.styles` includes 'unsafe-inline': Forge then lets Custom UI use inline styles. */
  inlineStyles: boolean;
}

export class ManifestError extends Error {
  override name = 'ManifestError';
  readonly code = 'MANIFEST_INVALID';
}

/** Forge's module key pattern; the host puts trigger keys in URL paths. */
const MODULE_KEY = /^[a-zA-Z0-9_-]+$/;

const uiModuleSchema = z.object({
  key: z.string().min(1),
  resource: z.string().min(1),
  resolver: z.object({ function: z.string().min(1) }).optional(),
  title: z.string().default(''),
  viewportSize: z.string().optional(),
});

const manifestSchema = z.object({
  app: z.object({ id: z.string().min(1) }),
  modules: z
    .object({
      'jira:adminPage': z.array(uiModuleSchema).default([]),
      'jira:issueAction': z.array(uiModuleSchema).default([]),
      scheduledTrigger: z
        .array(z.object({ key: z.string().regex(MODULE_KEY), function: z.string().min(1), interval: z.enum(TRIGGER_INTERVALS) }))
        .default([]),
      function: z
        .array(
          z.object({
            key: z.string().min(1),
            handler: z.string().regex(/^[\w-]+\.\w+$/),
            // Forge's schema: 1-900 s; the module type may allow less (checked when the function runs).
            timeoutSeconds: z.number().min(1).max(900).optional(),
          }),
        )
        .default([]),
    })
    .passthrough(),
  resources: z.array(z.object({ key: z.string().min(1), path: z.string().min(1) })).default([]),
  permissions: z
    .object({ content: z.object({ styles: z.array(z.string()).default([]) }).partial().optional() })
    .passthrough()
    .optional(),
});

/** Reads manifest.yml for what the host serves: UI modules, their resources and resolver functions, scheduled triggers. */
export async function loadAppManifest(manifestPath: string): Promise<AppManifest> {
  const text = await readFile(manifestPath, 'utf8');
  const parsed = manifestSchema.safeParse(parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ManifestError(`${manifestPath}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const manifest = parsed.data;
  const resources = new Map(manifest.resources.map((resource) => [resource.key, resource.path]));
  const functions = new Map(manifest.modules.function.map((fn) => [fn.key, fn.handler]));
  const modules = new Map<string, UiModule>();
  for (const type of SUPPORTED_MODULE_TYPES) {
    for (const module of manifest.modules[type]) {
      if (!resources.has(module.resource)) {
        throw new ManifestError(`${manifestPath}: module ${module.key} names unknown resource ${module.resource}.`);
      }
      if (module.resolver && !functions.has(module.resolver.function)) {
        throw new ManifestError(`${manifestPath}: module ${module.key} names unknown function ${module.resolver.function}.`);
      }
      modules.set(module.key, {
        key: module.key,
        type,
        title: module.title,
        resourceKey: module.resource,
        resolverFunctionKey: module.resolver?.function,
        viewportSize: module.viewportSize,
      });
    }
  }
  const timeouts = new Map(manifest.modules.function.map((fn) => [fn.key, fn.timeoutSeconds]));
  const scheduledTriggers = manifest.modules.scheduledTrigger.map((trigger): ScheduledTriggerModule => {
    if (!functions.has(trigger.function)) {
      throw new ManifestError(`${manifestPath}: scheduled trigger ${trigger.key} names unknown function ${trigger.function}.`);
    }
    return { key: trigger.key, functionKey: trigger.function, interval: trigger.interval, timeoutSeconds: timeouts.get(trigger.function) };
  });
  const inlineStyles = (manifest.permissions?.content?.styles ?? []).includes('unsafe-inline');
  return { appId: manifest.app.id, modules, scheduledTriggers, resources, functions, inlineStyles };
}

export function modulesOfType(manifest: AppManifest, type: SupportedModuleType): UiModule[] {
  return [...manifest.modules.values()].filter((module) => module.type === type);
}

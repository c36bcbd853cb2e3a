import { readFile } from 'node:fs/promises';

import { parse } from 'yaml';
import { z } from 'zod';

import type { QueueConsumer } from '../queue/queue-types';
import type { EntityDefinition } from '../runtime/entity-query';
import { type DisplayConditions, displayConditionsSchema } from './display-conditions';
import { type AutomationActionModule, readAutomationActions } from './manifest-actions';

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
  displayConditions: DisplayConditions | undefined; // when it shows (display-conditions.ts); undefined: always
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

/** One product event a `trigger` module listens to, and whether events the app caused are left out (`ignoreSelf`). */
export interface ProductTriggerEvent {
  eventType: string;
  ignoreSelf: boolean;
}

/** A `trigger` module: the product events it listens to and the function they invoke. */
export interface ProductTriggerModule {
  key: string;
  /** The manifest function the events invoke, e.g. 'issue-events'. */
  functionKey: string;
  events: ProductTriggerEvent[];
  /** The function's `timeoutSeconds`; the platform's 25 s (also the most allowed) when undefined. */
  timeoutSeconds: number | undefined;
}

/** A `webtrigger` module: the function an HTTP request to its URL invokes. */
export interface WebTriggerModule {
  key: string;
  functionKey: string;
  /** The function's `timeoutSeconds`; web triggers get 55 s, and no more. */
  timeoutSeconds: number | undefined;
}

/** A `consumer` module: the queue it listens to and the function it invokes with each event. */
export type ConsumerModule = QueueConsumer;

/** Custom entity attribute types (`app.storage.entities[].attributes.<name>.type`). */
export const ENTITY_ATTRIBUTE_TYPES = ['any', 'boolean', 'float', 'integer', 'string'] as const;

/** A custom entity of `app.storage.entities`, with its attributes, in the runtime's `EntityDefinition` shape. */
export interface ManifestEntity extends EntityDefinition {
  attributes: Record<string, { type: (typeof ENTITY_ATTRIBUTE_TYPES)[number] }>;
}

export interface AppManifest {
  appId: string;
  modules: Map<string, UiModule>;
  /** `scheduledTrigger` modules in manifest order. */
  scheduledTriggers: ScheduledTriggerModule[];
  /** `consumer` modules in manifest order. */
  consumers: ConsumerModule[];
  /** `trigger` modules (product events) in manifest order. */
  productTriggers: ProductTriggerModule[];
  /** `webtrigger` modules in manifest order. */
  webTriggers: WebTriggerModule[];
  /** `app.storage.entities`, for the runtime's `entities`. */
  entities: ManifestEntity[];
  /** Resource key -> path of its files, relative to the project root. */
  resources: Map<string, string>;
  /** Function key -> handler `file.export`, e.g. 'index.adminResolver'. */
  functions: Map<string, string>;
  /**
   * Function key -> its container's memory in MB: the function's `runtime.memoryMB`, else the app's
   * `app.runtime.memoryMB`, else Forge's 512 (manifest.d.ts of @forge/manifest: "between 128 MB and 1024 MB").
   */
  memoryMB: Map<string, number>;
  /** `permissions.content.styles` includes 'unsafe-inline': Forge then lets Custom UI use inline styles. */
  inlineStyles: boolean;
  /**
   * A scope in `permissions.scopes` says `allowImpersonation: true`: functions may call `asUser(accountId)` for
   * someone who did not invoke them (offline user impersonation).
   */
  allowImpersonation: boolean;
  /** `action` modules an `automation:actionProvider` lists (manifest-actions.ts). */
  automationActions: AutomationActionModule[];
}

export class ManifestError extends Error {
  override name = 'ManifestError';
  readonly code = 'MANIFEST_INVALID';
}

/** Forge's default memory of a function's container, in MB. */
export const DEFAULT_FUNCTION_MEMORY_MB = 512;

/** Forge's module key pattern; the host puts trigger keys in URL paths. */
const MODULE_KEY = /^[a-zA-Z0-9_-]+$/;

const uiModuleSchema = z.object({
  key: z.string().min(1),
  resource: z.string().min(1),
  resolver: z.object({ function: z.string().min(1) }).optional(),
  title: z.string().default(''),
  viewportSize: z.string().optional(),
  displayConditions: displayConditionsSchema.optional(),
});

/**
 * Forge's product event filter. Jira expressions (`expression`) cannot be evaluated locally, so a manifest that
 * uses one is refused rather than delivered events Forge would have filtered out.
 */
const eventFilterSchema = z
  .object({
    ignoreSelf: z.boolean().optional(),
    expression: z
      .undefined({ message: 'filter.expression (a Jira expression) is not supported by the local host' })
      .optional(),
    onError: z.string().optional(),
    appIsLicensed: z.boolean().optional(),
  })
  .strict();

const triggerSchema = z.object({
  key: z.string().regex(MODULE_KEY),
  function: z.string().min(1),
  events: z.union([
    z.array(z.string().min(1)).min(1),
    z.array(z.object({ eventType: z.string().min(1), filter: eventFilterSchema })).min(1),
  ]),
  filter: eventFilterSchema.optional(),
});

/** @forge/events' queue name pattern. */
const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;

/** Where Atlassian describes the change from @forge/events 1.x consumers to today's. */
export const CONSUMER_UPGRADE_DOC =
  'https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api-version-2-upgrade/';

/**
 * The consumer module as documented today: `{ key, queue, function }`
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/consumer/). The @forge/events 1.x form,
 * `resolver: { function, method }`, still passes Atlassian's manifest validator, but its function would be invoked
 * with an AsyncEvent that a resolver cannot read: refused here with a message that names the change.
 */
const consumerSchema = z
  .object({
    key: z.string().regex(MODULE_KEY),
    queue: z.string().regex(QUEUE_NAME),
    function: z.string().min(1).optional(),
    resolver: z.unknown().optional(),
    crossVersion: z.boolean().optional(),
  })
  .superRefine((consumer, context) => {
    if (consumer.resolver !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['resolver'],
        message:
          `consumer ${consumer.key} uses the @forge/events 1.x form "resolver: { function, method }". Since @forge/events 2 ` +
          `"Forge resolvers are no longer used. The Consumer module instead requires a Function": write "function: <function key>" ` +
          `and read the AsyncEvent (event.body, event.jobId, event.retryContext) in the handler. See ${CONSUMER_UPGRADE_DOC}`,
      });
    } else if (consumer.function === undefined) {
      context.addIssue({ code: 'custom', path: ['function'], message: `consumer ${consumer.key} names no function` });
    }
  });

const entityIndexSchema = z.union([
  z.string().min(1),
  z.object({
    name: z.string().min(1),
    range: z.array(z.string().min(1)).length(1),
    partition: z.array(z.string().min(1)).optional(),
  }),
]);

const entitySchema = z.object({
  name: z.string().min(1),
  attributes: z.record(z.string(), z.object({ type: z.enum(ENTITY_ATTRIBUTE_TYPES) })),
  indexes: z.array(entityIndexSchema).default([]),
});

/** Forge's function memory bounds (@forge/manifest's MemoryMB: 128 to 1024, in 1 MB steps). */
const memoryMbSchema = z.number().int().min(128).max(1024);

const manifestSchema = z.object({
  app: z.object({
    id: z.string().min(1),
    runtime: z.object({ memoryMB: memoryMbSchema.optional() }).passthrough().optional(),
    storage: z.object({ entities: z.array(entitySchema).default([]) }).optional(),
  }),
  modules: z
    .object({
      'jira:adminPage': z.array(uiModuleSchema).default([]),
      'jira:issueAction': z.array(uiModuleSchema).default([]),
      scheduledTrigger: z
        .array(
          z.object({
            key: z.string().regex(MODULE_KEY),
            function: z.string().min(1),
            interval: z.enum(TRIGGER_INTERVALS),
          }),
        )
        .default([]),
      consumer: z.array(consumerSchema).default([]),
      trigger: z.array(triggerSchema).default([]),
      // https://developer.atlassian.com/platform/forge/manifest-reference/modules/web-trigger/: the function's own
      // answer is the HTTP response ("dynamic"); responses fixed in the manifest ("static") are not emulated.
      webtrigger: z
        .array(
          z.object({
            key: z.string().regex(MODULE_KEY),
            function: z.string().min(1),
            response: z
              .object({
                type: z.literal('dynamic', {
                  message: 'only dynamic web trigger responses are supported by the local host',
                }),
              })
              .passthrough()
              .optional(),
            security: z.unknown().optional(),
          }),
        )
        .default([]),
      function: z
        .array(
          z.object({
            key: z.string().min(1),
            handler: z.string().regex(/^[\w-]+\.\w+$/),
            // Forge's schema: 1-900 s; the module type may allow less (checked when the function runs).
            timeoutSeconds: z.number().min(1).max(900).optional(),
            runtime: z.object({ memoryMB: memoryMbSchema.optional() }).optional(),
          }),
        )
        .default([]),
    })
    .passthrough(),
  resources: z.array(z.object({ key: z.string().min(1), path: z.string().min(1) })).default([]),
  permissions: z
    .object({
      content: z
        .object({ styles: z.array(z.string()).default([]) })
        .partial()
        .optional(),
      // A list of scopes, or scope -> { allowImpersonation } (@forge/manifest's `Scopes`).
      scopes: z
        .union([
          z.array(z.string()),
          z.record(z.string(), z.object({ allowImpersonation: z.boolean().optional() }).passthrough().nullable()),
        ])
        .optional(),
    })
    .passthrough()
    .optional(),
});

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
    return { key: trigger.key, functionKey: trigger.function, timeoutSeconds: timeouts.get(trigger.function) };
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

type ManifestData = z.infer<typeof manifestSchema>;

const readConsumers = (
  manifestPath: string,
  declared: ManifestData['modules']['consumer'],
  functions: ReadonlyMap<string, string>,
  timeouts: ReadonlyMap<string, number | undefined>,
): ConsumerModule[] => {
  const byQueue = new Map<string, string>();
  return declared.map((consumer): ConsumerModule => {
    // The schema refused a consumer without a function.
    const functionKey = consumer.function ?? '';
    if (!functions.has(functionKey)) {
      throw new ManifestError(`${manifestPath}: consumer ${consumer.key} names unknown function ${functionKey}.`);
    }
    const other = byQueue.get(consumer.queue);
    if (other !== undefined) {
      throw new ManifestError(
        `${manifestPath}: consumers ${other} and ${consumer.key} both listen to queue ${consumer.queue}.`,
      );
    }
    byQueue.set(consumer.queue, consumer.key);
    return {
      key: consumer.key,
      queue: consumer.queue,
      functionKey,
      timeoutSeconds: timeouts.get(functionKey),
    };
  });
};

const readProductTriggers = (
  manifestPath: string,
  declared: ManifestData['modules']['trigger'],
  functions: ReadonlyMap<string, string>,
  timeouts: ReadonlyMap<string, number | undefined>,
): ProductTriggerModule[] =>
  declared.map((trigger): ProductTriggerModule => {
    if (!functions.has(trigger.function)) {
      throw new ManifestError(`${manifestPath}: trigger ${trigger.key} names unknown function ${trigger.function}.`);
    }
    const moduleIgnoreSelf = trigger.filter?.ignoreSelf ?? false;
    // An event's own filter replaces the module's, as Forge reads FilteredProductEvents.
    const events = trigger.events.map((event): ProductTriggerEvent =>
      typeof event === 'string'
        ? { eventType: event, ignoreSelf: moduleIgnoreSelf }
        : { eventType: event.eventType, ignoreSelf: event.filter.ignoreSelf ?? false },
    );
    const duplicate = events.find(
      (event, index) => events.findIndex((other) => other.eventType === event.eventType) !== index,
    );
    if (duplicate)
      throw new ManifestError(`${manifestPath}: trigger ${trigger.key} lists event ${duplicate.eventType} twice.`);
    return { key: trigger.key, functionKey: trigger.function, events, timeoutSeconds: timeouts.get(trigger.function) };
  });

const readEntities = (
  manifestPath: string,
  declared: NonNullable<ManifestData['app']['storage']>['entities'],
): ManifestEntity[] => {
  const names = new Set<string>();
  return declared.map((entity): ManifestEntity => {
    if (names.has(entity.name)) {
      throw new ManifestError(`${manifestPath}: entity ${entity.name} is declared twice.`);
    }
    names.add(entity.name);
    for (const index of entity.indexes) {
      const used = typeof index === 'string' ? [index] : [...index.range, ...(index.partition ?? [])];
      const unknown = used.find((attribute) => !(attribute in entity.attributes));
      if (unknown !== undefined) {
        const indexName = typeof index === 'string' ? index : index.name;
        throw new ManifestError(
          `${manifestPath}: index ${indexName} of entity ${entity.name} names unknown attribute ${unknown}.`,
        );
      }
    }
    return { name: entity.name, attributes: entity.attributes, indexes: entity.indexes };
  });
};

export const modulesOfType = (manifest: AppManifest, type: SupportedModuleType): UiModule[] =>
  [...manifest.modules.values()].filter((module) => module.type === type);

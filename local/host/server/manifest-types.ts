import type { QueueConsumer } from '../queue/queue-types';
import type { EntityAttributeType, EntityDefinition } from '../runtime/entity-query';
import type { DisplayConditions } from './display-conditions';
import type { AutomationActionModule } from './manifest-actions';

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
  /** `urlFormat`: v1 URLs (the default here) end in `/x1/<id>`, v2 URLs in `/public/<id>`. */
  urlFormat: 'v1' | 'v2' | undefined;
}

/** A `consumer` module: the queue it listens to and the function it invokes with each event. */
export type ConsumerModule = QueueConsumer;

/** A custom entity of `app.storage.entities`, with its attributes, in the runtime's `EntityDefinition` shape. */
export interface ManifestEntity extends EntityDefinition {
  attributes: Record<string, { type: EntityAttributeType }>;
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
  /** Function key -> handler `file.export`, e.g. 'resolvers/admin-resolver.handler'. */
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

export const modulesOfType = (manifest: AppManifest, type: SupportedModuleType): UiModule[] =>
  [...manifest.modules.values()].filter((module) => module.type === type);

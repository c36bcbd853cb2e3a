import type { JiraEmulator } from '../jira/types';

/** A Forge function handler as its entry file exports it (a resolver's `getDefinitions()`). */
export type ForgeHandler = (
  event: { call: { functionKey: string; payload?: unknown; jobId?: string }; context: Record<string, unknown> },
  backendRuntimePayload: {
    principal?: { accountId: string };
    installContext: string;
    license?: { isActive: boolean };
    installation?: unknown;
  },
) => Promise<unknown>;

/** The second argument the platform passes to every function handler (Forge's "context" argument). */
export type BackendRuntimePayload = Parameters<ForgeHandler>[1];

/**
 * What a `consumer` module's function receives first: @forge/events' `AsyncEvent` (the pushed `body` and push
 * settings, then `queueName`, `jobId`, `eventId` and, on a redelivery, `retryContext`).
 * https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/
 */
export interface ConsumerEvent {
  body: Record<string, unknown>;
  concurrency?: { key: string; limit: number };
  queueName: string;
  jobId: string;
  eventId: string;
  retryContext?: { retryCount: number; retryReason: string; retryData?: unknown };
}

/** A function a `consumer` module names (`function: email-worker`), called as `handler(event, context)`. */
export type ForgeConsumerHandler = (event: ConsumerEvent, context: BackendRuntimePayload) => unknown;

/** The trigger modules whose functions the platform calls with no user behind the call. */
export type TriggerModuleType = 'scheduledTrigger' | 'trigger' | 'webtrigger';

/**
 * What a trigger function receives first: `{ context: { cloudId, moduleKey }, contextToken }` for a scheduled
 * trigger; a product event (`trigger`) also carries the event's own fields.
 */
export interface TriggerEvent {
  [field: string]: unknown;
  context: { cloudId: string; moduleKey: string };
  /** Identifies the invocation to the platform; it has no meaning to the app. */
  contextToken: string;
}

/** A function a trigger module names, e.g. `triggers/credential-expiry-check.handler`. The platform ignores its answer. */
export type ForgeTriggerHandler = (event: TriggerEvent, context: BackendRuntimePayload) => unknown;

export interface TriggerInvocationRequest {
  /** The manifest function key, e.g. 'credential-expiry-check'. */
  functionKey: string;
  /** The trigger module's key, e.g. 'credential-expiry-check'. */
  moduleKey: string;
  moduleType: TriggerModuleType;
  /** A product event's own fields (`trigger` modules); the platform's `context` and `contextToken` win. */
  event?: Record<string, unknown>;
  /** The manifest function's `timeoutSeconds`; the module type's platform default otherwise. */
  timeoutSeconds?: number;
}

export interface LocalForgeRuntimeOptions {
  /** SQLite file holding kvs and secrets; ':memory:' in tests. */
  dbPath: string;
  jira: JiraEmulator;
  appId?: string;
  environmentType?: 'DEVELOPMENT' | 'STAGING' | 'PRODUCTION';
}

export interface InvocationRequest {
  /** The manifest function key, e.g. 'admin-resolver'. */
  functionKey: string;
  /** The resolver definition to call, e.g. 'saveCredential'. */
  resolverFunctionKey: string;
  payload: unknown;
  /** The module the call comes from, e.g. 'email-this-issue'. */
  moduleKey: string;
  /** The invoking user; requestJira asUser acts as them. */
  accountId: string;
  /** The `context.extension` the product gives the module (issue, project, type). */
  extension: Record<string, unknown>;
}

/** Counts of what invocations cost, for benchmarks and tests. */
export interface RuntimeStats {
  kvsOperations: number;
  jiraRequests: number;
  invocations: number;
}

/**
 * Defines `global.__forge_runtime__` and `global.__forge_fetch__` so that the unmodified @forge/kvs,
 * @forge/api and @forge/resolver packages work in this process. Created by `installForgeRuntime(options)`
 * from `local/host/runtime`.
 */
export interface LocalForgeRuntime {
  /** Runs a handler as the Forge platform would for one resolver call, and returns its answer. */
  invoke: (handler: ForgeHandler, request: InvocationRequest) => Promise<unknown>;
  /**
   * Runs a trigger module's function as the platform does: with no invoking user (`asUser()` is refused,
   * `asApp()` works) and the module type's time limit (scheduled triggers: 55 s, or the function's
   * `timeoutSeconds` up to 900 s). Resolves with the function's answer as JSON; rejects with its error.
   */
  invokeTrigger: (handler: ForgeTriggerHandler, request: TriggerInvocationRequest) => Promise<unknown>;
  stats: () => RuntimeStats;
  resetStats: () => void;
  /** Removes the globals and closes the database. */
  uninstall: () => void;
}

import type { ForgeConsumerHandler, LocalForgeRuntime, LocalForgeRuntimeOptions } from '../runtime-types';
import type { ActionInvocationRequest, ForgeActionHandler } from './action-invocation';
import type { ConsumerInvocationRequest } from './consumer-invocation';
import type { EntityDefinition } from './entity-query';
import type { ForgeFetchRoute } from './forge-fetch';
import type { FunctionWorkerPoolOptions } from './isolation/worker-pool';
import type { SiteIdentity } from './site-identity';

export interface InstallForgeRuntimeOptions extends LocalForgeRuntimeOptions {
  appVersion?: string;
  /** Defaults derive from the app id (and site), so separate processes agree. */
  environmentId?: string;
  installationId?: string;
  /** Seam for tests: the time limit of resolver invocations; the platform's 25 s otherwise (not triggers'). */
  invocationTimeoutMs?: number;
  /** Clock in ms (remaining time, kvs timestamps and TTLs); Date.now otherwise. */
  now?: () => number;
  /** Custom entities as the manifest declares them, for `kvs.entity(...).query()`. */
  entities?: EntityDefinition[];
  /** More platform calls to answer (tried before kvs and Jira), e.g. a queue for @forge/events. */
  routes?: ForgeFetchRoute[];
  /** manifest.yml allows offline user impersonation (`allowImpersonation: true` on a scope); refused otherwise. */
  allowImpersonation?: boolean;
  /**
   * Worker processes for the functions whose handlers are `isolatedHandler` stand-ins (each invocation in a
   * process of its own, memory measured and limited). Other handlers run in this process.
   */
  workers?: FunctionWorkerPoolOptions;
}

export interface InstalledForgeRuntime extends LocalForgeRuntime {
  /** The app, environment and site the runtime presents, for the host's bridge `getContext`. */
  readonly site: SiteIdentity;
  /**
   * Runs a `consumer` module's function for one async event, as the platform does: `handler(event, context)`
   * with @forge/events' AsyncEvent, no invoking user, the function's `timeoutSeconds` (55 s by default, at most
   * 900 s). Resolves with the function's answer as JSON (an `InvocationError` arrives as `{ _retry: true,
   * retryOptions }`); rejects with what it threw, or with `ConsumerTimeoutError`.
   */
  invokeConsumer: (handler: ForgeConsumerHandler, request: ConsumerInvocationRequest) => Promise<unknown>;
  /**
   * Runs an Automation action's function as Automation does: `handler(payload, context)` as the rule's actor
   * (`asUser()` acts as `accountId`), within the 25 s of user-led invocations. Resolves with the function's answer
   * as JSON (`{ errors }` included); rejects with what it threw, or with `ActionTimeoutError`.
   */
  invokeAction: (handler: ForgeActionHandler, request: ActionInvocationRequest) => Promise<unknown>;
  /** The highest resident memory an invocation of each isolated function reached, in bytes, since the last resetStats(). */
  memoryPeaks: () => Record<string, number>;
  /** Starts the platform proxy of worker processes; done by the first isolated invocation otherwise. */
  startWorkers: () => Promise<void>;
  /** Stops the worker processes and the platform proxy (uninstall() does it too, without waiting). */
  stopWorkers: () => Promise<void>;
}

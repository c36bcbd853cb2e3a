import type {
  BackendRuntimePayload,
  ForgeConsumerHandler,
  ForgeHandler,
  ForgeTriggerHandler,
  InvocationRequest,
  LocalForgeRuntime,
  LocalForgeRuntimeOptions,
  RuntimeStats,
  TriggerInvocationRequest,
} from '../runtime-types';
import {
  ACTION_MODULE_TYPE,
  type ActionInvocationRequest,
  ActionTimeoutError,
  type ForgeActionHandler,
} from './action-invocation';
import {
  buildConsumerEvent,
  CONSUMER_MODULE_TYPE,
  type ConsumerInvocationRequest,
  ConsumerTimeoutError,
  consumerTimeoutMs,
} from './consumer-invocation';
import type { EntityDefinition } from './entity-query';
import {
  ForgeRuntimeError,
  FunctionOutOfMemoryError,
  InvocationPayloadTooLargeError,
  InvocationTimeoutError,
  RuntimeAlreadyInstalledError,
  RuntimeUninstalledError,
  TriggerTimeoutError,
} from './errors';
import { createForgeFetch, type ForgeFetchRoute, jiraRoute, kvsRoute } from './forge-fetch';
import { createForgeRuntimeGlobal } from './forge-runtime-global';
import { createInvocationScope, createInvocationScopes, createScope, type InvocationScope } from './invocation-scope';
import { handlerRefOf } from './isolation/isolated-handler';
import { type PlatformProxy, startPlatformProxy } from './isolation/platform-proxy';
import { FunctionWorkerPool, type FunctionWorkerPoolOptions } from './isolation/worker-pool';
import { KvsEndpoint } from './kvs-endpoint';
import { KvsSqliteStore } from './kvs-sqlite';
import { buildBackendRuntimePayload, buildProductContext } from './product-context';
import { appUuid, type SiteIdentity, stableUuid } from './site-identity';
import { buildTriggerEvent, newContextToken, platformModuleType, triggerTimeoutMs } from './trigger-invocation';

export {
  ACTION_MODULE_TYPE,
  type ActionInvocationRequest,
  ActionTimeoutError,
  type ForgeActionHandler,
} from './action-invocation';
export type { ChildInvokeAnswer, ChildInvokeFailure, ChildInvokeRequest } from './child-invoke-protocol';
export {
  CONSUMER_MODULE_TYPE,
  CONSUMER_TIME_LIMITS,
  type ConsumerInvocationRequest,
  type ConsumerRetryContext,
  ConsumerTimeoutError,
  consumerTimeoutMs,
  InvalidConsumerRequestError,
} from './consumer-invocation';
export type { EntityDefinition } from './entity-query';
export * from './errors';
export type { ForgeFetchRoute, ForgeFetchTarget } from './forge-fetch';
export { buildBackendRuntimePayload, buildProductContext, localIdOf } from './product-context';
export type { SiteIdentity } from './site-identity';
export { type ChildInvokeOutcome, invokeInChildProcess, type SpawnChildInvokeOptions } from './spawn-child-invoke';
export { platformModuleType, TRIGGER_TIME_LIMITS, triggerTimeoutMs } from './trigger-invocation';

/** Resolver and UI invocations get 25 s on Forge. */
export const INVOCATION_TIMEOUT_MS = 25_000;

/**
 * Forge's size limits of one invocation (https://developer.atlassian.com/platform/forge/limits-invocation/): the
 * payload a UI sends with `invoke` (and an action's inputs), and the answer that goes back.
 */
export const MAX_INVOCATION_PAYLOAD_BYTES = 500 * 1024;
export const MAX_INVOCATION_RESPONSE_BYTES = 5 * 1024 * 1024;

export { type HandlerRef, handlerRefOf, isolatedHandler } from './isolation/isolated-handler';
export type { FunctionWorkerPoolOptions } from './isolation/worker-pool';

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

const RUNTIME_GLOBAL = '__forge_runtime__';
const FETCH_GLOBAL = '__forge_fetch__';

const defineGlobal = (name: string, value: unknown): void => {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: false, enumerable: false });
};

const removeGlobal = (name: string, owned: unknown): void => {
  if (Reflect.get(globalThis, name) === owned) {
    Reflect.deleteProperty(globalThis, name);
  }
};

/** Answers as the platform does: the bridge receives JSON, so a handler's answer crosses as JSON. */
const acrossTheWire = (value: unknown): unknown =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);

const jsonBytes = (value: unknown): number =>
  value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Refuses what Forge refuses: a payload over 500 KB before the function runs, an answer over 5 MB after. */
const checkSize = (what: 'payload' | 'response', functionKey: string, value: unknown): void => {
  const limit = what === 'payload' ? MAX_INVOCATION_PAYLOAD_BYTES : MAX_INVOCATION_RESPONSE_BYTES;
  const bytes = jsonBytes(value);
  if (bytes > limit) throw new InvocationPayloadTooLargeError(what, functionKey, bytes, limit);
};

/**
 * Installs the local Forge runtime in this process: defines `global.__forge_runtime__` and `global.__forge_fetch__`
 * so the unmodified @forge/kvs, @forge/api and @forge/resolver run against SQLite and the local Jira, and returns
 * the handle that invokes functions as the platform does.
 */
export const installForgeRuntime = (options: InstallForgeRuntimeOptions): InstalledForgeRuntime => {
  if (Reflect.get(globalThis, RUNTIME_GLOBAL) !== undefined || Reflect.get(globalThis, FETCH_GLOBAL) !== undefined) {
    throw new RuntimeAlreadyInstalledError();
  }
  const nowMs = options.now ?? Date.now;
  const timeoutMs = options.invocationTimeoutMs ?? INVOCATION_TIMEOUT_MS;
  const appId = appUuid(options.appId);
  const site: SiteIdentity = {
    appId,
    appVersion: options.appVersion ?? '1.0.0',
    environmentId: options.environmentId ?? stableUuid('environment', appId),
    environmentType: options.environmentType ?? 'DEVELOPMENT',
    installationId: options.installationId ?? stableUuid('installation', appId, options.jira.cloudId),
    cloudId: options.jira.cloudId,
    siteUrl: options.jira.siteUrl,
  };

  const stats: RuntimeStats = { kvsOperations: 0, jiraRequests: 0, invocations: 0 };
  const scopes = createInvocationScopes();
  const store = new KvsSqliteStore(options.dbPath);
  const endpoint = new KvsEndpoint(store, options.entities ?? [], nowMs);
  const forgeFetch = createForgeFetch([
    ...(options.routes ?? []),
    kvsRoute({ endpoint, scopes, onCall: () => (stats.kvsOperations += 1) }),
    jiraRoute({
      jira: options.jira,
      scopes,
      onCall: () => (stats.jiraRequests += 1),
      allowImpersonation: options.allowImpersonation ?? false,
    }),
  ]);
  const forgeRuntime = createForgeRuntimeGlobal({ site, scopes, nowMs, timeoutMs });
  defineGlobal(RUNTIME_GLOBAL, forgeRuntime);
  defineGlobal(FETCH_GLOBAL, forgeFetch);
  let installed = true;
  let workers: FunctionWorkerPool | undefined;
  let proxy: Promise<PlatformProxy> | undefined;
  const memoryPeaks = new Map<string, number>();
  const startWorkers = async (): Promise<PlatformProxy> => {
    workers ??= new FunctionWorkerPool(options.workers);
    proxy ??= startPlatformProxy({ forgeFetch, scopes });
    return proxy;
  };

  /** Runs the handler in a worker process: the invocation's platform calls come back through the proxy. */
  const runIsolated = async (
    scope: InvocationScope,
    handler: unknown,
    event: unknown,
    signal: AbortSignal,
  ): Promise<unknown> => {
    const ref = handlerRefOf(handler);
    if (!ref)
      throw new ForgeRuntimeError('ISOLATED_HANDLER', `Function '${scope.functionKey}' has no worker reference`);
    const platform = await startWorkers();
    const pool = workers as FunctionWorkerPool;
    const leave = platform.admit(scope);
    const notePeak = (bytes: number) =>
      memoryPeaks.set(scope.functionKey, Math.max(memoryPeaks.get(scope.functionKey) ?? 0, bytes));
    try {
      const outcome = await pool.run({
        functionKey: scope.functionKey,
        handler: { module: ref.module, export: ref.export },
        event,
        site,
        scope,
        memoryMB: ref.memoryMB,
        hostNowMs: Date.now(),
        proxyUrl: platform.url,
        signal,
      });
      if (outcome.peakRssBytes !== undefined) notePeak(outcome.peakRssBytes);
      return outcome.result;
    } catch (error) {
      if (error instanceof FunctionOutOfMemoryError) notePeak(error.peakBytes);
      throw error;
    } finally {
      leave();
    }
  };

  /**
   * Runs the handler inside the invocation's scope (in this process, or in a worker for an isolated handler), and
   * rejects with `timedOut()` once `limitMs` has passed.
   */
  const runInScope = async (
    scope: InvocationScope,
    limitMs: number,
    timedOut: () => ForgeRuntimeError,
    handler: (event: never, context: BackendRuntimePayload) => unknown,
    event: unknown,
    context: BackendRuntimePayload,
  ): Promise<unknown> => {
    let timer: NodeJS.Timeout | undefined;
    const abort = new AbortController();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(timedOut());
      }, limitMs);
    });
    try {
      const run =
        handlerRefOf(handler) !== undefined
          ? runIsolated(scope, handler, event, abort.signal)
          : scopes.run(scope, async () => await handler(event as never, context));
      return acrossTheWire(await Promise.race([run, timeout]));
    } finally {
      clearTimeout(timer);
    }
  };

  const invoke = async (handler: ForgeHandler, request: InvocationRequest): Promise<unknown> => {
    if (!installed) {
      throw new RuntimeUninstalledError(`invoke '${request.functionKey}'`);
    }
    checkSize('payload', request.functionKey, request.payload);
    stats.invocations += 1;
    const scope = createInvocationScope(request, nowMs(), timeoutMs);
    const event = {
      call: {
        functionKey: request.resolverFunctionKey,
        payload: acrossTheWire(request.payload),
        jobId: undefined,
      },
      context: buildProductContext(site, request),
    };
    const runtimePayload = buildBackendRuntimePayload(site, request);
    const answer = await runInScope(
      scope,
      timeoutMs,
      () => new InvocationTimeoutError(request.functionKey, request.resolverFunctionKey, timeoutMs),
      handler,
      event,
      runtimePayload,
    );
    checkSize('response', request.functionKey, answer);
    return answer;
  };

  const invokeTrigger = async (handler: ForgeTriggerHandler, request: TriggerInvocationRequest): Promise<unknown> => {
    if (!installed) {
      throw new RuntimeUninstalledError(`invoke trigger '${request.moduleKey}'`);
    }
    const limitMs = triggerTimeoutMs(request);
    stats.invocations += 1;
    // No accountId: the platform runs triggers with no user, so asUser() has nobody to act as.
    const scope = createScope(
      {
        functionKey: request.functionKey,
        moduleKey: request.moduleKey,
        moduleType: platformModuleType(request.moduleType),
      },
      nowMs(),
      limitMs,
    );
    // The product's event crosses the wire as JSON, as a resolver's payload does.
    const productEvent = acrossTheWire(request.event) as Record<string, unknown> | undefined;
    const event = buildTriggerEvent(site, { ...request, event: productEvent }, newContextToken());
    const runtimePayload = buildBackendRuntimePayload(site, {});
    return runInScope(
      scope,
      limitMs,
      () => new TriggerTimeoutError(request.functionKey, request.moduleKey, limitMs),
      handler,
      event,
      runtimePayload,
    );
  };

  const invokeConsumer = async (
    handler: ForgeConsumerHandler,
    request: ConsumerInvocationRequest,
  ): Promise<unknown> => {
    if (!installed) {
      throw new RuntimeUninstalledError(`invoke consumer '${request.moduleKey}'`);
    }
    const limitMs = consumerTimeoutMs(request);
    stats.invocations += 1;
    // No accountId: the platform delivers events with no user behind them, as it runs triggers.
    const scope = createScope(
      { functionKey: request.functionKey, moduleKey: request.moduleKey, moduleType: CONSUMER_MODULE_TYPE },
      nowMs(),
      limitMs,
    );
    // The body crossed the wire when it was pushed; the handler gets a copy, never the queue's own object.
    const event = buildConsumerEvent({
      ...request,
      body: acrossTheWire(request.body) as Record<string, unknown>,
      ...(request.retryContext
        ? { retryContext: acrossTheWire(request.retryContext) as ConsumerInvocationRequest['retryContext'] }
        : {}),
    });
    const runtimePayload = buildBackendRuntimePayload(site, {});
    return runInScope(
      scope,
      limitMs,
      () => new ConsumerTimeoutError(request.functionKey, request.moduleKey, limitMs),
      handler,
      event,
      runtimePayload,
    );
  };

  const invokeAction = async (handler: ForgeActionHandler, request: ActionInvocationRequest): Promise<unknown> => {
    if (!installed) {
      throw new RuntimeUninstalledError(`invoke action '${request.moduleKey}'`);
    }
    checkSize('payload', request.functionKey, request.payload);
    stats.invocations += 1;
    const scope = createScope(
      {
        functionKey: request.functionKey,
        moduleKey: request.moduleKey,
        moduleType: ACTION_MODULE_TYPE,
        accountId: request.accountId,
      },
      nowMs(),
      timeoutMs,
    );
    // The inputs cross the wire as JSON, as a resolver's payload does; the payload is the inputs object itself.
    const payload = acrossTheWire(request.payload) as Record<string, unknown>;
    const runtimePayload = buildBackendRuntimePayload(site, { accountId: request.accountId });
    const answer = await runInScope(
      scope,
      timeoutMs,
      () => new ActionTimeoutError(request.functionKey, request.moduleKey, timeoutMs),
      handler,
      payload,
      runtimePayload,
    );
    checkSize('response', request.functionKey, answer);
    return answer;
  };

  return {
    site,
    invoke,
    invokeTrigger,
    invokeConsumer,
    invokeAction,
    stats: () => ({ ...stats }),
    resetStats: () => {
      stats.kvsOperations = 0;
      stats.jiraRequests = 0;
      stats.invocations = 0;
      memoryPeaks.clear();
    },
    memoryPeaks: () => Object.fromEntries(memoryPeaks),
    startWorkers: async () => {
      await startWorkers();
    },
    stopWorkers: async () => {
      workers?.close();
      const open = proxy;
      proxy = undefined;
      workers = undefined;
      if (open) await (await open).close();
    },
    uninstall: () => {
      if (!installed) {
        return;
      }
      installed = false;
      workers?.close();
      void proxy?.then((open) => open.close());
      removeGlobal(RUNTIME_GLOBAL, forgeRuntime);
      removeGlobal(FETCH_GLOBAL, forgeFetch);
      store.close();
    },
  };
};

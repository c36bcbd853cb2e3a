import type {
  ForgeConsumerHandler,
  ForgeHandler,
  ForgeTriggerHandler,
  InvocationRequest,
  LocalForgeRuntime,
  LocalForgeRuntimeOptions,
  RuntimeStats,
  TriggerInvocationRequest,
} from '../runtime-types';
import type { EntityDefinition } from './entity-query';
import {
  InvocationTimeoutError,
  RuntimeAlreadyInstalledError,
  RuntimeUninstalledError,
  TriggerTimeoutError,
  type ForgeRuntimeError,
} from './errors';
import {
  buildConsumerEvent,
  CONSUMER_MODULE_TYPE,
  ConsumerTimeoutError,
  consumerTimeoutMs,
  type ConsumerInvocationRequest,
} from './consumer-invocation';
import { createForgeFetch, jiraRoute, kvsRoute, type ForgeFetchRoute } from './forge-fetch';
import { createForgeRuntimeGlobal } from './forge-runtime-global';
import { createInvocationScope, createInvocationScopes, createScope, type InvocationScope } from './invocation-scope';
import { KvsEndpoint } from './kvs-endpoint';
import { KvsSqliteStore } from './kvs-sqlite';
import { buildBackendRuntimePayload, buildProductContext } from './product-context';
import { appUuid, stableUuid, type SiteIdentity } from './site-identity';
import { buildTriggerEvent, newContextToken, platformModuleType, triggerTimeoutMs } from './trigger-invocation';
import { ACTION_MODULE_TYPE, ActionTimeoutError, type ActionInvocationRequest, type ForgeActionHandler } from './action-invocation';

export { buildProductContext, buildBackendRuntimePayload, localIdOf } from './product-context';
export type { SiteIdentity } from './site-identity';
export type { EntityDefinition } from './entity-query';
export type { ForgeFetchRoute, ForgeFetchTarget } from './forge-fetch';
export * from './errors';
export { invokeInChildProcess, type ChildInvokeOutcome, type SpawnChildInvokeOptions } from './spawn-child-invoke';
export type { ChildInvokeAnswer, ChildInvokeFailure, ChildInvokeRequest } from './child-invoke-protocol';
export { TRIGGER_TIME_LIMITS, platformModuleType, triggerTimeoutMs } from './trigger-invocation';
export {
  CONSUMER_MODULE_TYPE,
  CONSUMER_TIME_LIMITS,
  ConsumerTimeoutError,
  InvalidConsumerRequestError,
  consumerTimeoutMs,
  type ConsumerInvocationRequest,
  type ConsumerRetryContext,
} from './consumer-invocation';
export {
  ACTION_MODULE_TYPE,
  ActionTimeoutError,
  type ActionInvocationRequest,
  type ForgeActionHandler,
} from './action-invocation';

/** Resolver and UI invocations get 25 s on Forge. */
export const INVOCATION_TIMEOUT_MS = 25_000;

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
  invokeConsumer(handler: ForgeConsumerHandler, request: ConsumerInvocationRequest): Promise<unknown>;
  /**
   * Runs an Automation action's function as Automation does: `handler(payload, context)` as the rule's actor
   * (`asUser()` acts as `accountId`), within the 25 s of user-led invocations. Resolves with the function's answer
   * as JSON (`{ errors }` included); rejects with what it threw, or with `ActionTimeoutError`.
   */
  invokeAction(handler: ForgeActionHandler, request: ActionInvocationRequest): Promise<unknown>;
}

const RUNTIME_GLOBAL = '__forge_runtime__';
const FETCH_GLOBAL = '__forge_fetch__';

function defineGlobal(name: string, value: unknown): void {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: false, enumerable: false });
}

function removeGlobal(name: string, owned: unknown): void {
  if (Reflect.get(globalThis, name) === owned) {
    Reflect.deleteProperty(globalThis, name);
  }
}

/** Answers as the platform does: the bridge receives JSON, so a handler's answer crosses as JSON. */
function acrossTheWire(value: unknown): unknown {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
}

/**
 * Installs the local Forge runtime in this process: defines `global.__forge_runtime__` and `global.__forge_fetch__`
 * so the unmodified @forge/kvs, @forge/api and @forge/resolver run against SQLite and the local Jira, and returns
 * the handle that invokes functions as the platform does.
 */
export function installForgeRuntime(options: InstallForgeRuntimeOptions): InstalledForgeRuntime {
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
    jiraRoute({ jira: options.jira, scopes, onCall: () => (stats.jiraRequests += 1) }),
  ]);
  const forgeRuntime = createForgeRuntimeGlobal({ site, scopes, nowMs, timeoutMs });
  defineGlobal(RUNTIME_GLOBAL, forgeRuntime);
  defineGlobal(FETCH_GLOBAL, forgeFetch);
  let installed = true;

  /** Runs `call` inside the invocation's scope, and rejects with `timedOut()` once `limitMs` has passed. */
  const runInScope = async (
    scope: InvocationScope,
    limitMs: number,
    timedOut: () => ForgeRuntimeError,
    call: () => unknown,
  ): Promise<unknown> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut()), limitMs);
    });
    try {
      const run = scopes.run(scope, async () => call());
      return acrossTheWire(await Promise.race([run, timeout]));
    } finally {
      clearTimeout(timer);
    }
  };

  const invoke = async (handler: ForgeHandler, request: InvocationRequest): Promise<unknown> => {
    if (!installed) {
      throw new RuntimeUninstalledError(`invoke '${request.functionKey}'`);
    }
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
    return runInScope(
      scope,
      timeoutMs,
      () => new InvocationTimeoutError(request.functionKey, request.resolverFunctionKey, timeoutMs),
      () => handler(event, runtimePayload),
    );
  };

  const invokeTrigger = async (handler: ForgeTriggerHandler, request: TriggerInvocationRequest): Promise<unknown> => {
    if (!installed) {
      throw new RuntimeUninstalledError(`invoke trigger '${request.moduleKey}'`);
    }
    const limitMs = triggerTimeoutMs(request);
    stats.invocations += 1;
    // No accountId: the platform runs triggers with no user, so asUser() has nobody to act as.
    const scope = createScope(
      { functionKey: request.functionKey, moduleKey: request.moduleKey, moduleType: platformModuleType(request.moduleType) },
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
      () => handler(event, runtimePayload),
    );
  };

  const invokeConsumer = async (handler: ForgeConsumerHandler, request: ConsumerInvocationRequest): Promise<unknown> => {
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
      ...(request.retryContext ? { retryContext: acrossTheWire(request.retryContext) as ConsumerInvocationRequest['retryContext'] } : {}),
    });
    const runtimePayload = buildBackendRuntimePayload(site, {});
    return runInScope(
      scope,
      limitMs,
      () => new ConsumerTimeoutError(request.functionKey, request.moduleKey, limitMs),
      () => handler(event, runtimePayload),
    );
  };

  const invokeAction = async (handler: ForgeActionHandler, request: ActionInvocationRequest): Promise<unknown> => {
    if (!installed) {
      throw new RuntimeUninstalledError(`invoke action '${request.moduleKey}'`);
    }
    stats.invocations += 1;
    const scope = createScope(
      { functionKey: request.functionKey, moduleKey: request.moduleKey, moduleType: ACTION_MODULE_TYPE, accountId: request.accountId },
      nowMs(),
      timeoutMs,
    );
    // The inputs cross the wire as JSON, as a resolver's payload does; the payload is the inputs object itself.
    const payload = acrossTheWire(request.payload) as Record<string, unknown>;
    const runtimePayload = buildBackendRuntimePayload(site, { accountId: request.accountId });
    return runInScope(
      scope,
      timeoutMs,
      () => new ActionTimeoutError(request.functionKey, request.moduleKey, timeoutMs),
      () => handler(payload, runtimePayload),
    );
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
    },
    uninstall: () => {
      if (!installed) {
        return;
      }
      installed = false;
      removeGlobal(RUNTIME_GLOBAL, forgeRuntime);
      removeGlobal(FETCH_GLOBAL, forgeFetch);
      store.close();
    },
  };
}

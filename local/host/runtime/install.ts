import type { RuntimeStats } from '../runtime-types';
import { RuntimeAlreadyInstalledError } from './errors';
import { createForgeFetch, jiraRoute, kvsRoute } from './forge-fetch';
import { createForgeRuntimeGlobal } from './forge-runtime-global';
import { createFunctionRunner } from './function-runner';
import type { InstalledForgeRuntime, InstallForgeRuntimeOptions } from './install-options';
import { INVOCATION_TIMEOUT_MS } from './invocation-limits';
import { createInvocationScopes } from './invocation-scope';
import { createInvokers } from './invokers';
import { KvsEndpoint } from './kvs-endpoint';
import { KvsSqliteStore } from './kvs-sqlite';
import { defineGlobal, FETCH_GLOBAL, removeGlobal, RUNTIME_GLOBAL } from './runtime-globals';
import { appUuid, type SiteIdentity, stableUuid } from './site-identity';

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
  const runner = createFunctionRunner({ site, scopes, forgeFetch, workers: options.workers });
  const invokers = createInvokers({
    site,
    nowMs,
    timeoutMs,
    stats,
    isInstalled: () => installed,
    runInScope: runner.runInScope,
  });

  return {
    site,
    ...invokers,
    stats: () => ({ ...stats }),
    resetStats: () => {
      stats.kvsOperations = 0;
      stats.jiraRequests = 0;
      stats.invocations = 0;
      runner.memoryPeaks.clear();
    },
    memoryPeaks: () => Object.fromEntries(runner.memoryPeaks),
    startWorkers: async () => {
      await runner.startWorkers();
    },
    stopWorkers: runner.stopWorkers,
    uninstall: () => {
      if (!installed) {
        return;
      }
      installed = false;
      runner.closeNow();
      removeGlobal(RUNTIME_GLOBAL, forgeRuntime);
      removeGlobal(FETCH_GLOBAL, forgeFetch);
      store.close();
    },
  };
};

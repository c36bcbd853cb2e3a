import type { __getRuntime } from '@forge/api';

import type { InvocationScope, InvocationScopes } from './invocation-scope';
import { buildInstallation } from './product-context';
import { siteAri, type SiteIdentity } from './site-identity';

/** The shape @forge/api 8.3.0 reads from `global.__forge_runtime__` (out/api/runtime.d.ts). */
export type ForgeRuntime = ReturnType<typeof __getRuntime>;

// Points nowhere on purpose (RFC 2606 `.invalid`): nothing local should call the platform proxy by URL.
const PROXY_URL = 'https://forge-proxy.local.invalid';

const noopMetrics: ForgeRuntime['metrics'] = {
  counter: () => ({ incr: () => undefined, incrBy: () => undefined, decr: () => undefined, decrBy: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
  gauge: () => ({ set: () => undefined }),
};

/**
 * Builds `__forge_runtime__`: one object whose per-invocation fields are getters over the AsyncLocalStorage scope,
 * so each read, from any concurrent invocation, sees its own invocation. Outside an invocation the invocation
 * fields read as empty and the remaining time as the full budget.
 */
export const createForgeRuntimeGlobal = (options: {
  site: SiteIdentity;
  scopes: InvocationScopes;
  nowMs: () => number;
  timeoutMs: number;
}): ForgeRuntime => {
  const { site, scopes, nowMs, timeoutMs } = options;
  const current = (): InvocationScope | undefined => scopes.getStore();
  const installation = buildInstallation(site);

  return {
    get proxy() {
      return { token: current()?.proxyToken ?? '', url: PROXY_URL };
    },
    contextAri: siteAri(site.cloudId),
    container: { region: 'local', runtime: 'nodejs' },
    get appContext() {
      const scope = current();
      return {
        appId: site.appId,
        appVersion: site.appVersion,
        environmentId: site.environmentId,
        environmentType: site.environmentType,
        invocationId: scope?.invocationId ?? '',
        installationId: site.installationId,
        functionKey: scope?.functionKey ?? '',
        moduleType: scope?.moduleType ?? '',
        moduleKey: scope?.moduleKey ?? '',
        installation,
      };
    },
    get aaid() {
      return current()?.accountId;
    },
    get lambdaContext() {
      const scope = current();
      return {
        awsRequestId: scope?.invocationId ?? '',
        getRemainingTimeInMillis: () => (scope ? Math.max(0, scope.deadlineMs - nowMs()) : timeoutMs),
      };
    },
    get tracing() {
      const scope = current();
      return { traceId: scope?.traceId ?? '', spanId: scope?.spanId ?? '' };
    },
    realtime: {},
    metrics: noopMetrics,
    featureFlags: () => false,
  };
};

import type { BackendRuntimePayload } from '../runtime-types';
import { ForgeRuntimeError, FunctionOutOfMemoryError } from './errors';
import type { ForgeFetch } from './forge-fetch';
import { acrossTheWire } from './invocation-limits';
import type { InvocationScope, InvocationScopes } from './invocation-scope';
import { handlerRefOf } from './isolation/isolated-handler';
import { type PlatformProxy, startPlatformProxy } from './isolation/platform-proxy';
import { FunctionWorkerPool, type FunctionWorkerPoolOptions } from './isolation/worker-pool';
import { machineNow } from './machine-clock';
import type { SiteIdentity } from './site-identity';

export interface FunctionRunnerDeps {
  site: SiteIdentity;
  scopes: InvocationScopes;
  forgeFetch: ForgeFetch;
  workers?: FunctionWorkerPoolOptions | undefined;
}

/**
 * Where a function runs: in this process inside its invocation's scope, or, for an `isolatedHandler` stand-in, in
 * a worker process whose platform calls come back through the platform proxy; with the invocation's time limit
 * either way, and each isolated function's peak memory noted.
 */
export const createFunctionRunner = (deps: FunctionRunnerDeps) => {
  const { site, scopes, forgeFetch } = deps;
  let workers: FunctionWorkerPool | undefined;
  let proxy: Promise<PlatformProxy> | undefined;
  const memoryPeaks = new Map<string, number>();
  const startWorkers = async (): Promise<PlatformProxy> => {
    workers ??= new FunctionWorkerPool(deps.workers);
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
        hostClockOffsetMs: Date.now() - machineNow(),
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

  return {
    runInScope,
    startWorkers,
    memoryPeaks,
    /** Stops the worker processes and the platform proxy, and waits for the proxy to close. */
    stopWorkers: async (): Promise<void> => {
      workers?.close();
      const open = proxy;
      proxy = undefined;
      workers = undefined;
      if (open) await (await open).close();
    },
    /** The same, without waiting (uninstall). */
    closeNow: (): void => {
      workers?.close();
      void proxy?.then((open) => open.close());
    },
  };
};

export type FunctionRunner = ReturnType<typeof createFunctionRunner>;

import {
  FunctionWorkerPool,
  type IsolatedInvocation,
  type IsolatedOutcome,
} from '../../../local/host/runtime/isolation/worker-pool';

export interface InvocationKiller {
  /** Stops the worker of every running invocation of the function, as Forge stops a container; how many. */
  killRunning: () => number;
  restore: () => void;
}

/**
 * Watches the local host's function workers (each invocation runs in a worker process, as on Forge) so a test can
 * kill the one running `functionKey` at a moment of its choosing: the pool answers the abort by SIGKILL-ing the
 * worker, as it does when an invocation's time is up, and the queue runs the event again (FUNCTION_TIME_OUT).
 */
export const watchInvocations = (functionKey: string): InvocationKiller => {
  const running = new Set<AbortController>();
  // Read off the prototype, to be called with each pool as `this`.
  const original: (this: FunctionWorkerPool, invocation: IsolatedInvocation) => Promise<IsolatedOutcome> = Reflect.get(
    FunctionWorkerPool.prototype,
    'run',
  );
  FunctionWorkerPool.prototype.run = async function run(this: FunctionWorkerPool, invocation: IsolatedInvocation) {
    if (invocation.functionKey !== functionKey) return original.call(this, invocation);
    const stop = new AbortController();
    running.add(stop);
    try {
      return await original.call(this, { ...invocation, signal: AbortSignal.any([invocation.signal, stop.signal]) });
    } finally {
      running.delete(stop);
    }
  };
  return {
    killRunning: () => {
      const stops = [...running];
      for (const stop of stops) stop.abort();
      return stops.length;
    },
    restore: () => {
      FunctionWorkerPool.prototype.run = original;
    },
  };
};

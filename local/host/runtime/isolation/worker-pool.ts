import { type ChildProcess, fork } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { FunctionOutOfMemoryError, FunctionWorkerExitedError, IsolatedFunctionError } from '../errors';
import type { InvocationScope } from '../invocation-scope';
import type { SiteIdentity } from '../site-identity';
import { readResidentMemory, resetPeak } from './memory-watch';
import { answerMessageSchema, type InvokeMessage } from './worker-protocol';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
const WORKER_ENTRY = path.join(__dirname, 'function-worker.ts');
const MIB = 1024 * 1024;

export interface IsolatedInvocation {
  functionKey: string;
  handler: { module: string; export: string };
  /** The handler's first argument (already what crossed the wire). */
  event: unknown;
  site: SiteIdentity;
  scope: InvocationScope;
  memoryMB: number;
  hostClockOffsetMs: number;
  proxyUrl: string;
  /** Aborted when the invocation's time is up: the worker is stopped, as Forge stops the container. */
  signal: AbortSignal;
}

export interface IsolatedOutcome {
  /** The handler's answer, parsed from the JSON it crossed the wire as. */
  result: unknown;
  /** The worker's peak resident memory during this invocation, in bytes; undefined where /proc is missing. */
  peakRssBytes: number | undefined;
}

export interface FunctionWorkerPoolOptions {
  /** Node flags of the workers; `--import tsx` by default, which loads the worker and TypeScript handlers. */
  execArgv?: string[];
  /** How long an idle worker stays warm for the next invocation of its function. */
  idleMs?: number;
  /** How often a running worker's memory is read. */
  sampleMs?: number;
  /** Where a worker's console output goes (a Forge function's logs): the host's console by default. */
  output?: (stream: 'stdout' | 'stderr', line: string) => void;
}

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  exited: boolean;
  idleTimer: NodeJS.Timeout | undefined;
}

const defaultOutput = (stream: 'stdout' | 'stderr', line: string): void => {
  if (stream === 'stdout') console.log(line);
  else console.error(line);
};

/**
 * Runs invocations in worker processes, each one at a time, warm workers kept per function for the next
 * invocation as Forge keeps warm containers. Each invocation's peak resident memory is measured; one that passes
 * its function's memory is stopped and fails with FunctionOutOfMemoryError, as Forge stops a container over
 * `memoryMB` (https://developer.atlassian.com/platform/forge/manifest-reference/modules/function/).
 */
export class FunctionWorkerPool {
  private readonly idle = new Map<string, Worker[]>();
  private readonly all = new Set<Worker>();
  private sequence = 0;
  private closed = false;

  constructor(private readonly options: FunctionWorkerPoolOptions = {}) {}

  private spawn(): Worker {
    const child = fork(WORKER_ENTRY, [], {
      cwd: REPO_ROOT,
      execArgv: this.options.execArgv ?? ['--import', 'tsx'],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
      // Read now, not when Node was started: the host sets its switches (loopback http://) on process.env.
      env: { ...process.env },
    });
    const output = this.options.output ?? defaultOutput;
    for (const stream of ['stdout', 'stderr'] as const) {
      const source = child[stream];
      if (source) createInterface({ input: source }).on('line', (line) => output(stream, line));
    }
    const worker: Worker = { child, exited: false, idleTimer: undefined, ready: Promise.resolve() };
    worker.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (message: unknown) => {
        if ((message as { type?: unknown } | null)?.type === 'ready') {
          child.off('message', onMessage);
          resolve();
        }
      };
      child.on('message', onMessage);
      child.once('exit', (code, signal) =>
        reject(new FunctionWorkerExitedError('(starting)', `exit ${String(code ?? signal)}`)),
      );
    });
    // A worker that never became ready is reported by the invocation waiting for it.
    worker.ready.catch(() => undefined);
    child.once('exit', () => {
      worker.exited = true;
      this.forget(worker);
    });
    // A worker that cannot be spawned or messaged reports it here; the invocation waiting on it sees the exit.
    child.on('error', () => {
      worker.exited = true;
      this.forget(worker);
    });
    this.all.add(worker);
    return worker;
  }

  private forget(worker: Worker): void {
    this.all.delete(worker);
    if (worker.idleTimer) clearTimeout(worker.idleTimer);
    for (const [key, list] of this.idle) {
      const kept = list.filter((candidate) => candidate !== worker);
      if (kept.length > 0) this.idle.set(key, kept);
      else this.idle.delete(key);
    }
  }

  private acquire(functionKey: string): Worker {
    const list = this.idle.get(functionKey) ?? [];
    for (;;) {
      const worker = list.pop();
      if (worker === undefined) break;
      if (worker.idleTimer) clearTimeout(worker.idleTimer);
      if (!worker.exited) return worker;
    }
    return this.spawn();
  }

  private release(functionKey: string, worker: Worker): void {
    if (worker.exited || this.closed) return this.stop(worker);
    worker.idleTimer = setTimeout(() => this.stop(worker), this.options.idleMs ?? 60_000);
    worker.idleTimer.unref();
    this.idle.set(functionKey, [...(this.idle.get(functionKey) ?? []), worker]);
  }

  private stop(worker: Worker): void {
    this.forget(worker);
    if (!worker.exited) worker.child.kill('SIGKILL');
  }

  /** Runs one invocation in a worker of its function; rejects with what the function threw, OOM, or a dead worker. */
  async run(invocation: IsolatedInvocation): Promise<IsolatedOutcome> {
    if (this.closed) throw new FunctionWorkerExitedError(invocation.functionKey, 'the host is closing');
    const worker = this.acquire(invocation.functionKey);
    try {
      await worker.ready;
    } catch {
      this.stop(worker);
      throw new FunctionWorkerExitedError(invocation.functionKey, 'it did not start');
    }
    const { child } = worker;
    const pid = child.pid ?? -1;
    const limitBytes = invocation.memoryMB * MIB;
    const id = (this.sequence += 1);
    const message: InvokeMessage = {
      type: 'invoke',
      id,
      handler: invocation.handler,
      event: JSON.stringify(invocation.event ?? null),
      site: invocation.site,
      scope: invocation.scope,
      hostClockOffsetMs: invocation.hostClockOffsetMs,
      proxyUrl: invocation.proxyUrl,
    };
    resetPeak(pid);
    let peak = readResidentMemory(pid)?.rssBytes;
    let outcome: 'answered' | 'oom' | 'exited' | 'aborted' | undefined;

    return new Promise<IsolatedOutcome>((resolve, reject) => {
      const finish = (then: () => void) => {
        clearInterval(sampler);
        child.off('message', onMessage);
        child.off('exit', onExit);
        invocation.signal.removeEventListener('abort', onAbort);
        then();
      };
      const measure = (): number | undefined => {
        const memory = readResidentMemory(pid);
        if (memory) peak = Math.max(peak ?? 0, memory.rssBytes, memory.peakBytes);
        return peak;
      };
      const outOfMemory = () => {
        outcome = 'oom';
        this.stop(worker);
        finish(() => reject(new FunctionOutOfMemoryError(invocation.functionKey, peak ?? 0, invocation.memoryMB)));
      };
      const sampler = setInterval(() => {
        if ((measure() ?? 0) > limitBytes && outcome === undefined) outOfMemory();
      }, this.options.sampleMs ?? 20);
      const onMessage = (raw: unknown) => {
        const parsed = answerMessageSchema.safeParse(raw);
        if (!parsed.success || parsed.data.id !== id || outcome !== undefined) return;
        // The peak the kernel recorded covers the spikes between samples too.
        if ((measure() ?? 0) > limitBytes) return outOfMemory();
        outcome = 'answered';
        const answer = parsed.data;
        finish(() => {
          this.release(invocation.functionKey, worker);
          if (answer.ok)
            resolve({
              result: answer.result === undefined ? undefined : (JSON.parse(answer.result) as unknown),
              peakRssBytes: peak,
            });
          else reject(new IsolatedFunctionError(answer.error));
        });
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        if (outcome !== undefined) return;
        outcome = 'exited';
        finish(() => reject(new FunctionWorkerExitedError(invocation.functionKey, `exit ${String(code ?? signal)}`)));
      };
      const onAbort = () => {
        if (outcome !== undefined) return;
        outcome = 'aborted';
        this.stop(worker);
        finish(() => reject(new FunctionWorkerExitedError(invocation.functionKey, 'its time was up')));
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
      invocation.signal.addEventListener('abort', onAbort);
      try {
        child.send(message);
      } catch {
        outcome = 'exited';
        this.stop(worker);
        finish(() => reject(new FunctionWorkerExitedError(invocation.functionKey, 'its channel was closed')));
      }
    });
  }

  /** Stops every worker, busy or idle. */
  close(): void {
    this.closed = true;
    for (const worker of [...this.all]) this.stop(worker);
  }
}

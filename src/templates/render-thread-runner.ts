import { Worker } from 'node:worker_threads';

import type { EmailRenderer, EmailTemplateSource, RenderedEmail } from './render-email';
import { RENDER_THREAD_FILE } from './render-thread';
import {
  fromRenderFailure,
  RENDER_THREAD_MARKER,
  type RenderThreadData,
  RenderThreadError,
  type RenderThreadMessage,
} from './render-thread-protocol';
import type { TemplateIssueData } from './template-data';
import { TemplateError } from './template-errors';
import { formatCount, TEMPLATE_LIMITS } from './template-limits';

/*
 * liquidjs checks its time limit only between nodes and juice runs synchronously: the caps of template-limits.ts
 * bound what is known to be slow, but an input they did not foresee would block the function (and every other
 * request of its container) for as long as it runs. So one email's render and inlining runs in a worker thread
 * that is terminated at the deadline: V8 stops even a synchronous loop there, which nothing inside one thread can.
 *
 * Forge: the Node.js runtime (nodejs22.x in manifest.yml) runs standard Node.js and lets an app "import any
 * built-in, local, or third-party Node modules" (https://developer.atlassian.com/platform/forge/function-reference/nodejs-runtime/);
 * only the deprecated sandbox runtime refused worker_threads
 * (https://developer.atlassian.com/platform/forge/runtime-reference/legacy-runtime-reference/). Memory is the
 * invocation's, 512 MB by default, threads included: the thread's heap is capped by resourceLimits well below it.
 */

export interface RenderThreadOptions {
  /** Milliseconds one email's render may run; TEMPLATE_LIMITS.renderDeadlineMs by default. */
  deadlineMs?: number;
  /** The thread's old-generation heap in MB; TEMPLATE_LIMITS.renderThreadHeapMb by default. */
  heapMb?: number;
  /** The file the thread loads; render-thread.ts's (the bundle under Forge). A test may give a thread of its own. */
  entry?: string;
  /**
   * Modules the thread requires before a TypeScript `entry`: a thread does not inherit its parent's loader, so
   * the sources need one. By default those RENDER_THREAD_PRELOAD_ENV names when a thread starts (the local host
   * sets it). A bundle (.cjs, .js) needs none and gets none.
   */
  preload?: readonly string[];
}

export interface RenderThreadRunner {
  /** Renders in the thread, one email at a time; a TemplateError (TEMPLATE_LIMIT_EXCEEDED) past the deadline. */
  render: EmailRenderer;
  /** Stops the thread (tests; a function's container simply ends). */
  close: () => Promise<void>;
}

/** Comma-separated modules for `preload`, set by a host that runs the TypeScript sources. */
export const RENDER_THREAD_PRELOAD_ENV = 'ISSUE_MAILER_RENDER_THREAD_PRELOAD';

export const preloadFromEnv = (env: NodeJS.ProcessEnv = process.env): string[] =>
  (env[RENDER_THREAD_PRELOAD_ENV] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');

const seconds = (ms: number): string => {
  if (ms === 1000) return '1 second';
  return ms % 1000 === 0 ? `${formatCount(ms / 1000)} seconds` : `${formatCount(ms)} ms`;
};

export const deadlineError = (deadlineMs: number): TemplateError =>
  new TemplateError(
    'body',
    `the email took more than ${seconds(deadlineMs)} to render and was stopped (a loop that never ends, or <style> rules too costly for its elements?)`,
    undefined,
    {
      limit: 'render-deadline',
    },
  );

const memoryError = (): TemplateError =>
  new TemplateError(
    'body',
    'the email needed more memory to render than one email may use and was stopped',
    undefined,
    { limit: 'render-memory' },
  );

interface Pending {
  id: number;
  resolve: (email: RenderedEmail) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  ready: Promise<void>;
  pending: Pending | undefined;
  gone: boolean;
}

const isBundle = (file: string): boolean => /\.(c?js)$/.test(file);

export const createRenderThreadRunner = (options: RenderThreadOptions = {}): RenderThreadRunner => {
  const deadlineMs = options.deadlineMs ?? TEMPLATE_LIMITS.renderDeadlineMs;
  const entry = options.entry ?? RENDER_THREAD_FILE;
  const source = (): string => {
    const preload = isBundle(entry) ? [] : (options.preload ?? preloadFromEnv());
    return [...preload, entry].map((file) => `require(${JSON.stringify(file)});`).join('\n');
  };
  let thread: Thread | undefined;
  let sequence = 0;
  let queue: Promise<unknown> = Promise.resolve();

  const start = (): Thread => {
    const workerData: RenderThreadData = { [RENDER_THREAD_MARKER]: true };
    const worker = new Worker(source(), {
      eval: true,
      workerData,
      // The parent's flags are the function's (or a test runner's), not the thread's; a bundle needs none.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? TEMPLATE_LIMITS.renderThreadHeapMb },
    });
    const current: Thread = { worker, ready: Promise.resolve(), pending: undefined, gone: false };
    const lost = (error: Error): void => {
      current.gone = true;
      if (thread === current) thread = undefined;
      current.pending?.reject(error);
      current.pending = undefined;
    };
    current.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: RenderThreadMessage) => {
        if (message.type === 'ready') return resolve();
        const pending = current.pending;
        if (pending === undefined || pending.id !== message.id) return;
        current.pending = undefined;
        if (message.type === 'rendered') pending.resolve(message.email);
        else pending.reject(fromRenderFailure(message.failure));
      });
      worker.on('error', (error: Error & { code?: string }) => {
        const failure =
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? memoryError()
            : new RenderThreadError('The render thread stopped with an error.', { cause: error });
        reject(failure);
        lost(failure);
      });
      worker.on('exit', () => {
        const failure = new RenderThreadError('The render thread ended.');
        reject(failure);
        lost(failure);
      });
    });
    // A thread that never started is reported by the render waiting for it.
    current.ready.catch(() => undefined);
    return current;
  };

  const renderOnce = async (template: EmailTemplateSource, data: TemplateIssueData): Promise<RenderedEmail> => {
    const current = thread ?? (thread = start());
    // Starting the thread (loading the bundle) is not the template's time.
    await current.ready;
    // Gone between starting and now: its message would go nowhere, and the deadline would blame the template.
    if (current.gone) throw new RenderThreadError('The render thread ended.');
    current.worker.ref();
    try {
      return await new Promise<RenderedEmail>((resolve, reject) => {
        const id = ++sequence;
        const timer = setTimeout(() => {
          current.pending = undefined;
          stop(current);
          reject(deadlineError(deadlineMs));
        }, deadlineMs);
        const settle =
          <T>(done: (value: T) => void) =>
          (value: T) => {
            clearTimeout(timer);
            done(value);
          };
        current.pending = { id, resolve: settle(resolve), reject: settle(reject) };
        try {
          current.worker.postMessage({ id, template, data });
        } catch (error) {
          current.pending = undefined;
          clearTimeout(timer);
          reject(
            error instanceof Error
              ? error
              : new RenderThreadError('The email data could not be sent to the render thread.'),
          );
        }
      });
    } finally {
      // A warm thread waits for the next email without keeping the function's process alive.
      if (!current.gone) current.worker.unref();
    }
  };

  const stop = (stopped: Thread): void => {
    stopped.gone = true;
    if (thread === stopped) thread = undefined;
    void stopped.worker.terminate();
  };

  return {
    render: (template, data) => {
      const next = queue.then(
        () => renderOnce(template, data),
        () => renderOnce(template, data),
      );
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => {
      const current = thread;
      thread = undefined;
      if (current !== undefined) {
        current.gone = true;
        await current.worker.terminate();
      }
    },
  };
};

import type { ForgeConsumerHandler } from '../runtime-types';
import { CHILD_EXIT, type ChildInvokeBase, type ChildInvokeFailure } from './child-invoke-protocol';
import { type ConsumerInvocationRequest, ConsumerTimeoutError, consumerTimeoutMs } from './consumer-invocation';
import { ChildInvokeError } from './errors';
import { type ChildInvokeOutcome, invokeInChildProcess, type SpawnChildInvokeOptions } from './spawn-child-invoke';

/** A consumer's function failed in its child process; `failure` is what the child reported. */
export class ChildHandlerError extends ChildInvokeError {
  readonly failure: ChildInvokeFailure;

  constructor(request: Pick<ConsumerInvocationRequest, 'functionKey' | 'moduleKey'>, failure: ChildInvokeFailure) {
    super(
      failure.code ?? 'CHILD_HANDLER_FAILED',
      `Function '${request.functionKey}' (consumer '${request.moduleKey}') failed in its child process: ${failure.name}: ${failure.message}`,
    );
    this.name = 'ChildHandlerError';
    this.failure = failure;
  }
}

export interface ChildConsumerInvokerOptions {
  /** What every consumer child gets: the kvs and queue files, Jira, entities; the handler comes from `handlers`. */
  base: Omit<ChildInvokeBase, 'handler'>;
  /** Function key -> its handler's module and export, e.g. 'email-worker' -> { module: '.../src/consumers/email-worker.ts', export: 'handler' }. */
  handlers: ReadonlyMap<string, { module: string; export: string }>;
  spawn?: SpawnChildInvokeOptions;
  /** Sees every invocation's outcome (stats, stderr), e.g. for a benchmark's counts. */
  onOutcome?: (request: ConsumerInvocationRequest, outcome: ChildInvokeOutcome) => void;
}

/** A LocalQueue's `runtime` whose consumer invocations each run in a fresh child process. */
export interface ChildConsumerInvoker {
  invokeConsumer: (handler: ForgeConsumerHandler, request: ConsumerInvocationRequest) => Promise<unknown>;
  /** For `LocalQueue.start({ handlers })`: one stand-in per function key; the real handler is loaded in the child. */
  readonly handlers: ReadonlyMap<string, ForgeConsumerHandler>;
}

const standIn =
  (functionKey: string): ForgeConsumerHandler =>
  () => {
    throw new ChildInvokeError(
      'CHILD_ONLY_HANDLER',
      `Function '${functionKey}' runs in a child process; invoke it through the child consumer invoker`,
    );
  };

/**
 * Runs each consumer invocation as Forge does, in a fresh container: a child process that loads the function's
 * module, invokes it once with `runtime.invokeConsumer` and exits. Answers as an in-process runtime would: the
 * function's answer as JSON, a ConsumerTimeoutError for a time-out (so the queue retries it as FUNCTION_TIME_OUT),
 * otherwise a ChildHandlerError (the function threw) or ChildInvokeError (the child could not run it).
 */
export const createChildConsumerInvoker = (options: ChildConsumerInvokerOptions): ChildConsumerInvoker => {
  const handlers = new Map([...options.handlers.keys()].map((functionKey) => [functionKey, standIn(functionKey)]));
  return {
    handlers,
    invokeConsumer: async (_handler, request) => {
      const handler = options.handlers.get(request.functionKey);
      if (handler === undefined) {
        throw new ChildInvokeError(
          'EXPORT_NOT_FOUND',
          `No handler module is known for function '${request.functionKey}'`,
        );
      }
      const outcome = await invokeInChildProcess({ ...options.base, handler, consumer: request }, options.spawn);
      options.onOutcome?.(request, outcome);
      const { answer } = outcome;
      if (answer.ok) return answer.result;
      if (outcome.exitCode === CHILD_EXIT.protocolFailed) {
        throw new ChildInvokeError(answer.error.code ?? 'CHILD_PROTOCOL_FAILED', answer.error.message);
      }
      if (answer.error.name === 'ConsumerTimeoutError') {
        throw new ConsumerTimeoutError(request.functionKey, request.moduleKey, consumerTimeoutMs(request));
      }
      throw new ChildHandlerError(request, answer.error);
    },
  };
};

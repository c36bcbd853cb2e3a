import { ForgeRuntimeError } from '../errors';

/** Where an isolated function's code is, and how much memory its container has. */
export interface HandlerRef {
  /** The handler file to load in the worker: a bundle (`build/forge-bundle/consumers/email-worker.cjs`) or a source file. */
  module: string;
  export: string;
  memoryMB: number;
}

const REF = Symbol.for('local-forge.isolated-handler');

/**
 * A stand-in for a function that runs in a worker process: the runtime sees the reference and sends the invocation
 * to a worker; called directly (outside the runtime), it refuses.
 */
export const isolatedHandler = (functionKey: string, ref: HandlerRef): ((...args: unknown[]) => never) => {
  const standIn = (): never => {
    throw new ForgeRuntimeError(
      'ISOLATED_HANDLER',
      `Function '${functionKey}' runs in a worker process; invoke it through the runtime`,
    );
  };
  Object.defineProperty(standIn, REF, { value: Object.freeze({ ...ref }), enumerable: false });
  return standIn;
};

export const handlerRefOf = (handler: unknown): HandlerRef | undefined => {
  if (typeof handler !== 'function') return undefined;
  return (handler as unknown as { [REF]?: HandlerRef })[REF];
};

import type { BackendRuntimePayload } from '../runtime-types';
import { ForgeRuntimeError } from './errors';

/** The platform's extension type of an Automation `action` module, as `appContext.moduleType` reports it. */
export const ACTION_MODULE_TYPE = 'core:action';

/**
 * An Automation action's function as the manifest's `action.function` names it: Automation calls it with the
 * configured inputs (smart values resolved) as the first argument and Forge's context as the second. An answer
 * with `errors: [{ message }]` fails the rule; anything else succeeds.
 */
export type ForgeActionHandler = (payload: Record<string, unknown>, context: BackendRuntimePayload) => unknown;

export interface ActionInvocationRequest {
  /** The manifest function key, e.g. 'automation-send-email'. */
  functionKey: string;
  /** The action module's key, e.g. 'send-issue-email'. */
  moduleKey: string;
  /** The rule's actor: Automation runs an action as a user, so `asUser()` acts as them. */
  accountId: string;
  /** The inputs, already resolved. */
  payload: Record<string, unknown>;
}

/**
 * An action's function did not settle within its time limit. Actions are user-led invocations: Forge's
 * invocation limits give them the 25 s of resolvers (only triggers and consumers may ask for more).
 */
export class ActionTimeoutError extends ForgeRuntimeError {
  readonly functionKey: string;
  readonly moduleKey: string;
  readonly timeoutMs: number;

  constructor(functionKey: string, moduleKey: string, timeoutMs: number) {
    super(
      'INVOCATION_TIMEOUT',
      `Invocation of function '${functionKey}' (action '${moduleKey}') timed out after ${timeoutMs} ms`,
    );
    this.name = 'ActionTimeoutError';
    this.functionKey = functionKey;
    this.moduleKey = moduleKey;
    this.timeoutMs = timeoutMs;
  }
}

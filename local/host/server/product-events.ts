import { AsyncResource } from 'node:async_hooks';
import type { JiraEmulator, JiraProductEvent } from '../../jira/types';
import { triggerTimeoutMs } from '../runtime';
import type { ForgeTriggerHandler, LocalForgeRuntime } from '../runtime-types';
import { describeError } from './error-summary';
import type { ProductTriggerModule } from './manifest-modules';

/** How long close() lets deliveries in flight finish before the runtime goes. */
export const PRODUCT_EVENTS_CLOSE_GRACE_MS = 2_000;

/** A trigger module's function has no handler: a host wiring mistake, caught at start. */
export class MissingProductTriggerHandlerError extends Error {
  override name = 'MissingProductTriggerHandlerError';
  readonly code = 'HANDLER_NOT_FOUND';
}

export interface ProductEventDeps {
  triggers: readonly ProductTriggerModule[];
  /** Function key -> handler, for every trigger module's function. */
  handlers: ReadonlyMap<string, ForgeTriggerHandler>;
  runtime: Pick<LocalForgeRuntime, 'invokeTrigger'>;
  jira: Pick<JiraEmulator, 'onEvent'>;
  log(line: string): void;
  closeGraceMs?: number;
}

export interface ProductEvents {
  /** Resolves once every event heard so far has reached its trigger functions and they have finished. */
  whenIdle(): Promise<void>;
  /** How many trigger invocations have finished (succeeded or failed) since start. */
  delivered(): number;
  /** Stops listening, and waits a little for the deliveries in flight. */
  close(): Promise<void>;
}

interface ModuleState {
  trigger: ProductTriggerModule;
  handler: ForgeTriggerHandler;
  /** The module's last delivery: the next one waits for it, so a module takes one event at a time. */
  tail: Promise<void>;
}

/**
 * Delivers the local Jira's product events to the manifest's `trigger` modules as Forge does: each module that
 * lists the event type gets it in the background, events the app caused are left out for `ignoreSelf`, and a
 * failing function is logged and not retried (Forge does not retry product triggers).
 */
export function createProductEvents(deps: ProductEventDeps): ProductEvents {
  const states = deps.triggers.map((trigger): ModuleState => {
    const handler = deps.handlers.get(trigger.functionKey);
    if (!handler) {
      throw new MissingProductTriggerHandlerError(`Trigger ${trigger.key}: no handler for function ${trigger.functionKey}.`);
    }
    // Refuses at start a timeoutSeconds the platform would refuse at every event.
    triggerTimeoutMs({ functionKey: trigger.functionKey, moduleType: 'trigger', timeoutSeconds: trigger.timeoutSeconds });
    return { trigger, handler, tail: Promise.resolve() };
  });
  const inFlight = new Set<Promise<void>>();
  let delivered = 0;
  // Jira emits inside the call that caused the event, which may be an app invocation; a delivery is an
  // invocation of its own, so it starts from the host's context, not the caller's.
  const hostContext = new AsyncResource('LocalProductEvents');

  const deliver = async (state: ModuleState, event: JiraProductEvent): Promise<void> => {
    const { trigger } = state;
    try {
      await deps.runtime.invokeTrigger(state.handler, {
        functionKey: trigger.functionKey,
        moduleKey: trigger.key,
        moduleType: 'trigger',
        event: event.payload,
        ...(trigger.timeoutSeconds !== undefined ? { timeoutSeconds: trigger.timeoutSeconds } : {}),
      });
    } catch (error) {
      deps.log(`Trigger ${trigger.key} failed on ${event.eventType} (${describeError(error)}).`);
    } finally {
      delivered += 1;
    }
  };

  const hear = (event: JiraProductEvent): void =>
    hostContext.runInAsyncScope(() => {
      for (const state of states) {
        const listening = state.trigger.events.find((candidate) => candidate.eventType === event.eventType);
        if (!listening || (listening.ignoreSelf && event.actor.type === 'app')) continue;
        const run = state.tail.then(() => deliver(state, event));
        state.tail = run;
        inFlight.add(run);
        void run.then(() => inFlight.delete(run));
      }
    });

  const whenIdle = async (): Promise<void> => {
    // A function may cause further events (a comment as the user, an issue created): wait for those too.
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  };

  const unsubscribe = deps.jira.onEvent(hear);
  let closing: Promise<void> | undefined;

  return {
    whenIdle,
    delivered: () => delivered,
    close() {
      closing ??= (async () => {
        unsubscribe();
        let timer: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, deps.closeGraceMs ?? PRODUCT_EVENTS_CLOSE_GRACE_MS);
          timer.unref();
        });
        await Promise.race([whenIdle(), grace]);
        clearTimeout(timer);
      })();
      return closing;
    },
  };
}

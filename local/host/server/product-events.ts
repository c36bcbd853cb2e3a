import { AsyncResource } from 'node:async_hooks';

import type { JiraEmulator, JiraProductEvent } from '../../jira/types';
import { MAX_RETRIES, RETRY_REASONS } from '../queue/queue-types';
import { backoffMs, outcomeOfAnswer } from '../queue/retry-policy';
import { FunctionOutOfMemoryError, TriggerTimeoutError, triggerTimeoutMs } from '../runtime';
import type { ForgeTriggerHandler, LocalForgeRuntime } from '../runtime-types';
import { describeError } from './error-summary';
import type { ProductTriggerModule } from './manifest-modules';
import { type SchedulerClock, systemClock } from './scheduled-triggers';

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
  log: (line: string) => void;
  closeGraceMs?: number;
  /** Timers for retries (the system's by default; tests fire them at will). */
  clock?: Pick<SchedulerClock, 'setTimer'>;
}

export interface ProductEvents {
  /** Resolves once every event heard so far has reached its trigger functions, retries included, and they have finished. */
  whenIdle: () => Promise<void>;
  /** How many trigger invocations have finished (succeeded or failed) since start, retries included. */
  delivered: () => number;
  /** Stops listening, and waits a little for the deliveries in flight. */
  close: () => Promise<void>;
}

interface ModuleState {
  trigger: ProductTriggerModule;
  handler: ForgeTriggerHandler;
  /** The module's last delivery: the next one waits for it, so a module takes one event at a time. */
  tail: Promise<void>;
}

/** What a redelivered event carries, as on an async event: how often it was retried and why. */
interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData?: unknown;
}

/**
 * Delivers the local Jira's product events to the manifest's `trigger` modules as Forge does: each module that
 * lists the event type gets it in the background and events the app caused are left out for `ignoreSelf`.
 * Retries, as Atlassian documents them for app (product) events: a function asks for one by answering
 * @forge/events' InvocationError (retryAfter at most 900 s), the platform retries an invocation that timed out on
 * its own, "a maximum of four times", and the event then carries `retryContext` (retryCount, retryReason,
 * retryData). A function that throws is logged and not retried.
 * https://developer.atlassian.com/platform/forge/events-reference/product_events/
 */
export const createProductEvents = (deps: ProductEventDeps): ProductEvents => {
  const states = deps.triggers.map((trigger): ModuleState => {
    const handler = deps.handlers.get(trigger.functionKey);
    if (!handler) {
      throw new MissingProductTriggerHandlerError(
        `Trigger ${trigger.key}: no handler for function ${trigger.functionKey}.`,
      );
    }
    // Refuses at start a timeoutSeconds the platform would refuse at every event.
    triggerTimeoutMs({
      functionKey: trigger.functionKey,
      moduleType: 'trigger',
      timeoutSeconds: trigger.timeoutSeconds,
    });
    return { trigger, handler, tail: Promise.resolve() };
  });
  const inFlight = new Set<Promise<void>>();
  const clock = deps.clock ?? systemClock;
  /** Retries waiting for their time: each resolves when its delivery has been queued (or dropped at close). */
  const waiting = new Map<Promise<void>, () => void>();
  let closed = false;
  let delivered = 0;
  // Jira emits inside the call that caused the event, which may be an app invocation; a delivery is an
  // invocation of its own, so it starts from the host's context, not the caller's.
  const hostContext = new AsyncResource('LocalProductEvents');

  const enqueue = (state: ModuleState, event: JiraProductEvent, retry: RetryContext | undefined): void => {
    const run = state.tail.then(() => deliver(state, event, retry));
    state.tail = run;
    inFlight.add(run);
    void run.then(() => inFlight.delete(run));
  };

  const retryLater = (
    state: ModuleState,
    event: JiraProductEvent,
    retry: RetryContext,
    waitMs: number,
    why: string,
  ): void => {
    const subject = `Trigger ${state.trigger.key} on ${event.eventType} ${why}`;
    if (retry.retryCount > MAX_RETRIES) {
      deps.log(`${subject}; dropped after ${MAX_RETRIES} retries.`);
      return;
    }
    deps.log(`${subject}; retry ${retry.retryCount} of ${MAX_RETRIES} in ${waitMs / 1000} s.`);
    let settle!: () => void;
    const queued = new Promise<void>((resolve) => {
      settle = resolve;
    });
    waiting.set(queued, settle);
    const timer = clock.setTimer(() => {
      waiting.delete(queued);
      if (!closed) hostContext.runInAsyncScope(() => enqueue(state, event, retry));
      settle();
    }, waitMs);
    // close() drops waiting retries as a host that stops would.
    waiting.set(queued, () => {
      timer.cancel();
      settle();
    });
  };

  const deliver = async (
    state: ModuleState,
    event: JiraProductEvent,
    retry: RetryContext | undefined,
  ): Promise<void> => {
    const { trigger } = state;
    const retryCount = (retry?.retryCount ?? 0) + 1;
    try {
      const answer = await deps.runtime.invokeTrigger(state.handler, {
        functionKey: trigger.functionKey,
        moduleKey: trigger.key,
        moduleType: 'trigger',
        event: retry ? { ...event.payload, retryContext: retry } : event.payload,
        ...(trigger.timeoutSeconds !== undefined ? { timeoutSeconds: trigger.timeoutSeconds } : {}),
      });
      const outcome = outcomeOfAnswer(answer);
      if (outcome.kind === 'retry') {
        const next: RetryContext = {
          retryCount,
          retryReason: outcome.retryReason,
          ...(outcome.retryData !== undefined ? { retryData: JSON.parse(outcome.retryData) as unknown } : {}),
        };
        retryLater(
          state,
          event,
          next,
          outcome.retryAfterMs ?? backoffMs(retryCount),
          `asked for a retry (${outcome.retryReason})`,
        );
      }
    } catch (error) {
      // The platform retries "platform processing errors (out of memory errors, function time outs...)" on its own.
      const platformReason =
        error instanceof TriggerTimeoutError
          ? RETRY_REASONS.timeOut
          : error instanceof FunctionOutOfMemoryError
            ? RETRY_REASONS.outOfMemory
            : undefined;
      if (platformReason !== undefined) {
        const next: RetryContext = { retryCount, retryReason: platformReason };
        const why = platformReason === RETRY_REASONS.timeOut ? 'timed out' : 'ran out of memory';
        retryLater(state, event, next, backoffMs(retryCount), `${why} (${platformReason})`);
      } else {
        deps.log(`Trigger ${trigger.key} failed on ${event.eventType} (${describeError(error)}).`);
      }
    } finally {
      delivered += 1;
    }
  };

  const hear = (event: JiraProductEvent): void =>
    hostContext.runInAsyncScope(() => {
      for (const state of states) {
        const listening = state.trigger.events.find((candidate) => candidate.eventType === event.eventType);
        if (!listening || (listening.ignoreSelf && event.actor.type === 'app')) continue;
        enqueue(state, event, undefined);
      }
    });

  const whenIdle = async (): Promise<void> => {
    // A function may cause further events (a comment as the user, an issue created), or ask for a retry: wait
    // for those too.
    while (inFlight.size > 0 || waiting.size > 0) await Promise.all([...inFlight, ...waiting.keys()]);
  };

  const unsubscribe = deps.jira.onEvent(hear);
  let closing: Promise<void> | undefined;

  return {
    whenIdle,
    delivered: () => delivered,
    close: () => {
      closing ??= (async () => {
        unsubscribe();
        closed = true;
        for (const drop of [...waiting.values()]) drop();
        waiting.clear();
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
};

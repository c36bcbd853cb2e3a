import type { ForgeTriggerHandler, LocalForgeRuntime } from '../runtime-types';
import { describeError } from './error-summary';
import type { ScheduledTriggerModule, TriggerInterval } from './manifest-modules';
import { checkTriggerResponse } from './trigger-response';

/** Forge's scheduled trigger intervals, in ms. */
export const INTERVAL_MS: Readonly<Record<TriggerInterval, number>> = {
  fiveMinute: 5 * 60_000,
  hour: 60 * 60_000,
  day: 24 * 60 * 60_000,
  week: 7 * 24 * 60 * 60_000,
};

/**
 * Forge runs a new trigger "shortly after" deployment (about 5 minutes); locally the first run comes a few seconds
 * after the host has started, so that a developer sees the trigger work without waiting.
 */
export const FIRST_RUN_DELAY_MS = 3_000;

export interface TimerHandle {
  cancel: () => void;
}

/** Time and timers for the scheduler: the system's by default, a fake one in tests. */
export interface SchedulerClock {
  now: () => Date;
  /** Calls `callback` once after `delayMs`. The timer must not keep the process alive. */
  setTimer: (callback: () => void, delayMs: number) => TimerHandle;
}

export const systemClock: SchedulerClock = {
  now: () => new Date(),
  setTimer: (callback, delayMs) => {
    const timer = setTimeout(callback, delayMs);
    // The host's server keeps the process alive; a pending trigger must not keep it running after close.
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};

export type TriggerOutcome = 'running' | 'succeeded' | 'failed';

export interface TriggerRun {
  /** Started by the schedule or by "Run now". */
  cause: 'schedule' | 'manual';
  startedAt: Date;
  finishedAt: Date | undefined;
  outcome: TriggerOutcome;
  /**
   * The status the platform records: the function's `statusCode`, or 424 (Failed dependency) for an answer that is
   * not the documented response; undefined while running or when the function threw.
   */
  statusCode: number | undefined;
  /** The class name and code of what the function threw, or why its answer did not fit; never its message. */
  error: string | undefined;
}

export interface TriggerStatus {
  key: string;
  functionKey: string;
  interval: TriggerInterval;
  lastRun: TriggerRun | undefined;
  /** Undefined before start() and after close(). */
  nextRunAt: Date | undefined;
}

export class UnknownTriggerError extends Error {
  override name = 'UnknownTriggerError';
  readonly code = 'UNKNOWN_TRIGGER';
}

/** A trigger's function has no handler: a host wiring mistake, caught at start. */
export class MissingTriggerHandlerError extends Error {
  override name = 'MissingTriggerHandlerError';
  readonly code = 'HANDLER_NOT_FOUND';
}

export class SchedulerClosedError extends Error {
  override name = 'SchedulerClosedError';
  readonly code = 'SCHEDULER_CLOSED';
}

export interface ScheduledTriggerDeps {
  triggers: readonly ScheduledTriggerModule[];
  /** Function key -> handler, for every trigger's function. */
  handlers: ReadonlyMap<string, ForgeTriggerHandler>;
  runtime: Pick<LocalForgeRuntime, 'invokeTrigger'>;
  clock?: SchedulerClock;
  firstRunDelayMs?: number;
  log: (line: string) => void;
}

export interface ScheduledTriggers {
  /** Schedules each trigger's first run `firstRunDelayMs` from now, then one per interval. */
  start: () => void;
  list: () => TriggerStatus[];
  /**
   * Runs a trigger now, outside its schedule, and resolves with the finished run; a run already in progress is
   * joined rather than doubled. A failing function makes a failed run, not a rejection.
   */
  run: (key: string) => Promise<TriggerRun>;
  /** Resolves once no run is in progress. */
  whenIdle: () => Promise<void>;
  /** Cancels the timers. Runs in progress finish; no new run starts. */
  close: () => void;
}

interface TriggerState {
  trigger: ScheduledTriggerModule;
  handler: ForgeTriggerHandler;
  lastRun: TriggerRun | undefined;
  nextRunAt: Date | undefined;
  timer: TimerHandle | undefined;
  inFlight: Promise<TriggerRun> | undefined;
}

/** Runs the manifest's scheduledTrigger modules while the host runs, as Forge's scheduler would. */
export const createScheduledTriggers = (deps: ScheduledTriggerDeps): ScheduledTriggers => {
  const clock = deps.clock ?? systemClock;
  const firstRunDelayMs = deps.firstRunDelayMs ?? FIRST_RUN_DELAY_MS;
  const states = new Map<string, TriggerState>();
  for (const trigger of deps.triggers) {
    const handler = deps.handlers.get(trigger.functionKey);
    if (!handler) {
      throw new MissingTriggerHandlerError(
        `Scheduled trigger ${trigger.key}: no handler for function ${trigger.functionKey}.`,
      );
    }
    states.set(trigger.key, {
      trigger,
      handler,
      lastRun: undefined,
      nextRunAt: undefined,
      timer: undefined,
      inFlight: undefined,
    });
  }
  let started = false;
  let closed = false;

  const execute = async (state: TriggerState, run: TriggerRun): Promise<TriggerRun> => {
    const { trigger } = state;
    try {
      const answer = await deps.runtime.invokeTrigger(state.handler, {
        functionKey: trigger.functionKey,
        moduleKey: trigger.key,
        moduleType: 'scheduledTrigger',
        ...(trigger.timeoutSeconds !== undefined ? { timeoutSeconds: trigger.timeoutSeconds } : {}),
      });
      const checked = checkTriggerResponse(answer);
      if (checked.ok) {
        run.statusCode = checked.response.statusCode;
        run.outcome = run.statusCode < 400 ? 'succeeded' : 'failed';
      } else {
        run.statusCode = checked.statusCode;
        run.outcome = 'failed';
        run.error = `${checked.statusCode} Failed dependency: ${checked.reason}`;
        deps.log(`Scheduled trigger ${trigger.key}: ${run.error}.`);
      }
    } catch (error) {
      // As on Forge, a failure is not retried: the next run comes at the next interval.
      run.outcome = 'failed';
      run.error = describeError(error);
      deps.log(`Scheduled trigger ${trigger.key} failed (${run.error}).`);
    }
    run.finishedAt = clock.now();
    return { ...run };
  };

  const runState = (state: TriggerState, cause: TriggerRun['cause']): Promise<TriggerRun> => {
    if (state.inFlight) return state.inFlight;
    const run: TriggerRun = {
      cause,
      startedAt: clock.now(),
      finishedAt: undefined,
      outcome: 'running',
      statusCode: undefined,
      error: undefined,
    };
    state.lastRun = run;
    const inFlight = execute(state, run);
    state.inFlight = inFlight;
    // execute() never rejects; registered before anyone awaits the run, so awaiting it sees the state cleared.
    void inFlight.then(() => {
      if (state.inFlight === inFlight) state.inFlight = undefined;
    });
    return inFlight;
  };

  const schedule = (state: TriggerState, dueAtMs: number): void => {
    state.nextRunAt = new Date(dueAtMs);
    state.timer = clock.setTimer(
      () => {
        state.timer = undefined;
        if (closed) return;
        // Counted from the due time, not from when the run ends, so the schedule does not drift.
        schedule(state, dueAtMs + INTERVAL_MS[state.trigger.interval]);
        void runState(state, 'schedule');
      },
      Math.max(0, dueAtMs - clock.now().getTime()),
    );
  };

  return {
    start: () => {
      if (started || closed) return;
      started = true;
      const firstAt = clock.now().getTime() + firstRunDelayMs;
      for (const state of states.values()) schedule(state, firstAt);
    },

    list: () =>
      [...states.values()].map((state) => ({
        key: state.trigger.key,
        functionKey: state.trigger.functionKey,
        interval: state.trigger.interval,
        lastRun: state.lastRun ? { ...state.lastRun } : undefined,
        nextRunAt: state.nextRunAt,
      })),

    run: async (key) => {
      if (closed) throw new SchedulerClosedError(`Cannot run scheduled trigger ${key}: the host is closing.`);
      const state = states.get(key);
      if (!state) throw new UnknownTriggerError(`The app has no scheduled trigger ${key}.`);
      return runState(state, 'manual');
    },

    whenIdle: async () => {
      for (;;) {
        const running = [...states.values()].flatMap((state) => (state.inFlight ? [state.inFlight] : []));
        if (running.length === 0) return;
        await Promise.all(running);
      }
    },

    close: () => {
      closed = true;
      for (const state of states.values()) {
        state.timer?.cancel();
        state.timer = undefined;
        state.nextRunAt = undefined;
      }
    },
  };
};

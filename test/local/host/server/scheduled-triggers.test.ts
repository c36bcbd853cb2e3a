import type {
  ForgeTriggerHandler,
  LocalForgeRuntime,
  TriggerInvocationRequest,
} from '../../../../local/host/runtime-types';
import type { ScheduledTriggerModule } from '../../../../local/host/server/manifest-modules';
import {
  createScheduledTriggers,
  FIRST_RUN_DELAY_MS,
  INTERVAL_MS,
  MissingTriggerHandlerError,
  type ScheduledTriggers,
  SchedulerClosedError,
  systemClock,
  UnknownTriggerError,
} from '../../../../local/host/server/scheduled-triggers';
import { type FakeClock, fakeClock } from './fixtures/fake-clock';

const START = '2026-11-27T09:00:00.000Z';
const DONE = { statusCode: 200 };
const at = (offsetMs: number) => new Date(Date.parse(START) + offsetMs);
const iso = (offsetMs: number) => at(offsetMs).toISOString();

const NIGHTLY: ScheduledTriggerModule = {
  key: 'nightly-check',
  functionKey: 'nightly-fn',
  interval: 'day',
  timeoutSeconds: 120,
};
const HOURLY: ScheduledTriggerModule = {
  key: 'hourly-sync',
  functionKey: 'hourly-fn',
  interval: 'hour',
  timeoutSeconds: undefined,
};

interface Harness {
  clock: FakeClock;
  scheduler: ScheduledTriggers;
  /** Each invocation the runtime got: the request and when. */
  calls: { request: TriggerInvocationRequest; at: string }[];
  logs: string[];
  handlers: Map<string, jest.Mock>;
}

/** A scheduler on a fake clock, with a runtime that calls the handler as invokeTrigger would. */
const harness = (triggers: ScheduledTriggerModule[], firstRunDelayMs?: number): Harness => {
  const clock = fakeClock(START);
  const calls: Harness['calls'] = [];
  const logs: string[] = [];
  // Each function answers the documented response unless a test says otherwise.
  const handlers = new Map(
    triggers.map((trigger) => [trigger.functionKey, jest.fn<unknown, Parameters<ForgeTriggerHandler>>(() => DONE)]),
  );
  const runtime: Pick<LocalForgeRuntime, 'invokeTrigger'> = {
    invokeTrigger: async (handler, request) => {
      calls.push({ request, at: clock.now().toISOString() });
      return handler(
        { context: { cloudId: 'cloud-1', moduleKey: request.moduleKey }, contextToken: 'token' },
        { installContext: 'ari' },
      );
    },
  };
  const scheduler = createScheduledTriggers({
    triggers,
    handlers,
    runtime,
    clock,
    ...(firstRunDelayMs !== undefined ? { firstRunDelayMs } : {}),
    log: (line) => logs.push(line),
  });
  return { clock, scheduler, calls, logs, handlers };
};

/** Advances the fake clock, then lets the runs it started finish. */
const advance = async (h: Harness, ms: number): Promise<void> => {
  h.clock.advance(ms);
  await h.scheduler.whenIdle();
};

describe('scheduled triggers', () => {
  it('has the intervals Forge defines', () => {
    expect(INTERVAL_MS).toEqual({ fiveMinute: 300_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 });
  });

  it.each(['fiveMinute', 'hour', 'day', 'week'] as const)(
    'runs a %s trigger once shortly after start, then at each interval',
    async (interval) => {
      const h = harness([{ ...NIGHTLY, interval }]);
      const every = INTERVAL_MS[interval];
      h.scheduler.start();
      expect(h.clock.pending()).toEqual([iso(FIRST_RUN_DELAY_MS)]);

      await advance(h, FIRST_RUN_DELAY_MS - 1);
      expect(h.calls).toEqual([]);
      await advance(h, 1);
      await advance(h, every - 1);
      expect(h.calls.map((call) => call.at)).toEqual([iso(FIRST_RUN_DELAY_MS)]);
      await advance(h, 1);
      await advance(h, every);
      expect(h.calls.map((call) => call.at)).toEqual([
        iso(FIRST_RUN_DELAY_MS),
        iso(FIRST_RUN_DELAY_MS + every),
        iso(FIRST_RUN_DELAY_MS + 2 * every),
      ]);
      expect(h.handlers.get('nightly-fn')).toHaveBeenCalledTimes(3);
    },
  );

  it('invokes each function as a scheduled trigger with its timeoutSeconds, on its own schedule', async () => {
    const h = harness([NIGHTLY, HOURLY], 10_000);
    h.scheduler.start();
    await advance(h, 10_000);
    await advance(h, INTERVAL_MS.hour);
    expect(h.calls).toEqual([
      {
        request: {
          functionKey: 'nightly-fn',
          moduleKey: 'nightly-check',
          moduleType: 'scheduledTrigger',
          timeoutSeconds: 120,
        },
        at: iso(10_000),
      },
      {
        request: { functionKey: 'hourly-fn', moduleKey: 'hourly-sync', moduleType: 'scheduledTrigger' },
        at: iso(10_000),
      },
      {
        request: { functionKey: 'hourly-fn', moduleKey: 'hourly-sync', moduleType: 'scheduledTrigger' },
        at: iso(10_000 + INTERVAL_MS.hour),
      },
    ]);
    expect(h.clock.pending()).toEqual([iso(10_000 + 2 * INTERVAL_MS.hour), iso(10_000 + INTERVAL_MS.day)]);
  });

  it('reports each trigger with its last run and next run', async () => {
    const h = harness([NIGHTLY, HOURLY], 0);
    expect(h.scheduler.list()).toEqual([
      { key: 'nightly-check', functionKey: 'nightly-fn', interval: 'day', lastRun: undefined, nextRunAt: undefined },
      { key: 'hourly-sync', functionKey: 'hourly-fn', interval: 'hour', lastRun: undefined, nextRunAt: undefined },
    ]);
    h.scheduler.start();
    await advance(h, 0);
    expect(h.scheduler.list()).toEqual([
      {
        key: 'nightly-check',
        functionKey: 'nightly-fn',
        interval: 'day',
        lastRun: {
          cause: 'schedule',
          startedAt: at(0),
          finishedAt: at(0),
          outcome: 'succeeded',
          statusCode: 200,
          error: undefined,
        },
        nextRunAt: at(INTERVAL_MS.day),
      },
      {
        key: 'hourly-sync',
        functionKey: 'hourly-fn',
        interval: 'hour',
        lastRun: {
          cause: 'schedule',
          startedAt: at(0),
          finishedAt: at(0),
          outcome: 'succeeded',
          statusCode: 200,
          error: undefined,
        },
        nextRunAt: at(INTERVAL_MS.hour),
      },
    ]);
  });

  it('logs a failing run by class name and code only, and still runs at the next interval', async () => {
    const h = harness([NIGHTLY], 0);
    const handler = h.handlers.get('nightly-fn')!;
    handler.mockImplementationOnce(() => {
      throw Object.assign(new Error('Graph refused secret s3cr3t-value for https://graph.example/x'), {
        name: 'GraphSendError',
        code: 'GRAPH_UNAVAILABLE',
      });
    });
    handler.mockImplementationOnce(() => Promise.reject(new TypeError('token abc is bad')));
    h.scheduler.start();

    await advance(h, 0);
    expect(h.scheduler.list()[0]?.lastRun).toEqual({
      cause: 'schedule',
      startedAt: at(0),
      finishedAt: at(0),
      outcome: 'failed',
      statusCode: undefined,
      error: 'GraphSendError GRAPH_UNAVAILABLE',
    });
    await advance(h, INTERVAL_MS.day);
    await advance(h, INTERVAL_MS.day);

    expect(h.calls.map((call) => call.at)).toEqual([iso(0), iso(INTERVAL_MS.day), iso(2 * INTERVAL_MS.day)]);
    expect(h.logs).toEqual([
      'Scheduled trigger nightly-check failed (GraphSendError GRAPH_UNAVAILABLE).',
      'Scheduled trigger nightly-check failed (TypeError).',
    ]);
    expect(h.scheduler.list()[0]?.lastRun?.outcome).toBe('succeeded');
  });

  it('runs a trigger on demand, outside its schedule, and joins a run already in progress', async () => {
    const h = harness([NIGHTLY]);
    h.scheduler.start();
    let finish: () => void = () => undefined;
    h.handlers
      .get('nightly-fn')!
      .mockImplementationOnce(() => new Promise((resolve) => (finish = () => resolve(DONE))));

    const first = h.scheduler.run('nightly-check');
    const second = h.scheduler.run('nightly-check');
    expect(h.scheduler.list()[0]?.lastRun).toEqual({
      cause: 'manual',
      startedAt: at(0),
      finishedAt: undefined,
      outcome: 'running',
      statusCode: undefined,
      error: undefined,
    });
    h.clock.advance(500);
    finish();

    const expected = {
      cause: 'manual',
      startedAt: at(0),
      finishedAt: at(500),
      outcome: 'succeeded',
      statusCode: 200,
      error: undefined,
    };
    expect(await first).toEqual(expected);
    expect(await second).toEqual(expected);
    expect(h.calls).toHaveLength(1);
    expect(h.scheduler.list()[0]?.nextRunAt).toEqual(at(FIRST_RUN_DELAY_MS));
  });

  it.each<[string, unknown, number, string | undefined, string]>([
    ['no answer', undefined, 424, 'Invalid input: expected object, received undefined', 'failed'],
    [
      'a summary object',
      { credentials: 3 },
      424,
      'statusCode: Invalid input: expected number, received undefined',
      'failed',
    ],
    [
      'a statusCode that is no HTTP status',
      { statusCode: 42 },
      424,
      'statusCode: Too small: expected number to be >=100',
      'failed',
    ],
    [
      'a body that is not a string',
      { statusCode: 200, body: { ok: true } },
      424,
      'body: Invalid input: expected string, received object',
      'failed',
    ],
    ['the documented response', { statusCode: 200 }, 200, undefined, 'succeeded'],
    [
      'the documented response with headers and body',
      { statusCode: 204, headers: { 'x-a': ['1'] }, body: '' },
      204,
      undefined,
      'succeeded',
    ],
    ['an error status', { statusCode: 503 }, 503, undefined, 'failed'],
  ])('records what the platform records for %s', async (_title, answer, statusCode, reason, outcome) => {
    const h = harness([NIGHTLY]);
    h.handlers.get('nightly-fn')!.mockImplementationOnce(() => answer);
    const run = await h.scheduler.run('nightly-check');
    const error =
      reason === undefined
        ? undefined
        : `424 Failed dependency: the answer is not the documented trigger response { statusCode, headers?, body? } (${reason})`;
    expect(run).toEqual({ cause: 'manual', startedAt: at(0), finishedAt: at(0), outcome, statusCode, error });
    expect(h.logs).toEqual(error === undefined ? [] : [`Scheduled trigger nightly-check: ${error}.`]);
  });

  it('refuses to run a trigger the manifest does not declare', async () => {
    const h = harness([NIGHTLY]);
    const error: unknown = await h.scheduler.run('nope').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnknownTriggerError);
    expect(error).toMatchObject({ code: 'UNKNOWN_TRIGGER', message: 'The app has no scheduled trigger nope.' });
    expect(h.calls).toEqual([]);
  });

  it('refuses a trigger whose function has no handler', () => {
    expect(() =>
      createScheduledTriggers({
        triggers: [NIGHTLY],
        handlers: new Map(),
        runtime: { invokeTrigger: jest.fn() },
        log: jest.fn(),
      }),
    ).toThrow(new MissingTriggerHandlerError('Scheduled trigger nightly-check: no handler for function nightly-fn.'));
  });

  it('stops on close: no timer left, no run afterwards', async () => {
    const h = harness([NIGHTLY, HOURLY], 0);
    h.scheduler.start();
    await advance(h, 0);
    expect(h.clock.pending()).toHaveLength(2);

    h.scheduler.close();
    expect(h.clock.pending()).toEqual([]);
    await advance(h, 2 * INTERVAL_MS.week);
    expect(h.calls).toHaveLength(2);
    expect(h.scheduler.list().map((trigger) => trigger.nextRunAt)).toEqual([undefined, undefined]);
    await expect(h.scheduler.run('nightly-check')).rejects.toThrow(
      new SchedulerClosedError('Cannot run scheduled trigger nightly-check: the host is closing.'),
    );
    h.scheduler.start();
    expect(h.clock.pending()).toEqual([]);
  });

  it('starts once', async () => {
    const h = harness([NIGHTLY], 0);
    h.scheduler.start();
    h.scheduler.start();
    expect(h.clock.pending()).toEqual([iso(0)]);
  });
});

describe('systemClock', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('sets timers that do not keep the process alive, and cancels them', () => {
    const setTimeoutSpy = jest.spyOn(global, 'setTimeout');
    const clearTimeoutSpy = jest.spyOn(global, 'clearTimeout');
    const callback = jest.fn();

    const handle = systemClock.setTimer(callback, 60_000);
    const timer = setTimeoutSpy.mock.results[0]?.value as NodeJS.Timeout;
    expect(setTimeoutSpy).toHaveBeenCalledWith(callback, 60_000);
    expect(timer.hasRef()).toBe(false);

    handle.cancel();
    expect(clearTimeoutSpy).toHaveBeenCalledWith(timer);
    expect(callback).not.toHaveBeenCalled();
  });
});

import { InvocationError, InvocationErrorCode } from '@forge/events';

import { InvalidTriggerRequestError } from '../../../../local/host/runtime';
import { TriggerTimeoutError } from '../../../../local/host/runtime';
import type { ForgeTriggerHandler, TriggerInvocationRequest } from '../../../../local/host/runtime-types';
import type { ProductTriggerModule } from '../../../../local/host/server/manifest-modules';
import { createProductEvents, MissingProductTriggerHandlerError } from '../../../../local/host/server/product-events';
import { ALEX_ADMIN, createJiraEmulator, JORDAN_MEMBER, SAM_AGENT } from '../../../../local/jira';
import type { JiraActor } from '../../../../local/jira/types';
import { fakeClock } from './fixtures/fake-clock';

const adf = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

class FixtureEventError extends Error {
  override name = 'FixtureEventError';
  readonly code = 'FIXTURE_EVENT_FAILED';
}

const triggerModule = (
  key: string,
  functionKey: string,
  events: [string, boolean][],
  timeoutSeconds?: number,
): ProductTriggerModule => ({
  key,
  functionKey,
  events: events.map(([eventType, ignoreSelf]) => ({ eventType, ignoreSelf })),
  timeoutSeconds,
});

/** A runtime that records each invocation and lets the test decide when it ends. */
const recordingRuntime = () => {
  const calls: { handler: ForgeTriggerHandler; request: TriggerInvocationRequest }[] = [];
  const pending: (() => void)[] = [];
  let holding = false;
  return {
    calls,
    hold: () => {
      holding = true;
    },
    release: () => {
      holding = false;
      for (const resolve of pending.splice(0)) resolve();
    },
    runtime: {
      invokeTrigger: async (handler: ForgeTriggerHandler, request: TriggerInvocationRequest): Promise<unknown> => {
        calls.push({ handler, request });
        if (holding) await new Promise<void>((resolve) => pending.push(resolve));
        return handler(
          { ...(request.event ?? {}), context: { cloudId: 'c', moduleKey: request.moduleKey }, contextToken: 't' },
          { installContext: 'i' },
        );
      },
    },
  };
};

const setUp = (
  triggers: ProductTriggerModule[],
  handlers: Record<string, ForgeTriggerHandler>,
  clock = fakeClock('2025-03-08T10:00:00.000Z'),
) => {
  const jira = createJiraEmulator({
    siteUrl: 'http://127.0.0.1:4000',
    now: () => new Date('2025-03-08T10:00:00.000Z'),
  });
  const recorder = recordingRuntime();
  const log: string[] = [];
  const events = createProductEvents({
    triggers,
    handlers: new Map(Object.entries(handlers)),
    runtime: recorder.runtime,
    jira,
    clock,
    log: (line) => log.push(line),
  });
  const call = (actor: JiraActor, method: string, path: string, body: unknown) =>
    jira.handle(
      { method, path, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) },
      actor,
    );
  return { jira, recorder, log, events, call, clock };
};

const user = (accountId: string): JiraActor => ({ type: 'user', accountId });
const comment = (text: string) => ({ body: adf(text) });

describe('product event delivery', () => {
  it('invokes each module listening to the event type with the Forge payload, as a trigger', async () => {
    const seen = jest.fn(async () => 'ignored');
    const { recorder, events, call } = setUp(
      [
        triggerModule(
          'issue-events',
          'events-fn',
          [
            ['avi:jira:commented:issue', true],
            ['avi:jira:updated:issue', true],
          ],
          20,
        ),
        triggerModule('created-only', 'created-fn', [['avi:jira:created:issue', false]]),
      ],
      { 'events-fn': seen, 'created-fn': seen },
    );
    expect(
      (await call(user(SAM_AGENT.accountId), 'POST', '/rest/api/3/issue/DEMO-2/comment', comment('Arrives Monday.')))
        .status,
    ).toBe(201);
    await events.whenIdle();
    expect(recorder.calls.map((entry) => entry.request)).toEqual([
      {
        functionKey: 'events-fn',
        moduleKey: 'issue-events',
        moduleType: 'trigger',
        event: expect.objectContaining({
          eventType: 'avi:jira:commented:issue',
          atlassianId: SAM_AGENT.accountId,
          issue: expect.objectContaining({ key: 'DEMO-2' }),
          comment: expect.objectContaining({ id: '10214', body: adf('Arrives Monday.') }),
        }),
        timeoutSeconds: 20,
      },
    ]);
    expect(events.delivered()).toBe(1);

    await call(user(ALEX_ADMIN.accountId), 'POST', '/rest/api/3/issue', {
      fields: { project: { key: 'OPS' }, issuetype: { name: 'Task' }, summary: 'Rack B' },
    });
    await events.whenIdle();
    expect(
      recorder.calls
        .slice(1)
        .map(({ request }) => [request.moduleKey, request.event?.eventType, 'timeoutSeconds' in request]),
    ).toEqual([['created-only', 'avi:jira:created:issue', false]]);
    expect(events.delivered()).toBe(2);
  });

  it('leaves out what the app did for ignoreSelf, and delivers it to modules that want it', async () => {
    const { recorder, events, call } = setUp(
      [
        triggerModule('ignores-self', 'a-fn', [['avi:jira:commented:issue', true]]),
        triggerModule('hears-all', 'b-fn', [['avi:jira:commented:issue', false]]),
      ],
      { 'a-fn': async () => undefined, 'b-fn': async () => undefined },
    );
    await call(
      { type: 'app' },
      'POST',
      '/rest/api/3/issue/DEMO-3/comment',
      comment('Emailed to someone@example.com by Alex Admin.'),
    );
    await call(user(JORDAN_MEMBER.accountId), 'POST', '/rest/api/3/issue/DEMO-3/comment', comment('Thanks!'));
    await events.whenIdle();
    expect(
      recorder.calls.map(({ request }) => [request.moduleKey, (request.event?.comment as { body: unknown }).body]),
    ).toEqual([
      ['hears-all', adf('Emailed to someone@example.com by Alex Admin.')],
      ['ignores-self', adf('Thanks!')],
      ['hears-all', adf('Thanks!')],
    ]);
  });

  it('hands a module one event at a time, in order, and whenIdle waits for them all', async () => {
    const order: string[] = [];
    const { recorder, events, call } = setUp([triggerModule('serial', 'fn', [['avi:jira:commented:issue', false]])], {
      fn: async (event) => {
        order.push(String((event.comment as { id: string }).id));
      },
    });
    recorder.hold();
    await call(user(SAM_AGENT.accountId), 'POST', '/rest/api/3/issue/DEMO-1/comment', comment('one'));
    await call(user(SAM_AGENT.accountId), 'POST', '/rest/api/3/issue/DEMO-1/comment', comment('two'));
    await new Promise((resolve) => setImmediate(resolve));
    // The second waits for the first, which the runtime is holding.
    expect(recorder.calls).toHaveLength(1);
    const idle = events.whenIdle();
    recorder.release();
    await idle;
    expect(order).toEqual(['10214', '10215']);
    expect(events.delivered()).toBe(2);
  });

  it('logs a failing function by class name and code, never its message, and does not retry it', async () => {
    const failing = jest.fn(async () => {
      throw new FixtureEventError('failed for jordan.lee@example.com');
    });
    const { recorder, events, log, call } = setUp(
      [triggerModule('broken', 'broken-fn', [['avi:jira:updated:issue', false]])],
      { 'broken-fn': failing },
    );
    await call(user(ALEX_ADMIN.accountId), 'POST', '/rest/api/3/issue/DEMO-2/transitions', {
      transition: { id: '21' },
    });
    await events.whenIdle();
    expect(recorder.calls).toHaveLength(1);
    expect(failing).toHaveBeenCalledTimes(1);
    expect(log).toEqual(['Trigger broken failed on avi:jira:updated:issue (FixtureEventError FIXTURE_EVENT_FAILED).']);
    expect(events.delivered()).toBe(1);
  });

  it('delivers an event again when the function answers InvocationError, after its retryAfter, with retryContext, at most 4 times', async () => {
    const seen: unknown[] = [];
    const asking = jest.fn(async (event: Record<string, unknown>) => {
      seen.push(event.retryContext);
      return new InvocationError({
        retryAfter: 30,
        retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
        retryData: { rule: 'r-1' },
      });
    });
    const { recorder, events, log, call, clock } = setUp(
      [triggerModule('asks', 'asks-fn', [['avi:jira:updated:issue', false]])],
      {
        'asks-fn': asking,
      },
    );
    await call(user(ALEX_ADMIN.accountId), 'POST', '/rest/api/3/issue/DEMO-2/transitions', {
      transition: { id: '21' },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(clock.pending()).toEqual(['2025-03-08T10:00:30.000Z']);

    for (let retry = 1; retry <= 5; retry += 1) {
      clock.advance(29_999);
      expect(recorder.calls).toHaveLength(retry);
      clock.advance(1);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await events.whenIdle();

    expect(recorder.calls).toHaveLength(5);
    const retryContext = (retryCount: number) => ({
      retryCount,
      retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED',
      retryData: { rule: 'r-1' },
    });
    expect(seen).toEqual([undefined, retryContext(1), retryContext(2), retryContext(3), retryContext(4)]);
    expect(recorder.calls.map((c) => (c.request.event as { issue?: { key?: string } }).issue?.key)).toEqual([
      'DEMO-2',
      'DEMO-2',
      'DEMO-2',
      'DEMO-2',
      'DEMO-2',
    ]);
    expect(log).toEqual([
      'Trigger asks on avi:jira:updated:issue asked for a retry (FUNCTION_UPSTREAM_RATE_LIMITED); retry 1 of 4 in 30 s.',
      'Trigger asks on avi:jira:updated:issue asked for a retry (FUNCTION_UPSTREAM_RATE_LIMITED); retry 2 of 4 in 30 s.',
      'Trigger asks on avi:jira:updated:issue asked for a retry (FUNCTION_UPSTREAM_RATE_LIMITED); retry 3 of 4 in 30 s.',
      'Trigger asks on avi:jira:updated:issue asked for a retry (FUNCTION_UPSTREAM_RATE_LIMITED); retry 4 of 4 in 30 s.',
      'Trigger asks on avi:jira:updated:issue asked for a retry (FUNCTION_UPSTREAM_RATE_LIMITED); dropped after 4 retries.',
    ]);
    expect(clock.pending()).toEqual([]);
    expect(events.delivered()).toBe(5);
  });

  it('retries an invocation that timed out on its own (FUNCTION_TIME_OUT), and stops when a retry succeeds', async () => {
    let attempts = 0;
    const { recorder, events, log, call, clock } = setUp(
      [triggerModule('slow', 'slow-fn', [['avi:jira:updated:issue', false]])],
      {
        'slow-fn': async () => {
          attempts += 1;
          if (attempts === 1) throw new TriggerTimeoutError('slow-fn', 'slow', 25_000);
          return undefined;
        },
      },
    );
    await call(user(ALEX_ADMIN.accountId), 'POST', '/rest/api/3/issue/DEMO-2/transitions', {
      transition: { id: '21' },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(clock.pending()).toEqual(['2025-03-08T10:00:01.000Z']);
    clock.advance(1_000);
    await events.whenIdle();

    expect(recorder.calls.map((c) => (c.request.event as { retryContext?: unknown }).retryContext)).toEqual([
      undefined,
      { retryCount: 1, retryReason: 'FUNCTION_TIME_OUT' },
    ]);
    expect(log).toEqual(['Trigger slow on avi:jira:updated:issue timed out (FUNCTION_TIME_OUT); retry 1 of 4 in 1 s.']);
    expect(clock.pending()).toEqual([]);
  });

  it('drops a waiting retry on close', async () => {
    const { recorder, events, call, clock } = setUp(
      [triggerModule('asks', 'fn', [['avi:jira:updated:issue', false]])],
      {
        fn: async () => new InvocationError({ retryAfter: 5, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST }),
      },
    );
    await call(user(ALEX_ADMIN.accountId), 'POST', '/rest/api/3/issue/DEMO-2/transitions', {
      transition: { id: '21' },
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(clock.pending()).toHaveLength(1);
    await events.close();
    expect(clock.pending()).toEqual([]);
    await events.whenIdle();
    expect(recorder.calls).toHaveLength(1);
  });

  it('stops listening on close', async () => {
    const { recorder, events, call } = setUp([triggerModule('m', 'fn', [['avi:jira:commented:issue', false]])], {
      fn: async () => undefined,
    });
    await events.close();
    await call(user(SAM_AGENT.accountId), 'POST', '/rest/api/3/issue/DEMO-1/comment', comment('After close.'));
    await events.whenIdle();
    expect(recorder.calls).toEqual([]);
  });

  it('refuses at start a module without a handler, or with a time limit product triggers do not allow', () => {
    expect(() => setUp([triggerModule('m', 'missing-fn', [['avi:jira:created:issue', false]])], {})).toThrow(
      MissingProductTriggerHandlerError,
    );
    expect(() =>
      setUp([triggerModule('m', 'fn', [['avi:jira:created:issue', false]], 60)], { fn: async () => undefined }),
    ).toThrow(InvalidTriggerRequestError);
  });
});

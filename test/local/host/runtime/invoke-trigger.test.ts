import { __getRuntime, asApp, asUser, getAppContext, route } from '@forge/api';
import { kvs } from '@forge/kvs';

import { TriggerTimeoutError } from '../../../../local/host/runtime';
import type { ForgeTriggerHandler, TriggerInvocationRequest } from '../../../../local/host/runtime-types';
import { FAKE_CLOUD_ID } from './fixtures/fake-jira';
import { runtimePerTest } from './fixtures/runtime-fixture';

const APP_ID = '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const INSTALLATION_ID = 'i0000000-0000-4000-8000-000000000002';
const CONTEXT_TOKEN = /^local-context-[A-Za-z0-9_-]{32}$/;

const { install } = runtimePerTest({
  appId: `ari:cloud:ecosystem::app/${APP_ID}`,
  environmentId: 'e0000000-0000-4000-8000-000000000001',
  installationId: INSTALLATION_ID,
});

const nightly = (overrides: Partial<TriggerInvocationRequest> = {}): TriggerInvocationRequest => ({
  functionKey: 'nightly-fn',
  moduleKey: 'nightly-check',
  moduleType: 'scheduledTrigger',
  ...overrides,
});

describe('invokeTrigger', () => {
  it('calls the function with the scheduled trigger event and a context with no principal', async () => {
    const { runtime } = install();
    let seen: Parameters<ForgeTriggerHandler> | undefined;
    const handler: ForgeTriggerHandler = (...args) => {
      seen = args;
      return { statusCode: 204, at: new Date(Date.UTC(2026, 0, 2)) };
    };

    const answer = await runtime.invokeTrigger(handler, nightly());

    expect(answer).toEqual({ statusCode: 204, at: '2026-01-02T00:00:00.000Z' });
    const [event, context] = seen!;
    expect(event).toEqual({
      context: { cloudId: FAKE_CLOUD_ID, moduleKey: 'nightly-check' },
      contextToken: expect.stringMatching(CONTEXT_TOKEN),
    });
    expect(Object.keys(context).sort()).toEqual(['installContext', 'installation', 'license']);
    expect(context.principal).toBeUndefined();
    expect(context.license).toBeUndefined();
    expect(context.installContext).toBe(`ari:cloud:jira::site/${FAKE_CLOUD_ID}`);
    expect(JSON.parse(JSON.stringify(context.installation))).toEqual({
      ari: `ari:cloud:ecosystem::installation/${INSTALLATION_ID}`,
      contexts: [`ari:cloud:jira::site/${FAKE_CLOUD_ID}`],
    });
    expect(runtime.stats()).toEqual({ kvsOperations: 0, jiraRequests: 0, invocations: 1 });
  });

  it('gives each invocation its own context token', async () => {
    const { runtime } = install();
    const tokenOf: ForgeTriggerHandler = (event) => event.contextToken;
    const first = await runtime.invokeTrigger(tokenOf, nightly());
    const second = await runtime.invokeTrigger(tokenOf, nightly());
    expect(first).toMatch(CONTEXT_TOKEN);
    expect(second).toMatch(CONTEXT_TOKEN);
    expect(second).not.toBe(first);
  });

  it('adds the platform context to a product event, over any context the event carries', async () => {
    const { runtime } = install();
    const echo: ForgeTriggerHandler = (event) => ({ ...event, contextToken: typeof event.contextToken });
    const answer = await runtime.invokeTrigger(
      echo,
      nightly({
        moduleType: 'trigger',
        moduleKey: 'issue-created',
        event: { eventType: 'avi:jira:created:issue', issue: { key: 'DEMO-1' }, context: { cloudId: 'forged' } },
      }),
    );
    expect(answer).toEqual({
      eventType: 'avi:jira:created:issue',
      issue: { key: 'DEMO-1' },
      context: { cloudId: FAKE_CLOUD_ID, moduleKey: 'issue-created' },
      contextToken: 'string',
    });
  });

  it.each([
    ['scheduledTrigger', undefined, 55_000, 'core:scheduledTrigger'],
    ['scheduledTrigger', 900, 900_000, 'core:scheduledTrigger'],
    ['trigger', undefined, 25_000, 'core:trigger'],
  ] as const)(
    'shows a %s invocation (timeoutSeconds %s) to getAppContext() with %d ms to run, as %s',
    async (moduleType, timeoutSeconds, remaining, platformType) => {
      let now = 5_000_000;
      const { runtime } = install({ now: () => now });
      const handler: ForgeTriggerHandler = () => {
        const context = getAppContext();
        const { appContext } = __getRuntime();
        now += 1_000;
        return {
          moduleKey: context.moduleKey,
          remaining: context.invocationRemainingTimeInMillis(),
          functionKey: appContext.functionKey,
          moduleType: appContext.moduleType,
          aaid: __getRuntime().aaid ?? null,
        };
      };
      expect(
        await runtime.invokeTrigger(handler, nightly({ moduleType, ...(timeoutSeconds ? { timeoutSeconds } : {}) })),
      ).toEqual({
        moduleKey: 'nightly-check',
        remaining: remaining - 1_000,
        functionKey: 'nightly-fn',
        moduleType: platformType,
        aaid: null,
      });
    },
  );

  it('lets the function act as the app and use storage, and refuses asUser() as the platform does', async () => {
    const { runtime, jira } = install();
    const handler: ForgeTriggerHandler = async () => {
      await kvs.set('last-check', 'done');
      const asAppAnswer = await asApp().requestJira(route`/rest/api/3/myself`);
      const refused: unknown = await asUser()
        .requestJira(route`/rest/api/3/myself`)
        .catch((error: unknown) => error);
      return {
        stored: await kvs.get('last-check'),
        asApp: { status: asAppAnswer.status, body: (await asAppAnswer.json()) as unknown },
        asUser: { name: (refused as Error).name, status: (refused as { status?: number }).status },
      };
    };
    expect(await runtime.invokeTrigger(handler, nightly())).toEqual({
      stored: 'done',
      asApp: { status: 200, body: { accountId: 'app-actor' } },
      asUser: { name: 'NEEDS_AUTHENTICATION_ERR', status: 401 },
    });
    expect(jira.calls.map((call) => call.actor)).toEqual([{ type: 'app' }]);
    expect(runtime.stats()).toEqual({ kvsOperations: 2, jiraRequests: 2, invocations: 1 });
  });

  it('rejects with the error the function throws', async () => {
    const { runtime } = install();
    const failure = Object.assign(new Error('kaboom'), { code: 'CHECK_FAILED' });
    await expect(
      runtime.invokeTrigger(() => {
        throw failure;
      }, nightly()),
    ).rejects.toBe(failure);
    await expect(runtime.invokeTrigger(() => Promise.reject(failure), nightly())).rejects.toBe(failure);
    expect(runtime.stats().invocations).toBe(2);
  });

  it.each([
    [
      'scheduledTrigger',
      0,
      "Function 'nightly-fn': timeoutSeconds must be between 1 and 900 for a scheduledTrigger module, not 0",
    ],
    [
      'scheduledTrigger',
      901,
      "Function 'nightly-fn': timeoutSeconds must be between 1 and 900 for a scheduledTrigger module, not 901",
    ],
    ['trigger', 26, "Function 'nightly-fn': timeoutSeconds must be between 1 and 25 for a trigger module, not 26"],
  ] as const)('refuses a %s with timeoutSeconds %d', async (moduleType, timeoutSeconds, message) => {
    const { runtime } = install();
    const handler = jest.fn();
    await expect(runtime.invokeTrigger(handler, nightly({ moduleType, timeoutSeconds }))).rejects.toMatchObject({
      name: 'InvalidTriggerRequestError',
      code: 'INVALID_TRIGGER_REQUEST',
      message,
    });
    expect(handler).not.toHaveBeenCalled();
    expect(runtime.stats().invocations).toBe(0);
  });

  it('refuses to run after uninstall', async () => {
    const { runtime } = install();
    runtime.uninstall();
    await expect(runtime.invokeTrigger(() => 1, nightly())).rejects.toMatchObject({
      code: 'RUNTIME_UNINSTALLED',
      message: "The local Forge runtime was uninstalled; cannot invoke trigger 'nightly-check'",
    });
  });

  describe('time limit', () => {
    beforeEach(() => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    });
    afterEach(() => {
      jest.useRealTimers();
    });

    it.each([
      ['scheduledTrigger', undefined, 55_000],
      ['scheduledTrigger', 120, 120_000],
      ['scheduledTrigger', 900, 900_000],
      ['trigger', undefined, 25_000],
    ] as const)('stops a %s (timeoutSeconds %s) after %d ms', async (moduleType, timeoutSeconds, limitMs) => {
      const { runtime } = install();
      const never: ForgeTriggerHandler = () => new Promise<never>(() => undefined);
      let settled: unknown = 'pending';
      void runtime
        .invokeTrigger(never, nightly({ moduleType, ...(timeoutSeconds ? { timeoutSeconds } : {}) }))
        .catch((error: unknown) => (settled = error));

      await jest.advanceTimersByTimeAsync(limitMs - 1);
      expect(settled).toBe('pending');
      await jest.advanceTimersByTimeAsync(1);
      expect(settled).toBeInstanceOf(TriggerTimeoutError);
      expect(settled).toMatchObject({
        code: 'INVOCATION_TIMEOUT',
        message: `Invocation of function 'nightly-fn' (trigger 'nightly-check') timed out after ${limitMs} ms`,
        timeoutMs: limitMs,
      });
    });
  });
});

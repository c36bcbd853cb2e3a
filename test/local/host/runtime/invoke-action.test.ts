import { __getRuntime, asUser, getAppContext, route } from '@forge/api';

import {
  type ActionInvocationRequest,
  ActionTimeoutError,
  type ForgeActionHandler,
} from '../../../../local/host/runtime';
import { FAKE_CLOUD_ID } from './fixtures/fake-jira';
import { runtimePerTest } from './fixtures/runtime-fixture';

const { install } = runtimePerTest({ appId: 'ari:cloud:ecosystem::app/6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' });

const sendEmail = (overrides: Partial<ActionInvocationRequest> = {}): ActionInvocationRequest => ({
  functionKey: 'automation-send-email',
  moduleKey: 'send-issue-email',
  accountId: 'user-bob',
  payload: { issueKey: 'DEMO-1', recipients: 'reporter' },
  ...overrides,
});

describe('invokeAction', () => {
  it('calls the function with the inputs themselves first and a context naming the rule actor second', async () => {
    const { runtime } = install();
    let seen: Parameters<ForgeActionHandler> | undefined;
    const handler: ForgeActionHandler = (...args) => {
      seen = args;
      return { success: true, at: new Date(Date.UTC(2026, 0, 2)) };
    };

    const payload = { issueKey: 'DEMO-1', recipients: 'reporter', nested: { skipped: undefined } };
    const answer = await runtime.invokeAction(handler, sendEmail({ payload }));

    expect(answer).toEqual({ success: true, at: '2026-01-02T00:00:00.000Z' });
    const [received, context] = seen!;
    // The inputs cross the wire as JSON: a copy, never the caller's object.
    expect(received).toEqual({ issueKey: 'DEMO-1', recipients: 'reporter', nested: {} });
    expect(received).not.toBe(payload);
    expect(context.principal).toEqual({ accountId: 'user-bob' });
    expect(context.installContext).toBe(`ari:cloud:jira::site/${FAKE_CLOUD_ID}`);
    expect(runtime.stats()).toEqual({ kvsOperations: 0, jiraRequests: 0, invocations: 1 });
  });

  it("runs as the rule's actor: asUser() acts as them, and the app context says core:action with 25 s to run", async () => {
    let now = 9_000_000;
    const { runtime, jira } = install({ now: () => now });
    const handler: ForgeActionHandler = async () => {
      const app = getAppContext();
      now += 1_000;
      const me = await asUser().requestJira(route`/rest/api/3/myself`);
      return {
        me: (await me.json()) as unknown,
        aaid: __getRuntime().aaid,
        moduleKey: app.moduleKey,
        moduleType: __getRuntime().appContext.moduleType,
        functionKey: __getRuntime().appContext.functionKey,
        remaining: app.invocationRemainingTimeInMillis(),
      };
    };
    expect(await runtime.invokeAction(handler, sendEmail())).toEqual({
      me: { accountId: 'user-bob' },
      aaid: 'user-bob',
      moduleKey: 'send-issue-email',
      moduleType: 'core:action',
      functionKey: 'automation-send-email',
      remaining: 24_000,
    });
    expect(jira.calls.map((call) => call.actor)).toEqual([{ type: 'user', accountId: 'user-bob' }]);
  });

  it("answers an errors answer as it is: failing the rule is Automation's decision", async () => {
    const { runtime } = install();
    const handler: ForgeActionHandler = () => ({ errors: [{ message: 'No template named "X".' }] });
    expect(await runtime.invokeAction(handler, sendEmail())).toEqual({
      errors: [{ message: 'No template named "X".' }],
    });
  });

  it('rejects with what the function throws', async () => {
    const { runtime } = install();
    const failure = Object.assign(new Error('kaboom'), { code: 'SEND_FAILED' });
    await expect(
      runtime.invokeAction(() => {
        throw failure;
      }, sendEmail()),
    ).rejects.toBe(failure);
  });

  it('refuses to run after uninstall', async () => {
    const { runtime } = install();
    runtime.uninstall();
    await expect(runtime.invokeAction(() => 1, sendEmail())).rejects.toMatchObject({
      code: 'RUNTIME_UNINSTALLED',
      message: "The local Forge runtime was uninstalled; cannot invoke action 'send-issue-email'",
    });
  });

  describe('time limit', () => {
    beforeEach(() => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask', 'setImmediate'] });
    });
    afterEach(() => {
      jest.useRealTimers();
    });

    it('stops the function after 25 s, as any user-led invocation', async () => {
      const { runtime } = install();
      let settled: unknown = 'pending';
      void runtime
        .invokeAction(() => new Promise<never>(() => undefined), sendEmail())
        .catch((error: unknown) => (settled = error));
      await jest.advanceTimersByTimeAsync(24_999);
      expect(settled).toBe('pending');
      await jest.advanceTimersByTimeAsync(1);
      expect(settled).toBeInstanceOf(ActionTimeoutError);
      expect(settled).toMatchObject({
        name: 'ActionTimeoutError',
        code: 'INVOCATION_TIMEOUT',
        message: "Invocation of function 'automation-send-email' (action 'send-issue-email') timed out after 25000 ms",
        timeoutMs: 25_000,
      });
    });
  });
});

import { getAppContext } from '@forge/api';
import { type ForgeKvsAPIError, kvs } from '@forge/kvs';
import Resolver from '@forge/resolver';

import {
  installForgeRuntime,
  InvocationTimeoutError,
  RuntimeAlreadyInstalledError,
} from '../../../../local/host/runtime';
import type { ForgeHandler } from '../../../../local/host/runtime-types';
import { FAKE_CLOUD_ID } from './fixtures/fake-jira';
import { installTestRuntime, issueActionRequest, runtimePerTest, SITE_URL } from './fixtures/runtime-fixture';

const APP_ID = '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const ENVIRONMENT_ID = 'e0000000-0000-4000-8000-000000000001';
const INSTALLATION_ID = 'i0000000-0000-4000-8000-000000000002';

const { install, uninstallAfterTest } = runtimePerTest({
  appId: `ari:cloud:ecosystem::app/${APP_ID}`,
  environmentId: ENVIRONMENT_ID,
  installationId: INSTALLATION_ID,
});

describe('invoke', () => {
  it('calls a @forge/resolver handler with the payload and the context the platform gives', async () => {
    const { runtime } = install();
    const resolver = new Resolver();
    resolver.define<unknown, unknown>('sendIssue', ({ payload, context }) => ({ payload, context }));

    const answer = await runtime.invoke(resolver.getDefinitions(), issueActionRequest());

    expect(answer).toEqual({
      payload: { to: 'someone@example.test' },
      context: {
        localId: `ari-cloud-ecosystem--extension-${APP_ID}-${ENVIRONMENT_ID}-static-email-this-issue`,
        cloudId: FAKE_CLOUD_ID,
        moduleKey: 'email-this-issue',
        siteUrl: SITE_URL,
        environmentId: ENVIRONMENT_ID,
        environmentType: 'DEVELOPMENT',
        extension: {
          type: 'jira:issueAction',
          issue: { id: '10001', key: 'DEMO-1' },
          project: { id: '10000', key: 'DEMO' },
        },
        accountType: 'licensed',
        locale: 'en-US',
        timezone: 'UTC',
        installContext: `ari:cloud:jira::site/${FAKE_CLOUD_ID}`,
        accountId: 'user-alice',
        installation: {
          ari: `ari:cloud:ecosystem::installation/${INSTALLATION_ID}`,
          contexts: [`ari:cloud:jira::site/${FAKE_CLOUD_ID}`],
        },
      },
    });
    expect(runtime.stats()).toEqual({ kvsOperations: 0, jiraRequests: 0, invocations: 1 });
  });

  it('passes the raw event and backend payload to a plain handler', async () => {
    const { runtime } = install();
    let seen: Parameters<ForgeHandler> | undefined;
    const handler: ForgeHandler = async (...args) => {
      seen = args;
      return 'ok';
    };
    expect(
      await runtime.invoke(handler, issueActionRequest({ resolverFunctionKey: 'getStatus', payload: undefined })),
    ).toBe('ok');
    const [event, backend] = seen!;
    expect(event.call).toEqual({ functionKey: 'getStatus', payload: undefined, jobId: undefined });
    expect(backend.principal).toEqual({ accountId: 'user-alice' });
    expect(backend.installContext).toBe(`ari:cloud:jira::site/${FAKE_CLOUD_ID}`);
    expect(backend.license).toBeUndefined();
    expect(String((backend.installation as { ari: unknown }).ari)).toBe(
      `ari:cloud:ecosystem::installation/${INSTALLATION_ID}`,
    );
  });

  it('leaves principal out of an anonymous invocation', async () => {
    const { runtime } = install();
    const resolver = new Resolver();
    resolver.define<unknown, unknown>('who', ({ context }) => ({
      accountId: (context.accountId as unknown) ?? null,
      accountType: context.accountType as unknown,
    }));
    expect(
      await runtime.invoke(
        resolver.getDefinitions(),
        issueActionRequest({ resolverFunctionKey: 'who', accountId: '' }),
      ),
    ).toEqual({
      accountId: null,
      accountType: 'anonymous',
    });
  });

  it('shows the invocation to getAppContext(), with time remaining from 25 s on the injected clock', async () => {
    let now = 1_000_000;
    const { runtime } = install({ now: () => now });
    const handler: ForgeHandler = async () => {
      const context = getAppContext();
      now += 4_000;
      return {
        appAri: String(context.appAri),
        environmentAri: String(context.environmentAri),
        installationAri: String(context.installationAri),
        environmentType: context.environmentType,
        moduleKey: context.moduleKey,
        remaining: context.invocationRemainingTimeInMillis(),
        invocationId: typeof context.invocationId === 'string' && context.invocationId.length > 0,
      };
    };
    expect(await runtime.invoke(handler, issueActionRequest())).toEqual({
      appAri: `ari:cloud:ecosystem::app/${APP_ID}`,
      environmentAri: `ari:cloud:ecosystem::environment/${APP_ID}/${ENVIRONMENT_ID}`,
      installationAri: `ari:cloud:ecosystem::installation/${INSTALLATION_ID}`,
      environmentType: 'DEVELOPMENT',
      moduleKey: 'email-this-issue',
      remaining: 21_000,
      invocationId: true,
    });
  });

  it('gives each invocation its own trace ids and sends them with kvs answers', async () => {
    const { runtime } = install();
    const handler: ForgeHandler = async () => {
      const runtimeGlobal = (globalThis as { __forge_runtime__?: { tracing: { traceId: string; spanId: string } } })
        .__forge_runtime__;
      const refused: unknown = await kvs.set('bad/key', 1).catch((error: unknown) => error);
      return { ...runtimeGlobal?.tracing, kvsTraceId: (refused as ForgeKvsAPIError).responseDetails.traceId };
    };
    type Traced = { traceId: string; spanId: string; kvsTraceId: string };
    const first = (await runtime.invoke(handler, issueActionRequest())) as Traced;
    const second = (await runtime.invoke(handler, issueActionRequest())) as Traced;
    expect(first.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(first.kvsTraceId).toBe(first.traceId);
    expect(first.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(second.traceId).not.toBe(first.traceId);
  });

  it('answers as JSON would cross the wire, and hands the handler its own copy of the payload', async () => {
    const { runtime } = install();
    const payload = { list: [1, 2] };
    const handler: ForgeHandler = async (event) => {
      (event.call.payload as { list: number[] }).list.push(3);
      return {
        at: new Date(Date.UTC(2025, 0, 1)),
        skipped: undefined,
        list: (event.call.payload as { list: number[] }).list,
      };
    };
    expect(await runtime.invoke(handler, issueActionRequest({ payload }))).toEqual({
      at: '2025-01-01T00:00:00.000Z',
      list: [1, 2, 3],
    });
    expect(payload).toEqual({ list: [1, 2] });
  });

  it('rejects with the handler error, and with the resolver error for an unknown definition', async () => {
    const { runtime } = install();
    const resolver = new Resolver();
    resolver.define('explode', () => {
      throw new Error('boom');
    });
    await expect(
      runtime.invoke(resolver.getDefinitions(), issueActionRequest({ resolverFunctionKey: 'explode' })),
    ).rejects.toThrow(new Error('boom'));
    await expect(
      runtime.invoke(resolver.getDefinitions(), issueActionRequest({ resolverFunctionKey: 'nope' })),
    ).rejects.toThrow(new Error("Resolver has no definition for 'nope'."));
    expect(runtime.stats().invocations).toBe(2);
  });

  it('rejects with INVOCATION_TIMEOUT when the handler outlives the time limit', async () => {
    const { runtime } = install({ invocationTimeoutMs: 20 });
    const never: ForgeHandler = () => new Promise<never>(() => undefined);
    const error: unknown = await runtime.invoke(never, issueActionRequest()).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(InvocationTimeoutError);
    expect(error).toMatchObject({
      code: 'INVOCATION_TIMEOUT',
      message: "Invocation of function 'issue-action-resolver' (resolver 'sendIssue') timed out after 20 ms",
    });
  });

  it('defines the globals once, removes them on uninstall, and refuses use afterwards', async () => {
    const { runtime } = install();
    expect(typeof Reflect.get(globalThis, '__forge_fetch__')).toBe('function');
    expect(Reflect.get(globalThis, '__forge_runtime__')).toBeDefined();
    expect(() => installTestRuntime()).toThrow(RuntimeAlreadyInstalledError);

    runtime.uninstall();
    expect(Reflect.get(globalThis, '__forge_fetch__')).toBeUndefined();
    expect(Reflect.get(globalThis, '__forge_runtime__')).toBeUndefined();
    runtime.uninstall();
    await expect(runtime.invoke(async () => 1, issueActionRequest())).rejects.toMatchObject({
      code: 'RUNTIME_UNINSTALLED',
      message: "The local Forge runtime was uninstalled; cannot invoke 'issue-action-resolver'",
    });
  });

  it('derives the same installation and environment ids in every process for the same app and site', () => {
    const { runtime, jira } = install({ environmentId: undefined, installationId: undefined });
    const first = runtime.site;
    runtime.uninstall();
    const second = installForgeRuntime({ dbPath: ':memory:', jira, appId: APP_ID });
    uninstallAfterTest({ runtime: second, jira });
    expect(second.site).toEqual(first);
    expect(first.appId).toBe(APP_ID);
    expect(first.installationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

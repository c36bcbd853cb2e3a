import api, { __getRuntime, asApp, asUser, requestJira, route } from '@forge/api';

import type { ForgeHandler } from '../../../../local/host/runtime-types';
import { issueActionRequest, runtimePerTest } from './fixtures/runtime-fixture';

const { install } = runtimePerTest();

const whoAmI: ForgeHandler = async () => {
  const response = await asUser().requestJira(route`/rest/api/3/myself`);
  return { status: response.status, body: (await response.json()) as unknown, aaid: __getRuntime().aaid };
};

describe('requestJira through the real @forge/api', () => {
  it('acts as the invoking user with asUser() and as the app with asApp()', async () => {
    const { runtime, jira } = install();
    const asBoth: ForgeHandler = async () => {
      const user = await asUser().requestJira(route`/rest/api/3/myself`);
      const app = await asApp().requestJira(route`/rest/api/3/myself`);
      return { user: (await user.json()) as unknown, app: (await app.json()) as unknown };
    };
    expect(await runtime.invoke(asBoth, issueActionRequest({ accountId: 'user-bob' }))).toEqual({
      user: { accountId: 'user-bob' },
      app: { accountId: 'app-actor' },
    });
    expect(jira.calls.map((call) => call.actor)).toEqual([{ type: 'user', accountId: 'user-bob' }, { type: 'app' }]);
    expect(runtime.stats()).toEqual({ kvsOperations: 0, jiraRequests: 2, invocations: 1 });
  });

  it('keeps two concurrent invocations apart: each acts as its own user', async () => {
    const { runtime, jira } = install();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const handler: ForgeHandler = async (event, backend) => {
      if ((event.call.payload as { wait?: boolean }).wait) {
        await gate;
      }
      const answer = (await whoAmI(event, backend)) as Record<string, unknown>;
      return { ...answer, principal: backend.principal?.accountId };
    };
    const alice = runtime.invoke(handler, issueActionRequest({ accountId: 'user-alice', payload: { wait: true } }));
    const bob = await runtime.invoke(handler, issueActionRequest({ accountId: 'user-bob', payload: {} }));
    release();
    expect(bob).toEqual({ status: 200, body: { accountId: 'user-bob' }, aaid: 'user-bob', principal: 'user-bob' });
    expect(await alice).toEqual({
      status: 200,
      body: { accountId: 'user-alice' },
      aaid: 'user-alice',
      principal: 'user-alice',
    });
    expect(jira.calls.map((call) => call.actor)).toEqual([
      { type: 'user', accountId: 'user-bob' },
      { type: 'user', accountId: 'user-alice' },
    ]);
  });

  it('acts as the account asUser(accountId) names', async () => {
    const { runtime, jira } = install({ allowImpersonation: true });
    const handler: ForgeHandler = async () => (await asUser('user-bob').requestJira(route`/rest/api/3/myself`)).json();
    expect(await runtime.invoke(handler, issueActionRequest({ accountId: 'user-alice' }))).toEqual({
      accountId: 'user-bob',
    });
    expect(jira.calls[0]?.actor).toEqual({ type: 'user', accountId: 'user-bob' });
  });

  it('refuses asUser(accountId) for someone other than the invoking user unless manifest.yml allows impersonation', async () => {
    const { runtime, jira } = install();
    const handler: ForgeHandler = async () => {
      const response = await asUser('user-bob').requestJira(route`/rest/api/3/myself`);
      return { status: response.status, body: (await response.json()) as unknown };
    };
    expect(await runtime.invoke(handler, issueActionRequest({ accountId: 'user-alice' }))).toEqual({
      status: 403,
      body: {
        message:
          "requestJira asUser(user-bob) impersonates someone who did not invoke the function; manifest.yml's permissions.scopes must allow it (allowImpersonation: true)",
      },
    });
    expect(jira.calls).toEqual([]);
    // The invoking user themself needs no such permission.
    const self: ForgeHandler = async () => (await asUser('user-alice').requestJira(route`/rest/api/3/myself`)).json();
    expect(await runtime.invoke(self, issueActionRequest({ accountId: 'user-alice' }))).toEqual({
      accountId: 'user-alice',
    });
  });

  it('passes method, path with query, lower-cased headers and body to the emulator', async () => {
    const { runtime, jira } = install();
    const handler: ForgeHandler = async () => {
      const issueKey = 'DEMO-1';
      const issue = await api.asApp().requestJira(route`/rest/api/3/issue/${issueKey}?fields=summary`, {
        headers: { Accept: 'application/json' },
      });
      const echo = await api.asApp().requestJira(route`/rest/api/3/echo`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ text: 'héllo' }),
      });
      const removed = await api.asApp().requestJira(route`/rest/api/3/issue/${issueKey}`, { method: 'DELETE' });
      return {
        issue: [issue.status, issue.statusText, issue.headers.get('content-type'), (await issue.json()) as unknown],
        echo: [echo.status, echo.statusText, (await echo.json()) as unknown],
        removed: [removed.status, await removed.text()],
      };
    };
    expect(await runtime.invoke(handler, issueActionRequest())).toEqual({
      issue: [200, 'OK', 'application/json', { key: 'DEMO-1', fields: { summary: 'First demo issue' } }],
      echo: [201, 'Created', { contentType: 'application/json', accept: 'application/json', body: '{"text":"héllo"}' }],
      removed: [204, ''],
    });
    expect(jira.calls.map((call) => call.request)).toEqual([
      { method: 'GET', path: '/rest/api/3/issue/DEMO-1?fields=summary', headers: { accept: 'application/json' } },
      {
        method: 'POST',
        path: '/rest/api/3/echo',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: Buffer.from('{"text":"héllo"}', 'utf8'),
      },
      { method: 'DELETE', path: '/rest/api/3/issue/DEMO-1', headers: {} },
    ]);
  });

  it('calls plain requestJira as anonymous', async () => {
    const { runtime, jira } = install();
    const handler: ForgeHandler = async () => (await requestJira(route`/rest/api/3/myself`)).status;
    expect(await runtime.invoke(handler, issueActionRequest())).toBe(401);
    expect(jira.calls[0]?.actor).toEqual({ type: 'anonymous' });
  });

  it.each([
    ['outside any invocation', undefined],
    ['in an anonymous invocation', ''],
  ])('throws NEEDS_AUTHENTICATION_ERR for asUser() %s', async (_title, accountId) => {
    const { runtime, jira } = install();
    const call = () => asUser().requestJira(route`/rest/api/3/myself`);
    const attempt =
      accountId === undefined ? call() : runtime.invoke(async () => call(), issueActionRequest({ accountId }));
    await expect(attempt).rejects.toMatchObject({ name: 'NEEDS_AUTHENTICATION_ERR', status: 401 });
    expect(jira.calls).toEqual([]);
  });

  it('refuses platform calls it does not emulate with a clear error', async () => {
    install();
    await expect(asApp().requestConfluence(route`/wiki/api/v2/pages`)).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORGE_TARGET',
      message: 'The local Forge host does not emulate fpp/app/confluence calls (GET /wiki/api/v2/pages)',
    });
  });

  it('wraps a failure of the Jira emulator, keeping the cause', async () => {
    const { jira } = install();
    const cause = new Error('emulator broke');
    jira.handle = () => Promise.reject(cause);
    await expect(asApp().requestJira(route`/rest/api/3/myself`)).rejects.toMatchObject({
      code: 'JIRA_EMULATOR_FAILED',
      message: 'The local Jira failed to answer GET /rest/api/3/myself',
      cause,
    });
  });
});

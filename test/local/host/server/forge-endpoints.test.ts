import path from 'node:path';

import type { InstalledForgeRuntime } from '../../../../local/host/runtime';
import type { ForgeHandler, InvocationRequest } from '../../../../local/host/runtime-types';
import { createForgeEndpoints, INVOKE_FAILED_MESSAGE } from '../../../../local/host/server/forge-endpoints';
import { type AppManifest, loadAppManifest } from '../../../../local/host/server/manifest-modules';
import { fakeJira } from './fake-jira';

const ADMIN = { accountId: 'admin-1', displayName: 'Ada Admin', emailAddress: 'ada@example.com', isAdmin: true };
const ISSUE = {
  id: '10001',
  key: 'DEMO-1',
  fields: {
    issuetype: { id: '10004', name: 'Bug' },
    project: { id: '10000', key: 'DEMO', projectTypeKey: 'software' },
  },
};

let manifest: AppManifest;
beforeAll(async () => {
  manifest = await loadAppManifest(path.resolve(__dirname, '../../../../manifest.yml'));
});

const setUp = (invoke: (handler: ForgeHandler, request: InvocationRequest) => Promise<unknown>) => {
  const jira = fakeJira({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(ISSUE) });
  const adminResolver: ForgeHandler = async () => 'admin';
  const issueActionResolver: ForgeHandler = async () => 'issue';
  const log: string[] = [];
  const runtime = {
    invoke: jest.fn(invoke),
    site: {
      appId: 'app-1',
      appVersion: '1.0.0',
      environmentId: 'env-1',
      environmentType: 'DEVELOPMENT',
      installationId: 'inst-1',
      cloudId: 'cloud-1',
      siteUrl: 'http://127.0.0.1:4000',
    },
  } as unknown as InstalledForgeRuntime & { invoke: jest.Mock };
  const endpoints = createForgeEndpoints({
    manifest,
    handlers: new Map([
      ['admin-resolver', adminResolver],
      ['issue-action-resolver', issueActionResolver],
    ]),
    runtime,
    jira,
    log: (line) => log.push(line),
  });
  return { endpoints, runtime, jira, log, issueActionResolver };
};

describe('the bridge endpoints', () => {
  it('invokes the module resolver with the issue from Jira as context.extension', async () => {
    const { endpoints, runtime, issueActionResolver } = setUp(async () => ({ ok: true, data: { subject: 'x' } }));
    const answer = await endpoints.invoke(
      { moduleKey: 'email-this-issue', issueKey: 'DEMO-1', functionKey: 'getEmailDraft', payload: {} },
      ADMIN,
    );
    expect(answer).toEqual({ ok: true, data: { subject: 'x' } });
    expect(runtime.invoke).toHaveBeenCalledWith(issueActionResolver, {
      functionKey: 'issue-action-resolver',
      resolverFunctionKey: 'getEmailDraft',
      payload: {},
      moduleKey: 'email-this-issue',
      accountId: 'admin-1',
      extension: {
        type: 'jira:issueAction',
        issue: { id: '10001', key: 'DEMO-1', type: 'Bug', typeId: '10004' },
        project: { id: '10000', key: 'DEMO', type: 'software' },
      },
    });
  });

  it('wraps the answer with metadata when the bridge asked for it', async () => {
    const { endpoints } = setUp(async () => ({ ok: true, data: [] }));
    const answer = await endpoints.invoke(
      {
        moduleKey: 'issue-mailer-admin',
        functionKey: 'listCredentials',
        payload: {},
        metadata: { rateLimitProperties: true },
      },
      ADMIN,
    );
    expect(answer).toEqual({ body: { ok: true, data: [] }, metadata: {} });
  });

  it('answers a failing handler with a generic 500 and logs no exception text', async () => {
    const { endpoints, log } = setUp(async () => {
      throw Object.assign(new TypeError('token=abc123 leaked'), { code: 'BOOM' });
    });
    const error = await endpoints
      .invoke({ moduleKey: 'issue-mailer-admin', functionKey: 'listCredentials', payload: {} }, ADMIN)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 500, code: 'INVOCATION_FAILED', message: INVOKE_FAILED_MESSAGE });
    expect(log).toEqual(['invoke admin-resolver/listCredentials failed (TypeError BOOM)']);
  });

  it.each([
    [{ moduleKey: 'nope', functionKey: 'x' }, 404, 'UNKNOWN_MODULE', 'The app has no module nope.'],
    [
      { moduleKey: 'issue-mailer-admin' },
      400,
      'BAD_REQUEST',
      'invoke: functionKey: Invalid input: expected string, received undefined',
    ],
    [
      { moduleKey: 'email-this-issue', issueKey: 'demo 1', functionKey: 'x' },
      400,
      'BAD_REQUEST',
      'invoke: issueKey: Invalid string: must match pattern /^[A-Z][A-Z0-9_]{0,49}-[1-9]\\d{0,9}$/',
    ],
  ])('refuses %j', async (body, status, code, message) => {
    const { endpoints, runtime } = setUp(async () => null);
    const error = await endpoints.invoke(body, ADMIN).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status, code, message });
    expect(runtime.invoke).not.toHaveBeenCalled();
  });

  it('answers 404 when the user cannot see the issue', async () => {
    const { endpoints, jira, runtime } = setUp(async () => null);
    jira.answer = { status: 404, headers: {}, body: '{}' };
    const error = await endpoints
      .invoke({ moduleKey: 'email-this-issue', issueKey: 'DEMO-9', functionKey: 'getEmailDraft' }, ADMIN)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 404,
      code: 'ISSUE_NOT_FOUND',
      message: 'Issue DEMO-9 does not exist or you cannot see it.',
    });
    expect(runtime.invoke).not.toHaveBeenCalled();
  });

  it('gives getContext the product context the resolver also gets', async () => {
    const { endpoints } = setUp(async () => null);
    expect(await endpoints.context({ moduleKey: 'email-this-issue', issueKey: 'DEMO-1' }, ADMIN)).toEqual({
      accountId: 'admin-1',
      localId: 'ari-cloud-ecosystem--extension-app-1-env-1-static-email-this-issue',
      cloudId: 'cloud-1',
      moduleKey: 'email-this-issue',
      siteUrl: 'http://127.0.0.1:4000',
      environmentId: 'env-1',
      environmentType: 'DEVELOPMENT',
      extension: {
        type: 'jira:issueAction',
        issue: { id: '10001', key: 'DEMO-1', type: 'Bug', typeId: '10004' },
        project: { id: '10000', key: 'DEMO', type: 'software' },
      },
      accountType: 'licensed',
      locale: 'en-US',
      timezone: 'UTC',
    });
  });

  it.each([
    [{ target: 'issue', issueKey: 'DEMO-2' }, 'http://127.0.0.1:4000/browse/DEMO-2'],
    [{ target: 'module', moduleKey: 'issue-mailer-admin' }, 'http://127.0.0.1:4000/admin'],
    [{ target: 'dashboard', dashboardId: '1' }, 'http://127.0.0.1:4000/'],
  ])('maps getUrl %j', async (location, url) => {
    const { endpoints } = setUp(async () => null);
    expect(endpoints.url({ moduleKey: 'issue-mailer-admin', location })).toEqual({ url });
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { kvs, WhereConditions } from '@forge/kvs';

import { type ChildInvokeRequest, invokeInChildProcess } from '../../../../local/host/runtime';
import { installTestRuntime, issueActionRequest, SITE_URL } from './fixtures/runtime-fixture';

jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, 'fixtures');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'forge-child-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const childRequest = (
  overrides: Partial<ChildInvokeRequest['request']> = {},
  handlerExport = 'handler',
): ChildInvokeRequest => ({
  dbPath: path.join(dir, 'kvs.sqlite'),
  handler: { module: path.join(FIXTURES, 'counter-handler.ts'), export: handlerExport },
  request: {
    ...issueActionRequest({ resolverFunctionKey: 'bump', payload: { step: 2 }, accountId: 'user-bob' }),
    ...overrides,
  },
  jira: { siteUrl: SITE_URL, module: path.join(FIXTURES, 'fake-jira.ts') },
});

describe('child-invoke', () => {
  it('runs one invocation per fresh process against the shared SQLite file', async () => {
    const first = await invokeInChildProcess(childRequest());
    expect(first.exitCode).toBe(0);
    expect(first.answer).toMatchObject({
      ok: true,
      result: { count: 2, actingAs: { accountId: 'user-bob' }, accountId: 'user-bob', issueKey: 'DEMO-1' },
      stats: { kvsOperations: 2, jiraRequests: 1, invocations: 1 },
    });
    expect(first.stderr).toContain('bumping the counter');

    const second = await invokeInChildProcess(childRequest({ accountId: 'user-alice' }));
    expect(second.answer).toMatchObject({
      ok: true,
      result: { count: 4, actingAs: { accountId: 'user-alice' }, accountId: 'user-alice' },
    });

    const { runtime } = installTestRuntime({ dbPath: path.join(dir, 'kvs.sqlite') });
    try {
      expect(await kvs.get('counter')).toBe(4);
    } finally {
      runtime.uninstall();
    }
  });

  it.each([
    ['allows', true, { status: 200, body: { accountId: 'user-alice' } }],
    [
      'refuses',
      undefined,
      {
        status: 403,
        body: {
          message:
            "requestJira asUser(user-alice) impersonates someone who did not invoke the function; manifest.yml's permissions.scopes must allow it (allowImpersonation: true)",
        },
      },
    ],
  ])('%s asUser(accountId) for another user as manifest.yml says (allowImpersonation %s)', async (_, allow, answer) => {
    const outcome = await invokeInChildProcess({
      ...childRequest({ resolverFunctionKey: 'actAs', payload: { accountId: 'user-alice' } }),
      ...(allow !== undefined ? { allowImpersonation: allow } : {}),
    });
    expect(outcome.answer).toMatchObject({ ok: true, result: answer });
  });

  it('lets concurrent processes write the same file', async () => {
    const outcomes = await Promise.all(
      [1, 2, 3].map((id) => invokeInChildProcess(childRequest({ resolverFunctionKey: 'remember', payload: { id } }))),
    );
    expect(outcomes.map((outcome) => [outcome.exitCode, outcome.answer.ok && outcome.answer.result])).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    const { runtime } = installTestRuntime({ dbPath: path.join(dir, 'kvs.sqlite') });
    try {
      const { results } = await kvs.query().where('key', WhereConditions.beginsWith('seen:')).getMany();
      expect(results).toEqual([
        { key: 'seen:1', value: 1 },
        { key: 'seen:2', value: 2 },
        { key: 'seen:3', value: 3 },
      ]);
    } finally {
      runtime.uninstall();
    }
  });

  it('carries an undefined payload and an undefined answer', async () => {
    const outcome = await invokeInChildProcess(childRequest({ resolverFunctionKey: 'nothing', payload: undefined }));
    expect(outcome.exitCode).toBe(0);
    expect(outcome.answer.ok).toBe(true);
    expect(outcome.answer).not.toHaveProperty('result');
  });

  it('answers a handler failure with exit code 1', async () => {
    const outcome = await invokeInChildProcess(childRequest({ resolverFunctionKey: 'fail' }));
    expect(outcome.exitCode).toBe(1);
    expect(outcome.answer).toMatchObject({
      ok: false,
      error: { name: 'Error', message: 'The fixture failed on purpose' },
      stats: { kvsOperations: 0, jiraRequests: 0, invocations: 1 },
    });
  });

  it.each([
    [
      'a missing export',
      () => childRequest({}, 'noSuchHandler'),
      {
        name: 'ChildInvokeError',
        code: 'EXPORT_NOT_FOUND',
        message: `The handler module ${path.join(FIXTURES, 'counter-handler.ts')} exports no function 'noSuchHandler'`,
      },
    ],
    [
      'a request without dbPath',
      () => ({ ...childRequest(), dbPath: '' }),
      {
        name: 'ChildInvokeError',
        code: 'BAD_CHILD_REQUEST',
        message: 'The child-invoke request is invalid: dbPath: Too small: expected string to have >=1 characters',
      },
    ],
  ])('answers %s with exit code 2', async (_title, build, error) => {
    const outcome = await invokeInChildProcess(build());
    expect(outcome.exitCode).toBe(2);
    expect(outcome.answer).toEqual({
      ok: false,
      error,
      stats: { kvsOperations: 0, jiraRequests: 0, invocations: 0 },
      loadMs: 0,
      invocationMs: 0,
    });
  });
});

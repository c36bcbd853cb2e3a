import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type ChildInvokeRequest, invokeInChildProcess } from '../../../../local/host/runtime';
import { WebTriggerUrlStore } from '../../../../local/host/runtime/web-trigger-urls';
import { issueActionRequest, SITE_URL } from './fixtures/runtime-fixture';

jest.setTimeout(60_000);

const FIXTURES = path.join(__dirname, 'fixtures');
const BASE_URL = 'http://127.0.0.1:4000';
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'forge-child-webtrigger-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const getUrl = (payload: { key: string; forceCreate?: boolean }, webTriggers = true): ChildInvokeRequest => ({
  dbPath: path.join(dir, 'kvs.sqlite'),
  handler: { module: path.join(FIXTURES, 'web-trigger-url-handler.ts'), export: 'handler' },
  request: issueActionRequest({ resolverFunctionKey: 'getUrl', payload }),
  jira: { siteUrl: SITE_URL, module: path.join(FIXTURES, 'fake-jira.ts') },
  ...(webTriggers
    ? {
        webTriggers: {
          dbPath: path.join(dir, 'web-triggers.sqlite'),
          baseUrl: BASE_URL,
          modules: [{ key: 'mail-notifications' }],
        },
      }
    : {}),
});

const resultOf = async (request: ChildInvokeRequest) => (await invokeInChildProcess(request)).answer;

describe('webTrigger.getUrl in a child-invoke process', () => {
  it("answers from the host's web-triggers.sqlite: the same URL each time, a new one with forceCreate", async () => {
    const first = await resultOf(getUrl({ key: 'mail-notifications' }));
    expect(first).toMatchObject({
      ok: true,
      result: expect.stringMatching(/^http:\/\/127\.0\.0\.1:4000\/x1\/[\w-]{20,}$/),
    });
    const url = (first as { result: string }).result;
    expect(await resultOf(getUrl({ key: 'mail-notifications' }))).toMatchObject({ ok: true, result: url });
    const forced = await resultOf(getUrl({ key: 'mail-notifications', forceCreate: true }));
    expect(forced).toMatchObject({ ok: true });
    expect((forced as { result: string }).result).not.toBe(url);

    // The host serving the triggers reads the same file.
    const store = new WebTriggerUrlStore(path.join(dir, 'web-triggers.sqlite'));
    try {
      expect(store.resolve(url.split('/x1/')[1] ?? '')).toBe('mail-notifications');
    } finally {
      store.close();
    }
  });

  it('fails for a key that is no webtrigger module, and says so when the child was given no web triggers', async () => {
    expect(await resultOf(getUrl({ key: 'nope' }))).toMatchObject({
      ok: false,
      error: { message: 'Internal error occurred: Failed to get web trigger URL.' },
    });
    expect(await resultOf(getUrl({ key: 'mail-notifications' }, false))).toMatchObject({
      ok: false,
      error: { code: 'UNSUPPORTED_FORGE_TARGET' },
    });
  });
});

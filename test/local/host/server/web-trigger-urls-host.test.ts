import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type LocalHost, startLocalHost } from '../../../../local/host';
import * as webTriggerApp from './fixtures/web-trigger-app';

jest.setTimeout(60_000);

let dataDir: string;
let host: LocalHost;

const start = (port = 0): Promise<LocalHost> =>
  startLocalHost({
    port,
    dataDir,
    microsoft: { loginPort: 0, graphPort: 0 },
    app: { manifestPath: path.join(__dirname, 'fixtures/web-trigger-manifest.yml'), entry: webTriggerApp },
    scheduledTriggers: { firstRunDelayMs: 60_000 },
    queue: { pollIntervalMs: 5 },
  });

/** Calls the fixture's resolver as a UI module would, so that @forge/api runs inside a real invocation. */
const resolve = (resolverFunctionKey: string, payload: Record<string, unknown> = {}): Promise<unknown> =>
  host.runtime.invoke(webTriggerApp.urlResolver, {
    functionKey: 'url-resolver-fn',
    resolverFunctionKey,
    payload,
    moduleKey: 'admin-page',
    accountId: host.jira.users()[0]?.accountId ?? 'unknown',
    extension: {},
  });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-host-webtrigger-urls-'));
  host = await start();
});

afterAll(async () => {
  await host?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('webTrigger.getUrl, queryUrls and deleteUrl on the local host', () => {
  it('gives a resolver and a consumer the same opaque URL for a trigger, the one the host hands to tests', async () => {
    const url = host.webTriggerUrl('mail-notifications');
    expect(url).toMatch(new RegExp(`^${host.url}/x1/[A-Za-z0-9_-]{20,}$`));
    expect(url).not.toContain('mail-notifications');
    expect(await resolve('getUrl', { key: 'mail-notifications' })).toBe(url);
    expect(await resolve('getUrl', { key: 'mail-notifications' })).toBe(url);

    await resolve('pushToConsumer');
    await host.queue.whenIdle();
    expect(webTriggerApp.consumerUrls).toEqual([url]);
  });

  it('refuses a key that is no webtrigger module of the manifest, as @forge/api reports it', async () => {
    await expect(resolve('getUrl', { key: 'not-a-trigger' })).rejects.toThrow(
      'Internal error occurred: Failed to get web trigger URL.',
    );
  });

  it('makes a new URL with forceCreate while the old one still works, and lists both', async () => {
    const old = host.webTriggerUrl('echo');
    const fresh = (await resolve('getUrl', { key: 'echo', forceCreate: true })) as string;
    expect(fresh).not.toBe(old);
    expect((await fetch(old, { method: 'POST', body: 'old' })).status).toBe(202);
    expect(await (await fetch(fresh, { method: 'POST', body: 'new' })).json()).toEqual({ got: 'new' });
    expect(await resolve('queryUrls', { key: 'echo' })).toEqual([
      { moduleKey: 'echo', url: old },
      { moduleKey: 'echo', url: fresh },
    ]);
    expect(await resolve('getUrl', { key: 'echo' })).toBe(fresh);
  });

  it('answers 404 on a deleted URL, refuses to delete it twice, and makes a new URL on the next getUrl', async () => {
    const url = host.webTriggerUrl('public-echo');
    expect(url).toContain('/public/');
    expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(202);
    await resolve('deleteUrl', { url });
    expect((await fetch(url, { method: 'POST', body: 'x' })).status).toBe(404);
    await expect(resolve('deleteUrl', { url })).rejects.toThrow(
      'Internal error occurred: Failed to delete web trigger URL: No web trigger URL with the id',
    );
    expect(await resolve('queryUrls', { key: 'public-echo' })).toEqual([]);
    const next = (await resolve('getUrl', { key: 'public-echo' })) as string;
    expect(next).not.toBe(url);
    expect((await fetch(next, { method: 'POST', body: 'x' })).status).toBe(202);
  });

  it('keeps the URLs across a restart of the host on the same data dir', async () => {
    const url = host.webTriggerUrl('mail-notifications');
    const port = Number(new URL(host.url).port);
    await host.close();
    host = await start(port);
    expect(host.webTriggerUrl('mail-notifications')).toBe(url);
    expect(await resolve('getUrl', { key: 'mail-notifications' })).toBe(url);
    const answer = await fetch(`${url}/lifecycle`, { method: 'POST', body: '{}' });
    expect(await answer.json()).toEqual({ userPath: '/lifecycle', bytes: 2 });
  });
});

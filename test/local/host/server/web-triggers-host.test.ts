import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type LocalHost, startLocalHost } from '../../../../local/host';
import * as webTriggerApp from './fixtures/web-trigger-app';

jest.setTimeout(60_000);

let dataDir: string;
let host: LocalHost;
const logLines: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-host-webtriggers-'));
  host = await startLocalHost({
    port: 0,
    dataDir,
    log: (line) => logLines.push(line),
    app: { manifestPath: path.join(__dirname, 'fixtures/web-trigger-manifest.yml'), entry: webTriggerApp },
    scheduledTriggers: { firstRunDelayMs: 60_000 },
  });
});

afterAll(async () => {
  await host?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('web triggers in the local host', () => {
  it('invokes the function with the request as Forge serialises it, with no user, and answers its response', async () => {
    const response = await fetch(`${host.url}/x1/echo/inbox/new?validationToken=abc&x=1&x=2`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-ms-client': 'graph' },
      body: 'hello',
    });

    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-echo')).toBe('one, two');
    expect(await response.json()).toEqual({ got: 'hello' });
    const [call] = webTriggerApp.echoCalls;
    expect(call?.moduleType).toBe('core:webtrigger');
    expect(call?.context.principal).toBeUndefined();
    expect(call?.event).toMatchObject({
      method: 'POST',
      body: 'hello',
      path: '/x1/echo/inbox/new',
      userPath: '/inbox/new',
      queryParameters: { validationToken: ['abc'], x: ['1', '2'] },
      context: { cloudId: expect.any(String), moduleKey: 'echo' },
      contextToken: expect.stringMatching(/^local-context-/),
    });
    expect(call?.event.headers).toMatchObject({ 'content-type': ['text/plain'], 'x-ms-client': ['graph'] });
  });

  it('answers 500 for a response that is not the documented shape, and for a function that throws, logging why', async () => {
    const shapeless = await fetch(`${host.url}/x1/shapeless`, { method: 'POST', body: '{}' });
    expect(shapeless.status).toBe(500);
    const broken = await fetch(`${host.url}/x1/broken`);
    expect(broken.status).toBe(500);
    expect(await broken.text()).toBe('The web trigger failed.');
    expect(logLines.slice(-2)).toEqual([
      'Web trigger shapeless: the answer is not the documented trigger response { statusCode, headers?, body? } (statusCode: Invalid input: expected number, received undefined); answered 500.',
      'Web trigger broken failed (FixtureWebTriggerError FIXTURE_FAILED).',
    ]);
    expect(logLines.join('\n')).not.toContain('abc123');
  });

  it('refuses a request over 500 KB with 413 without invoking the function, and answers 404 for an unknown trigger', async () => {
    const before = webTriggerApp.echoCalls.length;
    const large = await fetch(`${host.url}/x1/echo`, { method: 'POST', body: 'x'.repeat(500 * 1024 + 1) });
    expect(large.status).toBe(413);
    expect(webTriggerApp.echoCalls).toHaveLength(before);
    expect((await fetch(`${host.url}/x1/nope`)).status).toBe(404);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type LocalHost, startLocalHost } from '../../../../local/host';
import { MAX_WEB_TRIGGER_REQUEST_BYTES } from '../../../../local/host/server/web-triggers';
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
    const echoUrl = host.webTriggerUrl('echo');
    expect(echoUrl).toMatch(new RegExp(`^${host.url}/x1/[A-Za-z0-9_-]{20,}$`));
    const response = await fetch(`${echoUrl}/inbox/new?validationToken=abc&x=1&x=2`, {
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
      path: `${new URL(echoUrl).pathname}/inbox/new`,
      userPath: '/inbox/new',
      queryParameters: { validationToken: ['abc'], x: ['1', '2'] },
      context: { cloudId: expect.any(String), moduleKey: 'echo' },
      contextToken: expect.stringMatching(/^local-context-/),
    });
    expect(call?.event.headers).toMatchObject({ 'content-type': ['text/plain'], 'x-ms-client': ['graph'] });
  });

  it('answers 500 for a response that is not the documented shape, and for a function that throws, logging why', async () => {
    const shapeless = await fetch(host.webTriggerUrl('shapeless'), { method: 'POST', body: '{}' });
    expect(shapeless.status).toBe(500);
    const broken = await fetch(host.webTriggerUrl('broken'));
    expect(broken.status).toBe(500);
    expect(await broken.text()).toBe('The web trigger failed.');
    expect(logLines.slice(-2)).toEqual([
      'Web trigger shapeless: the answer is not the documented trigger response { statusCode, headers?, body? } (statusCode: Invalid input: expected number, received undefined); answered 500.',
      'Web trigger broken failed (FixtureWebTriggerError FIXTURE_FAILED).',
    ]);
    expect(logLines.join('\n')).not.toContain('abc123');
  });

  it('takes a body of 5 MB (the invocation payload limit) and refuses one byte more with 413 without invoking the function', async () => {
    const url = host.webTriggerUrl('mail-notifications');
    const full = await fetch(url, { method: 'POST', body: 'x'.repeat(MAX_WEB_TRIGGER_REQUEST_BYTES) });
    expect(full.status).toBe(202);
    expect(await full.json()).toEqual({ userPath: '', bytes: 5 * 1024 * 1024 });
    const before = webTriggerApp.echoCalls.length;
    const echoUrl = host.webTriggerUrl('echo');
    const large = await fetch(echoUrl, { method: 'POST', body: 'x'.repeat(MAX_WEB_TRIGGER_REQUEST_BYTES + 1) });
    expect(large.status).toBe(413);
    expect(await large.text()).toBe('The request is over the 5242880 bytes a web trigger takes.');
    expect(webTriggerApp.echoCalls).toHaveLength(before);
  });

  it('answers 404 for an id it never handed out, and for a module key in place of an id', async () => {
    expect((await fetch(`${host.url}/x1/nope`)).status).toBe(404);
    expect((await fetch(`${host.url}/x1/echo`)).status).toBe(404);
    expect((await fetch(`${host.url}/public/echo`)).status).toBe(404);
    expect(() => host.webTriggerUrl('nope')).toThrow('No webtrigger module with the key nope in the manifest.');
  });

  it('echoes a Graph validation token as text/plain, decoded once, whatever it holds (+, %2B, spaces)', async () => {
    const url = host.webTriggerUrl('mail-notifications');
    // Graph sends the token URL-encoded; the function gets it decoded in queryParameters and answers it as it is.
    const token = 'Validation: Testing client application reachability for subscription Request-Id: a+b/c=d e%2Bf';
    const response = await fetch(`${url}?validationToken=${encodeURIComponent(token)}`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain');
    expect(await response.text()).toBe(token);
    // A literal + in the query string is a space when decoded, as URLSearchParams (and Graph's clients) read it.
    const plus = await fetch(`${url}?validationToken=a+b%2Bc%20d`, { method: 'POST' });
    expect(await plus.text()).toBe('a b+c d');
  });

  it('passes what follows the id as userPath, so one trigger serves notifications and lifecycle notifications', async () => {
    const url = host.webTriggerUrl('mail-notifications');
    const notification = await fetch(url, { method: 'POST', body: '{"value":[]}' });
    expect(notification.status).toBe(202);
    expect(await notification.json()).toEqual({ userPath: '', bytes: 12 });
    const lifecycle = await fetch(`${url}/lifecycle`, { method: 'POST', body: '{}' });
    expect(await lifecycle.json()).toEqual({ userPath: '/lifecycle', bytes: 2 });
  });

  it("answers a slow trigger, and logs that it took longer than Graph's 3 s", async () => {
    const response = await fetch(host.webTriggerUrl('slow'), { method: 'POST' });
    expect(response.status).toBe(202);
    expect(logLines.at(-1)).toMatch(/^Web trigger slow took 3\d{3} ms, more than the 3000 ms Graph waits\.$/);
  });

  it('serves a urlFormat v2 trigger under /public/<id>', async () => {
    const url = host.webTriggerUrl('public-echo');
    expect(url).toMatch(new RegExp(`^${host.url}/public/[A-Za-z0-9_-]{20,}$`));
    const response = await fetch(url, { method: 'POST', body: 'v2' });
    expect(await response.json()).toEqual({ got: 'v2' });
  });
});

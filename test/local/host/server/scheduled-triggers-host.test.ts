import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type LocalHost, startLocalHost } from '../../../../local/host';
import { type FakeClock, fakeClock } from './fixtures/fake-clock';
import * as triggerApp from './fixtures/trigger-app';

jest.setTimeout(60_000);

const START = '2026-11-27T09:00:00.000Z';
const FIRST_RUN = '2026-11-27T09:00:05.000Z';

let dataDir: string;
let host: LocalHost;
let clock: FakeClock;
const logLines: string[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-host-triggers-'));
  clock = fakeClock(START);
  host = await startLocalHost({
    port: 0,
    dataDir,
    log: (line) => logLines.push(line),
    app: { manifestPath: path.join(__dirname, 'fixtures/trigger-manifest.yml'), entry: triggerApp },
    scheduledTriggers: { clock, firstRunDelayMs: 5_000 },
  });
});

afterAll(async () => {
  await host?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const runNow = (key: string, headers: Record<string, string> = {}) =>
  fetch(`${host.url}/__host/triggers/${key}/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: host.url, ...headers },
    body: '',
    redirect: 'manual',
  });

const triggersCard = async (): Promise<string> => {
  const response = await fetch(`${host.url}/`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const card = /<section class="jl-card" aria-labelledby="card-triggers">[\s\S]*?<\/section>/.exec(html)?.[0];
  if (!card) throw new Error('The home page has no scheduled triggers card.');
  return card.replace(/\s+/g, ' ');
};

describe('scheduled triggers in the local host', () => {
  it('schedules each trigger of the manifest once the host has started', () => {
    expect(host.seed).toBe('skipped');
    expect(logLines).toEqual(['Demo credential not seeded: the manifest has no admin page with a resolver.']);
    expect(host.scheduledTriggers()).toEqual([
      {
        key: 'nightly-check',
        functionKey: 'nightly-fn',
        interval: 'day',
        lastRun: undefined,
        nextRunAt: new Date(FIRST_RUN),
      },
      {
        key: 'broken-check',
        functionKey: 'broken-fn',
        interval: 'hour',
        lastRun: undefined,
        nextRunAt: new Date(FIRST_RUN),
      },
    ]);
    expect(clock.pending()).toEqual([FIRST_RUN, FIRST_RUN]);
  });

  it('lists the triggers on the home page with a "Run now" button each', async () => {
    const card = await triggersCard();
    expect(card).toContain('<h2 id="card-triggers">Scheduled triggers</h2>');
    expect(card).toContain('<code>nightly-check</code> <span>Every day</span>');
    expect(card).toContain('<code>broken-check</code> <span>Every hour</span>');
    expect(card.match(/Last run: <span class="jl-empty-text">Not run yet<\/span>/g)).toHaveLength(2);
    expect(
      card.match(/Next run: <time datetime="2026-11-27T09:00:05.000Z">2026-11-27 09:00:05 UTC<\/time>/g),
    ).toHaveLength(2);
    expect(card).toContain(
      '<form method="post" action="/__host/triggers/nightly-check/run"> <button type="submit" class="jl-button" aria-label="Run nightly-check now">Run now</button> </form>',
    );
    expect(card).toContain('action="/__host/triggers/broken-check/run"');
  });

  it.each([
    [{ origin: 'https://evil.example' }, 'CROSS_ORIGIN'],
    [{ 'sec-fetch-site': 'cross-site' }, 'CROSS_SITE'],
  ])('refuses "Run now" from another site (%j)', async (headers, code) => {
    const response = await runNow('nightly-check', headers);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { code: string }).code).toBe(code);
    expect(triggerApp.nightlyCalls).toEqual([]);
  });

  it('runs a trigger on "Run now" as Forge runs it, with no user, and redirects home', async () => {
    const response = await runNow('nightly-check');
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');

    expect(triggerApp.nightlyCalls).toHaveLength(1);
    const [call] = triggerApp.nightlyCalls;
    expect(call?.event).toEqual({
      context: { cloudId: host.jira.cloudId, moduleKey: 'nightly-check' },
      contextToken: expect.stringMatching(/^local-context-/),
    });
    expect(call?.context.principal).toBeUndefined();
    expect(call?.context.installContext).toBe(`ari:cloud:jira::site/${host.jira.cloudId}`);
    expect(call?.moduleType).toBe('core:scheduledTrigger');
    expect(call?.asApp).toEqual({ status: 200, accountType: 'app' });
    expect(call?.asUser).toBe('NEEDS_AUTHENTICATION_ERR');

    expect(await triggersCard()).toContain(
      'Last run: <time datetime="2026-11-27T09:00:00.000Z">2026-11-27 09:00:00 UTC</time> (run now) <span class="jl-lozenge jl-lozenge--done">Succeeded</span>',
    );
  });

  it('shows and logs a failing trigger by class name and code, never its message', async () => {
    const run = await host.runTrigger('broken-check');
    expect(run).toEqual({
      cause: 'manual',
      startedAt: new Date(START),
      finishedAt: new Date(START),
      outcome: 'failed',
      statusCode: undefined,
      error: 'FixtureCheckError FIXTURE_FAILED',
    });
    expect(logLines.at(-1)).toBe('Scheduled trigger broken-check failed (FixtureCheckError FIXTURE_FAILED).');
    const card = await triggersCard();
    expect(card).toContain(
      '<span class="jl-lozenge jl-lozenge--failed">Failed</span> <code>FixtureCheckError FIXTURE_FAILED</code>',
    );
    expect(card).not.toContain('hunter2');
    expect(logLines.join('\n')).not.toContain('hunter2');
  });

  it('answers an unknown trigger with 404 and a GET with 405', async () => {
    const unknown = await runNow('no-such-trigger');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      code: 'UNKNOWN_TRIGGER',
      message: 'The app has no scheduled trigger no-such-trigger.',
    });

    const get = await fetch(`${host.url}/__host/triggers/nightly-check/run`);
    expect(get.status).toBe(405);
    expect(await get.json()).toEqual({
      code: 'METHOD_NOT_ALLOWED',
      message: '/__host/triggers/nightly-check/run takes POST.',
    });
  });

  it('runs the triggers on schedule through the runtime', async () => {
    clock.advance(5_000);
    // The scheduled run is in progress; runTrigger joins it rather than starting another.
    const run = await host.runTrigger('nightly-check');
    expect(run).toEqual({
      cause: 'schedule',
      startedAt: new Date(FIRST_RUN),
      finishedAt: new Date(FIRST_RUN),
      outcome: 'succeeded',
      statusCode: 200,
      error: undefined,
    });
    expect(triggerApp.nightlyCalls).toHaveLength(2);
    expect(host.scheduledTriggers().map((trigger) => trigger.nextRunAt?.toISOString())).toEqual([
      '2026-11-28T09:00:05.000Z',
      '2026-11-27T10:00:05.000Z',
    ]);
  });

  it('cancels the schedule on close', async () => {
    await host.close();
    expect(clock.pending()).toEqual([]);
    expect(host.scheduledTriggers().map((trigger) => trigger.nextRunAt)).toEqual([undefined, undefined]);
  });
});

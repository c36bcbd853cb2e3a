import type { FrameLocator } from 'playwright-core';

import { type AdminSection, openAdminPage, showAdminSection, useHostedBrowser } from './support/admin-page';
import type { HostedBrowser } from './support/browser';

/**
 * Every resolver call counts: on Forge each is an invocation (possibly a cold start) against the app's quotas. The
 * frames' calls go through the bridge to the local host's invoke endpoint, where they are counted here.
 */
let run: HostedBrowser;
useHostedBrowser((started) => {
  run = started;
});

interface Call {
  functionKey: string;
  /** loadAdminView's parts, sorted. */
  parts?: string[];
}

/** Records each resolver call any frame of the page makes from now on. */
const countCalls = (): { calls: Call[]; take: () => Call[] } => {
  const calls: Call[] = [];
  run.page.on('request', (request) => {
    if (request.method() !== 'POST' || new URL(request.url()).pathname !== '/__forge/invoke') return;
    const body = request.postDataJSON() as { functionKey: string; payload?: { parts?: string[] } };
    const parts = body.payload?.parts;
    calls.push({ functionKey: body.functionKey, ...(parts ? { parts: [...parts].sort() } : {}) });
  });
  return { calls, take: () => calls.splice(0) };
};

/** Long enough for a late call to show: the page asks at once or not at all. */
const quietFor = (ms = 1500) => new Promise((resolve) => setTimeout(resolve, ms));

const view = (...parts: string[]): Call => ({ functionKey: 'loadAdminView', parts: parts.sort() });

const SECTION_HEADINGS: Record<AdminSection, string> = {
  Credentials: 'Credentials',
  'Email templates': 'Email templates',
  'Sending settings': 'Sending settings',
  'Notification rules': 'Notification rules',
  'Mail handlers': 'Mail handlers',
  'Email log': 'Email log',
  'Incoming log': 'Incoming log',
};

const openSection = async (app: FrameLocator, section: AdminSection) => {
  await showAdminSection(app, section);
  await app.getByRole('heading', { name: SECTION_HEADINGS[section], level: 2 }).waitFor();
  await app.locator('[role="tabpanel"]:not([hidden]) [aria-busy="true"]').waitFor({ state: 'detached' });
  await quietFor();
};

describe('resolver calls the admin page makes', () => {
  it('opens with 1 call, then 1 call per tab the first time it is shown, and none when shown again', async () => {
    const counter = countCalls();
    const app = await openAdminPage(run);
    await quietFor();
    const opening = counter.take();
    console.log(`admin page opening: ${opening.length} resolver call(s)`, JSON.stringify(opening));
    expect(opening).toEqual([view('warnings', 'credentials')]);

    const perTab: Array<[AdminSection, Call[]]> = [];
    for (const section of [
      'Email templates',
      'Sending settings',
      'Notification rules',
      'Mail handlers',
      'Email log',
      'Incoming log',
    ] as const) {
      await openSection(app, section);
      perTab.push([section, counter.take()]);
    }
    console.log(
      'first opening of each other tab:',
      perTab.map(([section, calls]) => `${section}: ${calls.length}`).join(', '),
    );
    expect(perTab).toEqual([
      ['Email templates', [view('templates')]],
      ['Sending settings', [view('mailSettings', 'projectRoles', 'projects')]],
      ['Notification rules', [view('rules', 'statuses', 'projects', 'jiraFields')]],
      ['Mail handlers', [view('mailHandlers', 'handlerProjects')]],
      ['Email log', [view('emailLog', 'emailLogSettings')]],
      ['Incoming log', [view('incomingLog')]],
    ]);

    for (const section of ['Credentials', 'Sending settings', 'Email templates', 'Email log'] as const)
      await openSection(app, section);
    expect(counter.take()).toEqual([]);
    expect(run.pageErrors).toEqual([]);
  });

  it('opens on the tab its URL names with 1 call carrying that tab with the warnings', async () => {
    const counter = countCalls();
    await run.page.goto(`${run.host.url}/admin/notification-rules`);
    const app = run.page.frameLocator('iframe[title="Issue Mailer"]');
    await app.getByRole('heading', { name: 'Notification rules', level: 2 }).waitFor();
    await app.getByRole('table', { name: 'Notification rules' }).or(app.getByText('No notification rules')).waitFor();
    await quietFor();
    const opening = counter.take();
    console.log(`admin page opening on Notification rules: ${opening.length} resolver call(s)`);
    expect(opening).toEqual([
      view('credentials', 'jiraFields', 'projects', 'rules', 'statuses', 'templates', 'warnings'),
    ]);
  });
});

describe('resolver calls the "Email this issue" dialog makes', () => {
  const openDialog = async (issueKey: string) => {
    await run.page.goto(`${run.host.url}/browse/${issueKey}`);
    await run.page.getByRole('button', { name: 'Apps' }).click();
    await run.page.getByRole('menuitem', { name: 'Email this issue' }).click();
    const app = run.page.frameLocator('iframe[title="Email this issue"]');
    await app.getByText('From: support@contoso.onmicrosoft.com').waitFor();
    return app;
  };

  const sendAndFollow = async (app: FrameLocator, counter: ReturnType<typeof countCalls>, timeout: number) => {
    await app.getByLabel('To', { exact: true }).fill('alex@example.com');
    counter.take();
    const started = Date.now();
    await app.getByRole('button', { name: 'Send' }).click();
    await app.getByRole('status', { name: 'Delivery status' }).getByText('Sent to 1 person').waitFor({ timeout });
    const seconds = Math.round((Date.now() - started) / 1000);
    await quietFor(2500);
    return { calls: counter.take().map((call) => call.functionKey), seconds };
  };

  it('follows an email sent at once to "sent" in at most 3 calls: the send and the reads after 1 and 3 s', async () => {
    const counter = countCalls();
    const app = await openDialog('DEMO-1');
    await quietFor();
    const opening = counter.take().map((call) => call.functionKey);
    console.log(`dialog opening: ${opening.length} resolver call(s)`, opening.join(', '));

    const { calls, seconds } = await sendAndFollow(app, counter, 30_000);
    console.log(`email followed to "sent" in ${seconds} s: ${calls.length} resolver call(s)`, calls.join(', '));
    expect(calls[0]).toBe('sendIssueEmail');
    expect(calls.slice(1).every((key) => key === 'getEmailStatus')).toBe(true);
    // The emulator accepts at once; the worker's run may still be under way at the first read (1 s), not the second (3 s).
    expect(calls.length).toBeGreaterThanOrEqual(2);
    expect(calls.length).toBeLessThanOrEqual(3);
  });

  it('follows an email Microsoft 365 holds back for 40 s to "sent" in at most 10 calls, saying it is still being sent', async () => {
    const counter = countCalls();
    const app = await openDialog('DEMO-2');
    // The first Graph request is refused with 429 and Retry-After 40: the outbox tries again 40 s later.
    run.host.microsoft.injectFault({ target: 'graph', kind: 'throttle', count: 1, retryAfterSeconds: 40 });
    try {
      const note = app.getByText(/^Still being sent; checking again at \d\d:\d\d:\d\d\.$/);
      const followed = sendAndFollow(app, counter, 90_000);
      await note.waitFor({ timeout: 30_000 });
      const { calls, seconds } = await followed;
      console.log(`email held back 40 s, followed to "sent" in ${seconds} s: ${calls.length} resolver call(s)`);
      expect(seconds).toBeGreaterThanOrEqual(40);
      expect(calls[0]).toBe('sendIssueEmail');
      expect(calls.slice(1).every((key) => key === 'getEmailStatus')).toBe(true);
      expect(calls.length).toBeLessThanOrEqual(10);
      expect(await note.count()).toBe(0);
    } finally {
      run.host.microsoft.clearFaults();
    }
  }, 150_000);
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type Browser, type BrowserContext, chromium, type FrameLocator, type Page } from 'playwright-core';

import { type LocalHost, startLocalHost } from '../../../local/host';
import { BUNDLED_APP } from './bundled-app';

/** Debian's Chromium, headless, with nothing that reaches beyond loopback. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-gpu',
    ],
  });

export interface HostedBrowser {
  host: LocalHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors of every page and frame, for asserting a clean run. */
  pageErrors: string[];
  /** Every line the host and the backend logged in this process: where a leaked secret would show. */
  logs: string[];
  close: () => Promise<void>;
}

/** Records console output (still printing it), so tests can assert what the backend logged. */
const captureConsole = (lines: string[]): (() => void) => {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  // Kept unbound so that the same functions are put back; each is called with `console` as its `this`.
  // eslint-disable-next-line @typescript-eslint/unbound-method -- see above
  const originals = methods.map((method) => console[method]);
  methods.forEach((method, i) => {
    const original = originals[i] as (...args: unknown[]) => void;
    console[method] = (...args: unknown[]) => {
      lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
      original.apply(console, args);
    };
  });
  return () => methods.forEach((method, i) => (console[method] = originals[i] as (typeof console)[typeof method]));
};

/** A local host on a free port with a fresh data folder, and a browser page on it. */
export const startHostedBrowser = async (): Promise<HostedBrowser> => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'issue-mailer-e2e-'));
  const logs: string[] = [];
  const restoreConsole = captureConsole(logs);
  const host = await startLocalHost({ port: 0, dataDir, appCode: BUNDLED_APP, log: (line) => logs.push(line) });
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return {
    host,
    browser,
    context,
    page,
    pageErrors,
    logs,
    close: async () => {
      await browser.close();
      await host.close();
      restoreConsole();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

/** Opens "Email this issue" on an issue page, as a person does from the Apps menu, and answers its frame. */
export const openIssueDialog = async (
  run: Pick<HostedBrowser, 'page' | 'host'>,
  issueKey: string,
): Promise<FrameLocator> => {
  const { page, host } = run;
  await page.goto(`${host.url}/browse/${issueKey}`);
  await page.getByRole('button', { name: 'Apps' }).click();
  await page.getByRole('menuitem', { name: 'Email this issue' }).click();
  await page.getByRole('dialog', { name: 'Email this issue' }).waitFor();
  return page.frameLocator('iframe[title="Email this issue"]');
};

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startLocalHost, type LocalHost } from '../../../local/host';

/** Debian's Chromium, headless, with nothing that reaches beyond loopback. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'],
  });
}

export interface HostedBrowser {
  host: LocalHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors of every page and frame, for asserting a clean run. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** A local host on a free port with a fresh data folder, and a browser page on it. */
export async function startHostedBrowser(): Promise<HostedBrowser> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'issue-mailer-e2e-'));
  const host = await startLocalHost({ port: 0, dataDir });
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
    async close() {
      await browser.close();
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

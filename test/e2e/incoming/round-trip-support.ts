import type { Browser, Page } from 'playwright-core';

import type { LocalHost } from '../../../local/host';
import { launchChromium } from '../support/browser';
import { type IncomingStack, jiraGet, startIncomingStack } from './support';

/** The incoming stack with a browser page on it, for tests that click through the issue view and the mailbox page. */
export interface BrowserStack {
  stack: IncomingStack;
  browser: Browser;
  page: Page;
  /** Uncaught errors and console errors of every page and frame, for asserting a clean run. */
  pageErrors: string[];
  close: () => Promise<void>;
}

export const startBrowserStack = async (): Promise<BrowserStack> => {
  const stack = await startIncomingStack();
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return {
    stack,
    browser,
    page,
    pageErrors,
    close: async () => {
      await browser.close();
      await stack.close();
    },
  };
};

export interface JiraAttachment {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
}

export const attachmentsOf = async (host: LocalHost, issueKey: string): Promise<JiraAttachment[]> =>
  (await jiraGet<{ fields: { attachment: JiraAttachment[] } }>(host, `/rest/api/3/issue/${issueKey}?fields=attachment`))
    .fields.attachment;

/** An attachment's bytes as the app reads them: "Get attachment content" without the redirect to media. */
export const attachmentBytes = async (host: LocalHost, id: string): Promise<Buffer> => {
  const answer = await host.jira.handle(
    { method: 'GET', path: `/rest/api/3/attachment/content/${id}?redirect=false`, headers: {} },
    { type: 'app' },
  );
  if (answer.status !== 200) throw new Error(`the content of attachment ${id} answered ${answer.status}`);
  return Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body);
};

/** Bytes no text codec would keep: every byte value, then a pattern, so a lost or changed byte shows. */
export const binaryFile = (size: number): Buffer =>
  Buffer.from(Array.from({ length: size }, (_, i) => (i * 7 + (i >> 8)) % 256));

/**
 * Shared by the automation-host-*.test.ts files. Importing it starts one local host for the test file (beforeAll),
 * closes it after (afterAll) and clears the echo action's calls before each test.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type LocalHost, startLocalHost } from '../../../../local/host';
import * as automationApp from './fixtures/automation-app';

jest.setTimeout(60_000);

export let dataDir: string;
export let host: LocalHost;
export const logLines: string[] = [];
export let admin: { accountId: string; displayName: string };
export let member: { accountId: string; displayName: string };
export const issues = new Map<string, { id: string; summary: string }>();

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-host-automation-'));
  host = await startLocalHost({
    port: 0,
    dataDir,
    log: (line) => logLines.push(line),
    app: { manifestPath: path.join(__dirname, 'fixtures/automation-manifest.yml'), entry: automationApp },
  });
  const users = host.jira.users();
  admin = users.find((user) => user.isAdmin)!;
  member = users.find((user) => !user.isAdmin)!;
  for (const key of ['DEMO-1', 'DEMO-2']) {
    const response = await fetch(`${host.url}/rest/api/3/issue/${key}?fields=summary`);
    const issue = (await response.json()) as { id: string; fields: { summary: string } };
    issues.set(key, { id: issue.id, summary: issue.fields.summary });
  }
});

afterAll(async () => {
  await host?.close();
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  automationApp.echoCalls.length = 0;
});

export const postJson = (pathname: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${host.url}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: host.url, ...headers },
    body: JSON.stringify(body),
  });

export const squash = (html: string) => html.replace(/\s+/g, ' ');

/** The audit log rows of the page as [issue, outcome, details]. */
export const auditRows = (html: string): string[][] => {
  const body = /<tbody data-automation="runs">([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return Array.from(body.matchAll(/<tr data-run-id="\d+">([\s\S]*?)<\/tr>/g)).map((row) =>
    Array.from((row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g))
      .slice(1)
      .map((cell) => squash((cell[1] ?? '').replace(/<[^>]+>/g, ' ')).trim()),
  );
};

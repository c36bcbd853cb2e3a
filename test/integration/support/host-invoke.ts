import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type LocalHost, startLocalHost } from '../../../local/host';
import { ALEX_ADMIN } from '../../../local/jira';
import type { JiraActor } from '../../../local/jira/types';

export type Answer<T> =
  { ok: true; data: T } | { ok: false; error: { code: string; message: string; fieldErrors?: Record<string, string> } };

/** A bridge invoke from a frame of the host's pages, signed in as `accountId` (Alex, a Jira admin, by default). */
export const invokeAs = async <T>(
  host: LocalHost,
  call: { moduleKey: string; functionKey: string; payload: unknown; issueKey?: string },
  accountId: string = ALEX_ADMIN.accountId,
): Promise<Answer<T>> => {
  const response = await fetch(`${host.url}/__forge/invoke`, {
    method: 'POST',
    headers: {
      origin: host.url,
      'content-type': 'application/json',
      cookie: `forge-local-account=${encodeURIComponent(accountId)}`,
    },
    body: JSON.stringify(call),
  });
  return (await response.json()) as Answer<T>;
};

export const dataOf = <T>(answer: Answer<T>): T => {
  if (!answer.ok)
    throw new Error(`${answer.error.code}: ${answer.error.message} ${JSON.stringify(answer.error.fieldErrors ?? {})}`);
  return answer.data;
};

/** A Jira REST call straight to the host's local Jira, as `actor` (events fire as for any change). */
export const jiraAs = async (
  host: LocalHost,
  actor: JiraActor,
  method: string,
  restPath: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> => {
  const answer = await host.jira.handle(
    {
      method,
      path: restPath,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: Buffer.from(JSON.stringify(body)) }),
    },
    actor,
  );
  const text = typeof answer.body === 'string' ? answer.body : answer.body.toString('utf8');
  return { status: answer.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
};

export const userActor = (accountId: string): JiraActor => ({ type: 'user', accountId });
export const adfText = (text: string) => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

/** Waits until Jira's events are handled and every queued email is sent or failed. */
export const settleHost = async (host: LocalHost): Promise<void> => {
  await host.productEvents.whenIdle();
  await host.queue.whenIdle();
};

/**
 * A local host for the test file (as `npm start` runs it, scheduled triggers held back a day), on a fresh data folder
 * that goes with it. `ready` receives the host once it runs.
 */
export const useLocalHost = (prefix: string, ready: (host: LocalHost) => void): void => {
  let host: LocalHost | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), `issue-mailer-${prefix}-`));
    host = await startLocalHost({ port: 0, dataDir, scheduledTriggers: { firstRunDelayMs: 24 * 60 * 60 * 1000 } });
    ready(host);
  });
  afterAll(async () => {
    await host?.close();
    if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
  });
};

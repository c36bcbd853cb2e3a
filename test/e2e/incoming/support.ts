import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';

import { type LocalHost, startLocalHost } from '../../../local/host';
import type { CredentialView } from '../../../src/contract/credentials';
import type { MailHandlerInput, MailHandlerView } from '../../../src/contract/mail-handlers';
import type { IncomingRecord } from '../../../src/incoming/records/incoming-record';
import { SUPPORT_MAILBOX } from '../support/admin-page';
import { BUNDLED_APP } from '../support/bundled-app';
import { invokeFunction, unwrap } from '../support/forge-invoke';

export const ADMIN_MODULE = 'issue-mailer-admin';

export interface IncomingStack {
  host: LocalHost;
  logs: string[];
  /** The incoming log's records (custom entity `incoming-message`) as stored now, oldest first. */
  records: () => IncomingRecord[];
  /** One entry of the app's kvs as stored now (undefined when absent). */
  stored: (key: string) => unknown;
  close: () => Promise<void>;
}

/** The local host with the bundled app, as `npm start` runs it, on a fresh data directory. */
export const startIncomingStack = async (): Promise<IncomingStack> => {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'issue-mailer-incoming-'));
  const logs: string[] = [];
  const host = await startLocalHost({ port: 0, dataDir, appCode: BUNDLED_APP, log: (line) => logs.push(line) });
  const kvs = new Database(path.join(dataDir, 'forge.sqlite'), { readonly: true, fileMustExist: true });
  return {
    host,
    logs,
    records: () =>
      (
        kvs
          .prepare("SELECT value FROM entity_items WHERE scope = 'incoming-message' ORDER BY created_at, key")
          .all() as Array<{ value: string }>
      ).map((row) => JSON.parse(row.value) as IncomingRecord),
    stored: (key) => {
      const row = kvs.prepare("SELECT value FROM kv_items WHERE scope = '' AND key = ?").get(key) as
        { value: string } | undefined;
      return row === undefined ? undefined : (JSON.parse(row.value) as unknown);
    },
    close: async () => {
      kvs.close();
      await host.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};

export const adminCall = async <T>(host: LocalHost, functionKey: string, payload: unknown): Promise<T> =>
  unwrap(await invokeFunction<T>(host.url, { moduleKey: ADMIN_MODULE, functionKey, payload }), functionKey);

/** The demo credential of the emulator's support mailbox, which the local host starts with. */
export const supportCredential = async (host: LocalHost): Promise<CredentialView> => {
  const credentials = await adminCall<CredentialView[]>(host, 'listCredentials', {});
  const found = credentials.find((credential) => credential.senderMailbox === SUPPORT_MAILBOX);
  if (found === undefined) throw new Error('the local host has no credential of the support mailbox');
  return found;
};

/** Saves a handler of the support mailbox's Inbox that creates DEMO issues (Task, reported by Sam when
 * the sender is no Jira user) and comments; overrides win. */
export const saveHandler = async (
  host: LocalHost,
  overrides: Partial<MailHandlerInput> = {},
): Promise<MailHandlerView> => {
  const credential = await supportCredential(host);
  const reporter = host.jira.users().find((user) => user.displayName.startsWith('Sam'));
  if (reporter === undefined) throw new Error('the local site has no Sam');
  return adminCall<MailHandlerView>(host, 'saveMailHandler', {
    name: 'Support inbox',
    enabled: true,
    credentialId: credential.id,
    folder: 'Inbox',
    mode: 'issues-and-comments',
    projectKey: 'DEMO',
    issueTypeId: '10002',
    senders: 'anyone',
    afterProcessing: 'move',
    defaultReporter: { accountId: reporter.accountId, displayName: reporter.displayName },
    ...overrides,
  });
};

/**
 * Polls `check` every 100 ms until it answers something, or fails after `timeoutMs` of real time (performance.now():
 * a test may warp Date, see warp-support.ts).
 */
export const eventually = async <T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs: number,
  what: string,
): Promise<T> => {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > until) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** A GET of the local site's REST API as the app, parsed. */
export const jiraGet = async <T>(host: LocalHost, pathAndQuery: string): Promise<T> => {
  const answer = await host.jira.handle(
    { method: 'GET', path: pathAndQuery, headers: { accept: 'application/json' } },
    { type: 'app' },
  );
  if (answer.status !== 200) throw new Error(`GET ${pathAndQuery} answered ${answer.status}`);
  return JSON.parse(String(answer.body)) as T;
};

export interface JiraComment {
  id: string;
  body: unknown;
}

export const commentsOf = async (host: LocalHost, issueKey: string): Promise<JiraComment[]> =>
  (await jiraGet<{ comments: JiraComment[] }>(host, `/rest/api/3/issue/${issueKey}/comment?maxResults=100`)).comments;

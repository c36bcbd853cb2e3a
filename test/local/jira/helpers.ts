import type { RequestInit, Route } from '@forge/api';

import type { LocalResponse } from '../../../local/http-types';
import { createJiraEmulator } from '../../../local/jira';
import type { SiteUser } from '../../../local/jira/model';
import type { JiraActor, JiraEmulator, StreamingJiraEmulator } from '../../../local/jira/types';
import type { JiraResponse, RequestJira } from '../../../src/jira/jira-client';

export const SITE = 'http://127.0.0.1:4000';
/** Two days after the last seeded activity: seeded dates render absolute or as weekdays, new ones as "Today". */
export const NOW = new Date('2025-03-08T10:00:00.000Z');

export const newJira = (): StreamingJiraEmulator => createJiraEmulator({ siteUrl: SITE, now: () => NOW });

export const as = (user: SiteUser): JiraActor => ({ type: 'user', accountId: user.accountId });
export const APP: JiraActor = { type: 'app' };
export const ANONYMOUS: JiraActor = { type: 'anonymous' };

export interface Answer {
  status: number;
  headers: Record<string, string>;
  bytes: Buffer;
  /** The body parsed as JSON. */
  json: <T = Record<string, unknown>>() => T;
}

const toAnswer = (response: LocalResponse): Answer => {
  const bytes = Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body, 'utf8');
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    json: <T>() => JSON.parse(bytes.toString('utf8')) as T,
  };
};

export const get = async (
  jira: JiraEmulator,
  path: string,
  actor: JiraActor,
  headers: Record<string, string> = {},
): Promise<Answer> => toAnswer(await jira.handle({ method: 'GET', path, headers }, actor));

export const send = async (
  jira: JiraEmulator,
  method: string,
  path: string,
  actor: JiraActor,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Answer> => {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  return toAnswer(await jira.handle({ method, path, headers, body: Buffer.from(raw, 'utf8') }, actor));
};

/**
 * The app's requestJira into the local site, as Forge's asUser()/asApp() reach Jira Cloud: string and binary bodies
 * (a multipart upload is bytes with its content type) pass as they are.
 */
export const requestJiraInto =
  (jira: JiraEmulator, actor: JiraActor): RequestJira =>
  async (route: Route, init?: RequestInit): Promise<JiraResponse> => {
    const headers = Object.fromEntries(
      Object.entries(init?.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const sent = init?.body;
    const body =
      typeof sent === 'string'
        ? Buffer.from(sent, 'utf8')
        : sent instanceof ArrayBuffer
          ? Buffer.from(sent)
          : sent === undefined
            ? undefined
            : Buffer.from(String(sent), 'utf8');
    const answer = await jira.handle(
      { method: init?.method ?? 'GET', path: route.value, headers, ...(body ? { body } : {}) },
      actor,
    );
    const bytes = Buffer.isBuffer(answer.body) ? answer.body : Buffer.from(answer.body, 'utf8');
    const noBody = [204, 205, 304].includes(answer.status);
    return new Response(noBody ? null : new Uint8Array(bytes), { status: answer.status, headers: answer.headers });
  };

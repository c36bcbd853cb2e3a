import type { LocalResponse } from '../../../local/http-types';
import { createJiraEmulator } from '../../../local/jira';
import type { SiteUser } from '../../../local/jira/model';
import type { JiraActor, JiraEmulator, StreamingJiraEmulator } from '../../../local/jira/types';

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

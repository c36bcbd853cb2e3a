import { asApp, asUser, type RequestInit, type Route } from '@forge/api';

import { JiraError, JiraErrorCode } from './errors';

/** The part of a Jira answer this app reads; @forge/api's APIResponse and a WHATWG Response both fit. */
export interface JiraResponse {
  status: number;
  text: () => Promise<string>;
  /**
   * The body as it arrives. Forge's requestJira returns a WHATWG Response, which has it, though @forge/api's type
   * leaves it out; optional so that text-only fakes still fit. Attachment content is streamed from it.
   */
  body?: ReadableStream<Uint8Array> | null;
  headers?: { get: (name: string) => string | null };
}

/** A Jira REST call made as a fixed actor; in Forge, `asUser().requestJira`. */
export type RequestJira = (route: Route, init?: RequestInit) => Promise<JiraResponse>;

/** Calls Jira as the person who invoked the function, so Jira's own permissions apply to what they see. */
export const requestJiraAsUser: RequestJira = (route, init) => asUser().requestJira(route, init);

/**
 * Calls Jira as the app's own account: for what Jira lets only project admins read (role actors), and for writes
 * that must not look like the invoking user's own (the "Emailed to ..." comment).
 */
export const requestJiraAsApp: RequestJira = (route, init) => asApp().requestJira(route, init);

/**
 * Calls Jira as a given person from a function no one invoked (the outbox worker): Forge's offline user
 * impersonation, `asUser(accountId)`, allowed by `allowImpersonation: true` on the scope in manifest.yml
 * (https://developer.atlassian.com/platform/forge/events-reference/product_events/, "asUser(accountId)"). Jira's
 * permissions are that person's: what they could read when they pressed Send, the worker reads, even in a project
 * the app's own account cannot see.
 */
export const requestJiraImpersonating =
  (accountId: string): RequestJira =>
  (route, init) =>
    asUser(accountId).requestJira(route, init);

/** Maps a refused status of a call about one issue: 404 means the issue is gone or hidden from the caller. */
export const issueStatusError = (status: number, where: string): JiraError | undefined => {
  if (status === 404) return new JiraError(JiraErrorCode.IssueNotFound, `${where} answered 404.`, { status });
  return accessStatusError(status, where);
};

/** Maps 401 and 403 to JIRA_FORBIDDEN; every other status is left to the caller's default. */
export const accessStatusError = (status: number, where: string): JiraError | undefined =>
  status === 401 || status === 403
    ? new JiraError(JiraErrorCode.Forbidden, `${where} answered ${status}.`, { status })
    : undefined;

type OnStatus = (status: number, where: string) => JiraError | undefined;

/** Sends a request and parses the JSON answer; no answer, a status but `expectedStatus` or no JSON is a JiraError. */
const requestJiraJson = async (
  requestJira: RequestJira,
  route: Route,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string },
  expectedStatus: number,
  onStatus: OnStatus,
): Promise<unknown> => {
  const where = `${init.method} ${route.value.split('?')[0] ?? ''}`;
  let response: JiraResponse;
  try {
    response = await requestJira(route, init);
  } catch (error) {
    throw new JiraError(JiraErrorCode.RequestFailed, `${where} failed: no answer from Jira.`, { cause: error });
  }
  if (response.status !== expectedStatus) {
    throw (
      onStatus(response.status, where) ??
      new JiraError(JiraErrorCode.RequestFailed, `${where} answered ${response.status}.`, { status: response.status })
    );
  }
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch (error) {
    throw new JiraError(JiraErrorCode.ResponseInvalid, `${where} answered ${expectedStatus} without a JSON body.`, {
      status: expectedStatus,
      cause: error,
    });
  }
};

/** GET a Jira path and parse its JSON; transport and HTTP failures become JiraError. */
export const getJiraJson = (
  requestJira: RequestJira,
  route: Route,
  onStatus: OnStatus = () => undefined,
): Promise<unknown> =>
  requestJiraJson(requestJira, route, { method: 'GET', headers: { Accept: 'application/json' } }, 200, onStatus);

/** POST a JSON body to a Jira path and parse the JSON answer; any status but `expectedStatus` is a JiraError. */
export const postJiraJson = (
  requestJira: RequestJira,
  route: Route,
  body: unknown,
  expectedStatus: number,
  onStatus: OnStatus = () => undefined,
): Promise<unknown> =>
  requestJiraJson(
    requestJira,
    route,
    {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    },
    expectedStatus,
    onStatus,
  );

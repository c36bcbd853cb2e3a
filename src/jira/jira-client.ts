import { asUser, type RequestInit, type Route } from '@forge/api';
import { JiraError, JiraErrorCode } from './errors';

/** The part of a Jira answer this app reads; @forge/api's APIResponse and a WHATWG Response both fit. */
export interface JiraResponse {
  status: number;
  text(): Promise<string>;
}

/** A Jira REST call made as a fixed actor; in Forge, `asUser().requestJira`. */
export type RequestJira = (route: Route, init?: RequestInit) => Promise<JiraResponse>;

/** Calls Jira as the person who invoked the function, so Jira's own permissions apply to what they see. */
export const requestJiraAsUser: RequestJira = (route, init) => asUser().requestJira(route, init);

/** GET a Jira path and parse its JSON; transport and HTTP failures become JiraError. */
export const getJiraJson = async (
  requestJira: RequestJira,
  route: Route,
  onStatus: (status: number, where: string) => JiraError | undefined = () => undefined,
): Promise<unknown> => {
  const where = `GET ${route.value.split('?')[0] ?? ''}`;
  let response: JiraResponse;
  try {
    response = await requestJira(route, { method: 'GET', headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new JiraError(JiraErrorCode.RequestFailed, `${where} failed: no answer from Jira.`, { cause: error });
  }
  if (response.status !== 200) {
    throw (
      onStatus(response.status, where) ??
      new JiraError(JiraErrorCode.RequestFailed, `${where} answered ${response.status}.`, { status: response.status })
    );
  }
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch (error) {
    throw new JiraError(JiraErrorCode.ResponseInvalid, `${where} answered 200 without a JSON body.`, {
      status: 200,
      cause: error,
    });
  }
};

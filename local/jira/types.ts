import type { LocalRequest, LocalResponse } from '../http-types';

/** Who a Jira REST call is made as: `requestJira` asUser carries the invoking user, asApp the app. */
export type JiraActor = { type: 'user'; accountId: string } | { type: 'app' } | { type: 'anonymous' };

export interface JiraUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  /** Jira global permission ADMINISTER. */
  isAdmin: boolean;
  avatarColor?: string;
}

export interface JiraEmulatorOptions {
  /** The site URL issues link back to, e.g. `http://127.0.0.1:4000`. */
  siteUrl: string;
}

/**
 * The local Jira Cloud site: answers Jira REST v3 calls from seeded sample issues (DEMO-1 onwards),
 * shaped as Atlassian's OpenAPI description says. Created with `createJiraEmulator(options)` from `local/jira`.
 */
export interface JiraEmulator {
  readonly siteUrl: string;
  readonly cloudId: string;
  /** Answers one REST call (`/rest/api/3/...`, `/rest/api/2/...`) as the given actor. */
  handle(request: LocalRequest, actor: JiraActor): Promise<LocalResponse>;
  users(): JiraUser[];
  user(accountId: string): JiraUser | undefined;
  /** Issue keys in order, for the host's pages. */
  issueKeys(): string[];
}

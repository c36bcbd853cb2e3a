import { route } from '@forge/api';
import * as z from 'zod/mini';

import type { PersonOption, PersonSource } from '../contract/issue-email';
import { assertIssueKey } from './issue-reader';
import { getJiraJson, issueStatusError, type RequestJira, requestJiraAsUser } from './jira-client';
import { visibleEmail } from './jira-email';
import { parseJiraAnswer } from './parse-answer';

/** `UserDetails` as the issue, the watcher list and the bulk user lookup give it; only what is read here. */
const userDetails = z.object({
  accountId: z.string(),
  displayName: z.optional(z.string()),
  emailAddress: z.nullish(z.string()),
  active: z.optional(z.boolean()),
});
type UserDetails = z.output<typeof userDetails>;

const issuePeopleSchema = z.object({
  fields: z.object({ reporter: z.nullish(userDetails), assignee: z.nullish(userDetails) }),
});
const watchersSchema = z.object({ watchers: z.array(userDetails) });
const bulkUsersSchema = z.object({ values: z.array(userDetails), isLast: z.optional(z.boolean()) });

/** Someone on the issue, as the invoking user sees them. */
export interface IssuePerson {
  accountId: string;
  displayName: string;
  /** Null when the person's profile visibility hides it from the caller. */
  emailAddress: string | null;
  active: boolean;
  source: Extract<PersonSource, 'reporter' | 'assignee' | 'watcher'>;
}

/** Jira's bulk user lookup answers at most this many a page; more ids are asked for in further calls. */
const BULK_PAGE = 50;

const toPerson = (user: UserDetails, source: IssuePerson['source']): IssuePerson => ({
  accountId: user.accountId,
  displayName: user.displayName ?? user.accountId,
  emailAddress: visibleEmail(user.emailAddress),
  active: user.active ?? true,
  source,
});

/** Email addresses of watchers the watcher list left out, by account id, from `GET /user/bulk`. */
const bulkEmails = async (accountIds: readonly string[], requestJira: RequestJira): Promise<Map<string, string>> => {
  const emails = new Map<string, string>();
  for (let start = 0; start < accountIds.length; start += BULK_PAGE) {
    const params = new URLSearchParams({ maxResults: String(BULK_PAGE) });
    for (const id of accountIds.slice(start, start + BULK_PAGE)) params.append('accountId', id);
    const json = await getJiraJson(requestJira, route`/rest/api/3/user/bulk?${params}`);
    for (const user of parseJiraAnswer(bulkUsersSchema, json, 'GET /rest/api/3/user/bulk').values) {
      const email = visibleEmail(user.emailAddress);
      if (email !== null) emails.set(user.accountId, email);
    }
  }
  return emails;
};

/** The people of an issue by role, a person in each role they hold, with the emails the caller may see. */
export interface IssueRoles {
  reporter: IssuePerson | undefined;
  assignee: IssuePerson | undefined;
  watchers: IssuePerson[];
}

/**
 * Reporter, assignee and watchers of an issue, read as `requestJira`'s actor: Jira's "View voters and watchers"
 * permission and everyone's email privacy apply. Watchers whose email the watcher list leaves out are looked up
 * with `GET /user/bulk`.
 */
export const readIssueRoles = async (
  issueKey: string,
  requestJira: RequestJira = requestJiraAsUser,
): Promise<IssueRoles> => {
  assertIssueKey(issueKey);
  const issueJson = await getJiraJson(
    requestJira,
    route`/rest/api/3/issue/${issueKey}?fields=reporter,assignee`,
    issueStatusError,
  );
  const { fields } = parseJiraAnswer(issuePeopleSchema, issueJson, `GET /rest/api/3/issue/${issueKey}`);
  const watchersJson = await getJiraJson(requestJira, route`/rest/api/3/issue/${issueKey}/watchers`, issueStatusError);
  const { watchers } = parseJiraAnswer(watchersSchema, watchersJson, `GET /rest/api/3/issue/${issueKey}/watchers`);
  const roles: IssueRoles = {
    reporter: fields.reporter ? toPerson(fields.reporter, 'reporter') : undefined,
    assignee: fields.assignee ? toPerson(fields.assignee, 'assignee') : undefined,
    watchers: watchers.map((watcher) => toPerson(watcher, 'watcher')),
  };
  // The reporter's and assignee's addresses are already what the caller may see: not looked up again.
  const known = new Map(
    [roles.reporter, roles.assignee].flatMap((person) =>
      person === undefined ? [] : [[person.accountId, person.emailAddress] as const],
    ),
  );
  for (const watcher of roles.watchers) {
    if (known.has(watcher.accountId)) watcher.emailAddress = known.get(watcher.accountId) ?? null;
  }
  const missing = roles.watchers.filter((person) => person.emailAddress === null && !known.has(person.accountId));
  if (missing.length > 0) {
    const emails = await bulkEmails([...new Set(missing.map((person) => person.accountId))], requestJira);
    for (const person of missing) person.emailAddress = emails.get(person.accountId) ?? null;
  }
  return roles;
};

/**
 * Reporter, assignee and watchers of an issue, in that order, each person once (the first role wins), read as the
 * invoking user.
 */
export const readIssueParticipants = async (
  issueKey: string,
  requestJira: RequestJira = requestJiraAsUser,
): Promise<IssuePerson[]> => {
  const roles = await readIssueRoles(issueKey, requestJira);
  const people = new Map<string, IssuePerson>();
  for (const person of [roles.reporter, roles.assignee, ...roles.watchers]) {
    if (person !== undefined && !people.has(person.accountId)) people.set(person.accountId, person);
  }
  return [...people.values()];
};

export const toPersonOption = (person: IssuePerson): PersonOption => ({
  name: person.displayName,
  address: person.emailAddress,
  accountId: person.accountId,
  source: person.source,
});

/**
 * The dialog's quick picks: reporter, assignee and watchers; `address` is null where Jira hides it, and such a
 * person is picked by `accountId` instead.
 */
export const readIssuePeople = async (
  issueKey: string,
  requestJira: RequestJira = requestJiraAsUser,
): Promise<PersonOption[]> => (await readIssueParticipants(issueKey, requestJira)).map(toPersonOption);

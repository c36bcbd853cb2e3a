import { route } from '@forge/api';
import * as z from 'zod/mini';
import type { PersonOption, PersonSource } from '../contract/issue-email';
import { JiraError, JiraErrorCode } from './errors';
import { ISSUE_KEY_PATTERN } from './issue-reader';
import { visibleEmail } from './jira-email';
import { getJiraJson, issueStatusError, requestJiraAsUser, type RequestJira } from './jira-client';
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

/**
 * Reporter, assignee and watchers of an issue, in that order, each person once (the first role wins), read as the
 * invoking user: Jira's "View voters and watchers" permission and everyone's email privacy apply.
 */
export const readIssueParticipants = async (
  issueKey: string,
  requestJira: RequestJira = requestJiraAsUser,
): Promise<IssuePerson[]> => {
  if (!ISSUE_KEY_PATTERN.test(issueKey)) {
    throw new JiraError(JiraErrorCode.IssueNotFound, 'Not a Jira issue key; no request made.');
  }
  const issueJson = await getJiraJson(requestJira, route`/rest/api/3/issue/${issueKey}?fields=reporter,assignee`, issueStatusError);
  const { fields } = parseJiraAnswer(issuePeopleSchema, issueJson, `GET /rest/api/3/issue/${issueKey}`);
  const watchersJson = await getJiraJson(requestJira, route`/rest/api/3/issue/${issueKey}/watchers`, issueStatusError);
  const { watchers } = parseJiraAnswer(watchersSchema, watchersJson, `GET /rest/api/3/issue/${issueKey}/watchers`);

  const people = new Map<string, IssuePerson>();
  const add = (user: UserDetails | null | undefined, source: IssuePerson['source']): void => {
    if (user && !people.has(user.accountId)) people.set(user.accountId, toPerson(user, source));
  };
  add(fields.reporter, 'reporter');
  add(fields.assignee, 'assignee');
  for (const watcher of watchers) add(watcher, 'watcher');

  const missing = [...people.values()].filter((person) => person.source === 'watcher' && person.emailAddress === null);
  if (missing.length > 0) {
    const emails = await bulkEmails(missing.map((person) => person.accountId), requestJira);
    for (const person of missing) person.emailAddress = emails.get(person.accountId) ?? null;
  }
  return [...people.values()];
};

export const toPersonOption = (person: IssuePerson): PersonOption => ({
  name: person.displayName,
  address: person.emailAddress,
  source: person.source,
});

/** The dialog's quick picks: reporter, assignee and watchers; `address` is null where Jira hides it. */
export const readIssuePeople = async (issueKey: string, requestJira: RequestJira = requestJiraAsUser): Promise<PersonOption[]> =>
  (await readIssueParticipants(issueKey, requestJira)).map(toPersonOption);

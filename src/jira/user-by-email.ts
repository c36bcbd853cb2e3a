import { route } from '@forge/api';
import * as z from 'zod/mini';

import { accessStatusError, getJiraJson, type RequestJira } from './jira-client';
import { visibleEmail } from './jira-email';
import { parseJiraAnswer } from './parse-answer';
import { readUserEmails } from './user-emails';

/** Candidates looked at: an address matches few accounts; more would mean the query matched names, not the address. */
const CANDIDATES = 10;

const usersSchema = z.array(
  z.object({
    accountId: z.string(),
    accountType: z.optional(z.string()),
    emailAddress: z.nullish(z.string()),
    active: z.optional(z.boolean()),
  }),
);

const sameAddress = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The account id of the active Jira user whose address is exactly `address`, or undefined. User search
 * (`GET /rest/api/3/user/search?query=`, "matched against user attributes (displayName, and emailAddress)":
 * developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/) finds the candidates; an address the
 * answer hides (profile visibility) is read through the Email API (`/user/email/bulk`, apps only), so a match is
 * always by the full address, never by a name that happens to match.
 */
export const findAccountIdByEmail = async (address: string, requestJira: RequestJira): Promise<string | undefined> => {
  const json = await getJiraJson(
    requestJira,
    route`/rest/api/3/user/search?query=${address}&maxResults=${CANDIDATES}`,
    accessStatusError,
  );
  const people = parseJiraAnswer(usersSchema, json, 'GET /rest/api/3/user/search').filter(
    (user) => user.accountType === 'atlassian' && user.active === true,
  );
  const shown = people.find((user) => {
    const email = visibleEmail(user.emailAddress);
    return email !== null && sameAddress(email, address);
  });
  if (shown !== undefined) return shown.accountId;
  const hidden = people.filter((user) => visibleEmail(user.emailAddress) === null).map((user) => user.accountId);
  if (hidden.length === 0) return undefined;
  const emails = await readUserEmails(hidden, requestJira);
  return hidden.find((accountId) => {
    const email = emails.get(accountId);
    return email !== undefined && sameAddress(email, address);
  });
};

import { route } from '@forge/api';
import * as z from 'zod/mini';

import { ACCOUNT_ID_PATTERN } from '../contract/recipient-input';
import { accessStatusError, getJiraJson, type RequestJira, requestJiraAsApp } from './jira-client';
import { visibleEmail } from './jira-email';
import { parseJiraAnswer } from './parse-answer';

/** `UnrestrictedUserEmail`, as the OpenAPI description names the answer. */
const unrestrictedEmail = z.object({ accountId: z.optional(z.string()), email: z.optional(z.string()) });
/** Jira answers several accounts as a list of them; the OpenAPI description names a single one, also read. */
const bulkAnswer = z.union([z.array(unrestrictedEmail), unrestrictedEmail]);

/** Account ids per call: keeps the query string well under any proxy's URL limit. */
const EMAIL_PAGE = 50;

/**
 * People's email addresses by account id through Jira's Email API (`GET /rest/api/3/user/email/bulk`), which answers
 * regardless of profile visibility and only to apps (`asApp`, scope `read:email-address:jira`). What it answers is
 * for the message only: callers never show it to a person Jira hid it from. Accounts Jira does not know, or whose
 * address is no mailbox, are missing from the map.
 */
export const readUserEmails = async (
  accountIds: readonly string[],
  requestJira: RequestJira = requestJiraAsApp,
): Promise<Map<string, string>> => {
  const wanted = [...new Set(accountIds)].filter((id) => ACCOUNT_ID_PATTERN.test(id));
  const emails = new Map<string, string>();
  for (let start = 0; start < wanted.length; start += EMAIL_PAGE) {
    const params = new URLSearchParams();
    for (const id of wanted.slice(start, start + EMAIL_PAGE)) params.append('accountId', id);
    const json = await getJiraJson(requestJira, route`/rest/api/3/user/email/bulk?${params}`, accessStatusError);
    const answer = parseJiraAnswer(bulkAnswer, json, 'GET /rest/api/3/user/email/bulk');
    for (const entry of Array.isArray(answer) ? answer : [answer]) {
      const email = visibleEmail(entry.email);
      if (entry.accountId !== undefined && email !== null && wanted.includes(entry.accountId))
        emails.set(entry.accountId, email);
    }
  }
  return emails;
};

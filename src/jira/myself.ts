import { route } from '@forge/api';
import * as z from 'zod/mini';

import { describeFirstSchemaProblem } from '../shared/describe-schema-problems';
import { IN_ENGLISH } from '../shared/schema-problem-messages';
import { JiraError, JiraErrorCode } from './errors';
import { getJiraJson, type RequestJira } from './jira-client';

const myselfSchema = z.object({
  accountId: z.string(),
  displayName: z.optional(z.string()),
  /** Absent when the person's profile visibility hides it, even from themselves through an app. */
  emailAddress: z.optional(z.string()),
});

export interface Myself {
  accountId: string;
  displayName: string | undefined;
  emailAddress: string | undefined;
}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** `GET /rest/api/3/myself` as the invoking user: who is calling, and their email address when Jira shows it. */
export const readMyself = async (requestJira: RequestJira): Promise<Myself> => {
  const json = await getJiraJson(requestJira, route`/rest/api/3/myself`);
  const parsed = myselfSchema.safeParse(json, IN_ENGLISH);
  if (!parsed.success) {
    throw new JiraError(
      JiraErrorCode.ResponseInvalid,
      `GET /rest/api/3/myself answered an unexpected body: ${describeFirstSchemaProblem(parsed.error)}`,
      { status: 200 },
    );
  }
  const email = parsed.data.emailAddress?.trim();
  return {
    accountId: parsed.data.accountId,
    displayName: parsed.data.displayName,
    emailAddress: email !== undefined && EMAIL.test(email) ? email : undefined,
  };
};

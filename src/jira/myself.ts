import { route } from '@forge/api';
import * as z from 'zod/mini';

import { getJiraJson, type RequestJira } from './jira-client';
import { parseJiraAnswer } from './parse-answer';

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
  const myself = parseJiraAnswer(myselfSchema, json, 'GET /rest/api/3/myself');
  const email = myself.emailAddress?.trim();
  return {
    accountId: myself.accountId,
    displayName: myself.displayName,
    emailAddress: email !== undefined && EMAIL.test(email) ? email : undefined,
  };
};

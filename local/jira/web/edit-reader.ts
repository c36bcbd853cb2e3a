import { z } from 'zod';

import type { JiraActor, JiraEmulator } from '../types';
import { JiraReadError } from './reader';

/** A transition the issue view's status control offers. */
export interface TransitionOption {
  id: string;
  name: string;
  toStatus: string;
  toCategory: string;
}

/** A project the create form offers, with its issue types. */
export interface CreateProjectOption {
  key: string;
  name: string;
  issueTypes: { id: string; name: string }[];
}

const transitionsSchema = z.object({
  transitions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      to: z.object({ name: z.string(), statusCategory: z.object({ key: z.string() }) }),
    }),
  ),
});

const projectPageSchema = z.object({ values: z.array(z.object({ key: z.string(), name: z.string() })) });

const projectSchema = z.object({
  key: z.string(),
  name: z.string(),
  issueTypes: z.array(z.object({ id: z.string(), name: z.string(), subtask: z.boolean().optional() })).default([]),
});

const getJson = async <T>(jira: JiraEmulator, accountId: string, path: string, schema: z.ZodType<T>): Promise<T> => {
  const actor: JiraActor = { type: 'user', accountId };
  const response = await jira.handle({ method: 'GET', path, headers: { accept: 'application/json' } }, actor);
  if (response.status !== 200) throw new JiraReadError(`GET ${path} answered ${response.status}.`);
  const text = typeof response.body === 'string' ? response.body : response.body.toString('utf8');
  let parsed: z.ZodSafeParseResult<T>;
  try {
    parsed = schema.safeParse(JSON.parse(text));
  } catch (cause) {
    throw new JiraReadError(`GET ${path} answered a body that is not JSON.`, { cause });
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JiraReadError(`GET ${path}: field ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}.`);
  }
  return parsed.data;
};

/** The transitions the user may take on the issue, as Jira's status dropdown lists them (none without permission). */
export const readIssueTransitions = async (
  jira: JiraEmulator,
  accountId: string,
  key: string,
): Promise<TransitionOption[]> => {
  const answer = await getJson(
    jira,
    accountId,
    `/rest/api/3/issue/${encodeURIComponent(key)}/transitions`,
    transitionsSchema,
  );
  return answer.transitions.map((transition) => ({
    id: transition.id,
    name: transition.name,
    toStatus: transition.to.name,
    toCategory: transition.to.statusCategory.key,
  }));
};

/** The projects the user can see, each with the issue types it offers, for the create form. */
export const readCreateOptions = async (jira: JiraEmulator, accountId: string): Promise<CreateProjectOption[]> => {
  const page = await getJson(
    jira,
    accountId,
    '/rest/api/3/project/search?orderBy=key&maxResults=100',
    projectPageSchema,
  );
  return Promise.all(
    page.values.map(async (value) => {
      const project = await getJson(
        jira,
        accountId,
        `/rest/api/3/project/${encodeURIComponent(value.key)}`,
        projectSchema,
      );
      return {
        key: project.key,
        name: project.name,
        issueTypes: project.issueTypes.filter((type) => !type.subtask).map(({ id, name }) => ({ id, name })),
      };
    }),
  );
};

import { z } from 'zod';

import type { JiraEmulator } from '../../jira/types';

/**
 * Forge display conditions, the part this app's modules use. Operators and the default `and` of several
 * conditions in one object: https://developer.atlassian.com/platform/forge/manifest-reference/display-conditions/ .
 * Jira's global conditions (`hasGlobalPermission` with its key list, `canAdministerJira`):
 * https://developer.atlassian.com/platform/forge/manifest-reference/display-conditions/jira/ . Any other condition
 * is refused when the manifest is read, never taken as true: a module would show here that Jira hides. Jira
 * evaluates them in the browser only (the docs: not a way to protect data), so the host hides the module from its
 * pages and still lets its resolver be invoked.
 */
export const GLOBAL_PERMISSION_KEYS = [
  'ADMINISTER',
  'SYSTEM_ADMIN',
  'USER_PICKER',
  'CREATE_SHARED_OBJECTS',
  'MANAGE_GROUP_FILTER_SUBSCRIPTIONS',
  'BULK_CHANGE',
  'CREATE_PROJECT',
  'CREATE_CLASSIC_BUSINESS_PROJECT',
] as const;

export interface DisplayConditions {
  and?: DisplayConditions;
  or?: DisplayConditions;
  not?: DisplayConditions;
  hasGlobalPermission?: (typeof GLOBAL_PERMISSION_KEYS)[number];
  canAdministerJira?: boolean;
}

export const displayConditionsSchema: z.ZodType<DisplayConditions> = z.lazy(() =>
  z.strictObject(
    {
      and: displayConditionsSchema.optional(),
      or: displayConditionsSchema.optional(),
      not: displayConditionsSchema.optional(),
      hasGlobalPermission: z.enum(GLOBAL_PERMISSION_KEYS).optional(),
      canAdministerJira: z.boolean().optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys' ? 'uses a display condition the local host does not evaluate' : undefined,
    },
  ),
);

/** What the conditions ask of Jira about the person looking. */
export interface ConditionFacts {
  hasGlobalPermission: (key: string) => Promise<boolean>;
}

type Entry = [keyof DisplayConditions, DisplayConditions[keyof DisplayConditions]];

const holds = async ([name, value]: Entry, facts: ConditionFacts): Promise<boolean> => {
  switch (name) {
    case 'and':
      return displayConditionsHold(value as DisplayConditions, facts);
    case 'not':
      return !(await displayConditionsHold(value as DisplayConditions, facts));
    case 'or': {
      const entries = Object.entries(value as DisplayConditions) as Entry[];
      for (const entry of entries) if (await holds(entry, facts)) return true;
      return false;
    }
    case 'hasGlobalPermission':
      return facts.hasGlobalPermission(value as string);
    case 'canAdministerJira':
      return (await facts.hasGlobalPermission('ADMINISTER')) === value;
  }
};

/** Whether a module shows: every condition of the object holds (no conditions: always). */
export const displayConditionsHold = async (
  conditions: DisplayConditions | undefined,
  facts: ConditionFacts,
): Promise<boolean> => {
  for (const entry of Object.entries(conditions ?? {}) as Entry[]) {
    if (!(await holds(entry, facts))) return false;
  }
  return true;
};

const myPermissionsSchema = z.object({ permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })) });

/** The facts as Jira's REST API gives them to the person: GET /rest/api/3/mypermissions, as they call it. */
export const jiraConditionFacts = (jira: JiraEmulator, accountId: string): ConditionFacts => ({
  hasGlobalPermission: async (key) => {
    const response = await jira.handle(
      {
        method: 'GET',
        path: `/rest/api/3/mypermissions?permissions=${encodeURIComponent(key)}`,
        headers: { accept: 'application/json' },
      },
      { type: 'user', accountId },
    );
    if (response.status !== 200) return false;
    const body = typeof response.body === 'string' ? response.body : response.body.toString('utf8');
    const parsed = myPermissionsSchema.safeParse(JSON.parse(body));
    return parsed.success && parsed.data.permissions[key]?.havePermission === true;
  },
});

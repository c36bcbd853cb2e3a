import type * as z from 'zod/mini';

/**
 * A problem zod found validating a value (zod calls it an "issue"; in this app an issue is a Jira issue).
 * Its dotted path, e.g. `fields.status.name`; `(root)` for the value itself.
 */
export const schemaProblemPath = (issue: z.core.$ZodIssue): string =>
  issue.path.length === 0 ? '(root)' : issue.path.map((segment) => String(segment)).join('.');

/**
 * One line naming the first offending field of an external response, e.g.
 * `fields.summary: Invalid input: expected string, received undefined`. Zod's messages name types, never values,
 * so this is safe to put in an error message.
 */
export const describeFirstSchemaProblem = (error: z.core.$ZodError): string => {
  const issue = error.issues[0];
  return issue === undefined ? '(no details)' : `${schemaProblemPath(issue)}: ${issue.message}`;
};

import * as z from 'zod/mini';

import { ISSUE_KEY_PATTERN } from '../jira/issue-key';
import { isValidTimeZone } from '../shared/format-dates';
import { NoIssueContextError } from './errors';
import type { ResolverRequest } from './resolver-kit';

const issueContextSchema = z.object({
  extension: z.object({ issue: z.object({ key: z.string().check(z.regex(ISSUE_KEY_PATTERN)) }) }),
});

/** The issue the action was opened on, from the platform's context: the payload never chooses the issue. */
export const issueKeyFromContext = (request: ResolverRequest): string => {
  const parsed = issueContextSchema.safeParse(request.context);
  if (!parsed.success) throw new NoIssueContextError();
  return parsed.data.extension.issue.key;
};

/** The invoking user's time zone when the context gives a valid one. */
export const timeZoneFromContext = (request: ResolverRequest): string | undefined => {
  const timeZone = request.context['timezone'];
  return typeof timeZone === 'string' && isValidTimeZone(timeZone) ? timeZone : undefined;
};

const issueIdContextSchema = z.object({
  extension: z.object({ issue: z.object({ id: z.string().check(z.regex(/^[0-9]{1,18}$/)) }) }),
});

/** The id of the issue the action was opened on, from the platform's context. */
export const issueIdFromContext = (request: ResolverRequest): string => {
  const parsed = issueIdContextSchema.safeParse(request.context);
  if (!parsed.success) throw new NoIssueContextError();
  return parsed.data.extension.issue.id;
};

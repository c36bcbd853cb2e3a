import type * as z from 'zod/mini';

import { describeFirstSchemaProblem } from '../shared/describe-schema-problems';
import { IN_ENGLISH } from '../shared/schema-problem-messages';
import { JiraError, JiraErrorCode } from './errors';

/**
 * Checks a Jira answer against the part of its OpenAPI shape this app reads. `where` is `METHOD /path`; the
 * message names the first field that does not fit, never a value.
 */
export const parseJiraAnswer = <T extends z.ZodMiniType>(
  schema: T,
  json: unknown,
  where: string,
  status = 200,
): z.output<T> => {
  const parsed = schema.safeParse(json, IN_ENGLISH);
  if (!parsed.success) {
    throw new JiraError(
      JiraErrorCode.ResponseInvalid,
      `${where} answered an unexpected body: ${describeFirstSchemaProblem(parsed.error)}`,
      { status },
    );
  }
  return parsed.data;
};

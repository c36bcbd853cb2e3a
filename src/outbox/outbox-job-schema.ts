import * as z from 'zod/mini';

import { EMAIL_ID_PATTERN } from '../contract/email-log-values';

/*
 * An outbox queue event's job and retry context (consumers/email-worker.ts) as zod states it, the single source of
 * truth: local/tools/generate-validators.ts generates the validator the worker reads with from it, so the email worker
 * loads no zod. After a change, run `npm run generate:validators`.
 */

export const jobSchema = z.object({
  emailId: z.string().check(z.regex(EMAIL_ID_PATTERN)),
  ticket: z.string().check(z.minLength(1), z.maxLength(100)),
});
export const retryContextSchema = z.object({ retryCount: z.int().check(z.nonnegative()) });

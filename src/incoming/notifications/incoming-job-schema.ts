import * as z from 'zod/mini';

import { MAIL_HANDLER_ID_PATTERN } from '../../contract/mail-handlers';
import { LIFECYCLE_EVENTS } from './incoming-jobs';

/*
 * An incoming-mail queue event's job (src/consumers/incoming-worker.ts) as zod states it, the single source of truth:
 * local/tools/generate-validators.ts generates the validator the worker reads with. One object with the fields of
 * every kind (the generator takes no unions of objects); read-incoming-job.ts checks which a kind needs. After a
 * change, run `npm run generate:validators`. Ids are bounded: the mail services' message ids are at most ~150 characters.
 */
const messageId = z.string().check(z.minLength(1), z.maxLength(512));

export const INCOMING_JOB_KINDS = ['notified', 'lifecycle', 'message', 'delta', 'connect', 'disconnect'] as const;

export const incomingJobSchema = z.object({
  kind: z.enum(INCOMING_JOB_KINDS),
  handlerId: z.string().check(z.regex(MAIL_HANDLER_ID_PATTERN)),
  messageIds: z.optional(z.array(messageId).check(z.minLength(1), z.maxLength(50))),
  subscriptionId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  event: z.optional(z.enum(LIFECYCLE_EVENTS)),
  messageId: z.optional(messageId),
  /** A `message` job's id as jobs queued before the rename carry it: still read. */
  graphMessageId: z.optional(messageId),
  processAgain: z.optional(z.boolean()),
  attempt: z.optional(z.int().check(z.nonnegative(), z.maximum(100))),
  messageKey: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
});

export type IncomingJobFields = z.output<typeof incomingJobSchema>;

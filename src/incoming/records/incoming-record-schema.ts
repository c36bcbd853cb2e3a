import * as z from 'zod/mini';

import { INCOMING_STATUSES } from '../../contract/incoming-log-values';

/*
 * The incoming message record's shape (incoming-record.ts) as zod states it: the single source of truth, from which
 * local/tools/generate-validators.ts generates the validator the incoming worker loads (validate-incoming-record.ts),
 * so that it loads no zod. Change it, then run `npm run generate:validators`.
 */

const personSchema = z.object({ name: z.optional(z.string()), address: z.string() });

/**
 * What the worker is about to write to Jira, stored before it writes, so a run after a crash knows where to look:
 * a comment on the issue `key`, or a new issue in the project `key`. One object, not a union: the generated validator
 * strips unknown keys, which a union's failing branch would do wrongly.
 */
const targetSchema = z.object({ kind: z.enum(['comment', 'issue']), key: z.string() });

export const incomingRecordSchema = z.object({
  messageKey: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  version: z.int().check(z.nonnegative()),
  status: z.enum(INCOMING_STATUSES),
  /** ms since the epoch: when the app first saw it; the indexes' range. */
  createdAt: z.number(),
  updatedAt: z.number(),
  /*
   * Text attributes are absent rather than empty: Forge refuses an empty or blank `string` attribute
   * (https://developer.atlassian.com/platform/forge/runtime-reference/custom-entities/, "Values"). A message may come
   * without a Message-ID or a subject.
   */
  internetMessageId: z.optional(z.string()),
  handlerId: z.string(),
  mailbox: z.string(),
  /**
   * The mail service's id of the message as the last run read it (an immutable id, so a move keeps it). The
   * attribute keeps its first name: manifest.yml declares it, and stored records carry it.
   */
  graphMessageId: z.string(),
  from: personSchema,
  /** The sender's address, lower case: the by-sender index's partition (hourly limit, log filter). */
  sender: z.optional(z.string()),
  subject: z.optional(z.string()),
  receivedAt: z.number(),
  conversationId: z.optional(z.string()),
  /** While `processing`: after this the claiming invocation has certainly ended. */
  leaseUntil: z.optional(z.number()),
  target: z.optional(targetSchema),
  issueKey: z.optional(z.string()),
  commentId: z.optional(z.string()),
  /** Why it was ignored or held: a stable code (src/incoming/noise). */
  reason: z.optional(z.string()),
  error: z.optional(z.object({ code: z.string(), message: z.string() })),
  /** The mail service's request id of the read that brought it, for its support (when it sends one). */
  requestId: z.optional(z.string()),
  attempts: z.int().check(z.nonnegative()),
  /** Other handlers whose mailbox had a copy (a Cc to two mailboxes): seen, and not processed twice. */
  alsoSeenBy: z.optional(z.array(z.string())),
});

export type IncomingRecordData = z.output<typeof incomingRecordSchema>;

import * as z from 'zod/mini';

import { DELIVERY_STATUSES } from '../contract/email-log-values';
import { EMAIL_KINDS } from './email-record';

/*
 * The email record's shape (email-record.ts) as zod states it: the single source of truth, from which
 * local/tools/generate-validators.ts generates the validator the worker loads (validate-email-record.ts), so that the
 * worker loads no zod. Change it, then run `npm run generate:validators`.
 */

const deliveryErrorSchema = z.object({ code: z.string(), message: z.string() });
const eventSchema = z.object({
  at: z.string(),
  from: z.optional(z.string()),
  status: z.enum(DELIVERY_STATUSES),
  note: z.string(),
  attempt: z.optional(z.int()),
  requestId: z.optional(z.string()),
  error: z.optional(deliveryErrorSchema),
});

export const emailRecordSchema = z
  .object({
    emailId: z.string(),
    version: z.int().check(z.nonnegative()),
    status: z.enum(DELIVERY_STATUSES),
    createdAt: z.number(),
    updatedAt: z.number(),
    kind: z._default(z.enum(EMAIL_KINDS), 'issue'),
    issueId: z.optional(z.string()),
    issueKey: z.optional(z.string()),
    credentialId: z.string(),
    senderMailbox: z.string(),
    // The credential's provider when it is not Microsoft 365 (a credential keeps its provider): what the log's notes
    // name and how the mailbox is paced, known before the credential is read. Absent on records of earlier releases.
    provider: z.optional(z.literal('google-workspace')),
    // A connection test's email has none; storage holds it absent (Forge refuses a blank string attribute) and it
    // reads back as ''.
    internetMessageId: z._default(z.string(), ''),
    subject: z.string(),
    to: z.array(z.string()),
    cc: z.array(z.string()),
    bccCount: z.int().check(z.nonnegative()),
    attachmentCount: z.int().check(z.nonnegative()),
    requestedBy: z.object({ accountId: z.string(), name: z.string() }),
    resentBy: z.optional(z.object({ accountId: z.string(), name: z.string() })),
    attempts: z.int().check(z.nonnegative()),
    roundAttempts: z.int().check(z.nonnegative()),
    lastError: z.optional(
      z.object({
        code: z.string(),
        message: z.string(),
        senderMessage: z.optional(z.string()),
        transient: z.optional(z.boolean()),
      }),
    ),
    requestId: z.optional(z.string()),
    sentAt: z.optional(z.number()),
    finishedAt: z.optional(z.number()),
    nextAttemptAt: z.optional(z.number()),
    slotAt: z.optional(z.number()),
    attempt: z.optional(
      z.object({
        number: z.int(),
        ticket: z.string(),
        startedAt: z.number(),
        deadlineAt: z.number(),
        slotAt: z.optional(z.number()),
      }),
    ),
    unsure: z.optional(z.object({ since: z.number() })),
    events: z.array(eventSchema),
    followUps: z.array(z.enum(['history', 'comment', 'content'])),
    commentAfterSend: z.boolean(),
    contentChunks: z.int().check(z.nonnegative()),
  })
  .check(
    z.refine((record) => record.kind !== 'issue' || (record.issueId !== undefined && record.issueKey !== undefined), {
      message: "An issue's email names its issue (issueId and issueKey).",
      path: ['issueKey'],
    }),
  );

/** What the schema parses to: the record with its defaults filled. */
export type EmailRecordData = z.output<typeof emailRecordSchema>;

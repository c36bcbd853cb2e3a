import * as z from 'zod/mini';

/*
 * A history entry and a thread index entry (history-store.ts) as zod states it: the single source of truth, from which
 * local/tools/generate-validators.ts generates the validator history-store.ts reads with, so that the email worker
 * loads no zod. Change it, then run `npm run generate:validators`.
 */

export const historyRecordSchema = z.object({
  id: z.string(),
  issueKey: z.string(),
  at: z.string(),
  sender: z.object({ accountId: z.string(), name: z.string() }),
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  bccCount: z.int().check(z.nonnegative()),
  subject: z.string(),
  status: z.enum(['sent', 'failed']),
  error: z.optional(z.string()),
  attachmentCount: z.int().check(z.nonnegative()),
  resentBy: z.optional(z.object({ accountId: z.string(), name: z.string() })),
  internetMessageId: z.optional(z.string()),
  messageId: z.optional(z.string()),
  conversationId: z.optional(z.string()),
});

export const threadRefSchema = z.object({ issueId: z.string(), issueKey: z.string(), emailId: z.string() });

export type StoredHistoryRecord = z.output<typeof historyRecordSchema>;
export type StoredThreadRef = z.output<typeof threadRefSchema>;

import * as z from 'zod/mini';

/*
 * A mailbox's pace log entity (mailbox-pacer.ts) as zod states it, the single source of truth:
 * local/tools/generate-validators.ts generates the validator mailbox-pacer.ts reads with from it, so the email worker
 * loads no zod. After a change, run `npm run generate:validators`.
 */

export const paceSchema = z.object({
  version: z.int(),
  slots: z.array(z.union([z.tuple([z.number(), z.string()]), z.tuple([z.number(), z.string(), z.literal(1)])])),
});

export type StoredPace = z.output<typeof paceSchema>;

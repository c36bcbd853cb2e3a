import * as z from 'zod/mini';

/*
 * The send setup copy (send-setup.ts) as zod states it, the single source of truth: local/tools/generate-validators.ts
 * generates the validator send-setup.ts reads with from it, so the email worker loads no zod. After a change, run `npm
 * run generate:validators`.
 */

export const copySchema = z.object({ entries: z.array(z.tuple([z.string(), z.unknown()])) });

export type StoredCopy = z.output<typeof copySchema>;

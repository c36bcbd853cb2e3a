import * as z from 'zod/mini';

/*
 * A credential's last accepted and refused email (traffic-health.ts) as zod states it, the single source of truth:
 * local/tools/generate-validators.ts generates the validator traffic-health.ts reads with from it, so the email worker
 * loads no zod. After a change, run `npm run generate:validators`.
 */

export const acceptedSchema = z.object({ at: z.string() });
export const refusedSchema = z.object({ at: z.string(), code: z.string(), message: z.string() });

import * as z from 'zod/mini';

/*
 * The admin page's stored warnings (warning-store.ts) as zod states it, the single source of truth:
 * local/tools/generate-validators.ts generates the validator warning-store.ts reads with from it, so the email worker
 * loads no zod. After a change, run `npm run generate:validators`.
 */

export const warningSchema = z.object({
  credentialId: z.string(),
  credentialName: z.string(),
  kind: z.enum([
    'secret-expiring',
    'secret-expired',
    'next-secret-expiring',
    'next-secret-expired',
    'certificate-expiring',
    'certificate-expired',
    'secret-promoted',
    'token-refused',
    'authorization-lost',
    'authorization-expiring',
  ]),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  date: z.optional(z.string()),
  recordedAt: z.string(),
  /** The stable code behind a token refusal, so the same refusal is recorded once. */
  code: z.optional(z.string()),
});

export const adminWarningsSchema = z.object({ warnings: z.array(warningSchema), checkedAt: z.optional(z.string()) });

export type StoredWarning = z.infer<typeof warningSchema>;
export type StoredWarnings = z.infer<typeof adminWarningsSchema>;

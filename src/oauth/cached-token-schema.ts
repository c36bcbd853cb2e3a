import * as z from 'zod/mini';

/*
 * A cached access token (token-cache.ts) as zod states it: the single source of truth, from which
 * local/tools/generate-validators.ts generates the validator token-cache.ts reads with, so that the email worker loads
 * no zod. Change it, then run `npm run generate:validators`.
 */

export const cachedTokenSchema = z.object({
  accessToken: z.string().check(z.minLength(1)),
  expiresAt: z.number().check(z.positive()),
  fingerprint: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
});
export type CachedToken = z.infer<typeof cachedTokenSchema>;

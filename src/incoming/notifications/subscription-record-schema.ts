import * as z from 'zod/mini';

/*
 * A change-notification subscription the app made for a mail handler, as zod states it: the single source of truth,
 * from which local/tools/generate-validators.ts generates the validator the web trigger reads it with
 * (subscription-registry.ts). The clientState itself is not kept: only its SHA-256, enough to check a notification.
 */
export const subscriptionRecordSchema = z.object({
  subscriptionId: z.string(),
  handlerId: z.string(),
  clientStateDigest: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** As the mail service granted it (ISO 8601). */
  expiresAt: z.string(),
});

export type SubscriptionRecord = z.output<typeof subscriptionRecordSchema>;

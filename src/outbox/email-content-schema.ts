import * as z from 'zod/mini';

/*
 * An email's stored content (email-contents.ts) as zod states it, the single source of truth:
 * local/tools/generate-validators.ts generates the validator email-contents.ts reads with from it, so the email worker
 * loads no zod. After a change, run `npm run generate:validators`.
 */

export const contentSchema = z.object({
  subject: z.string(),
  html: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  bcc: z.array(z.string()),
  replyTo: z.optional(z.array(z.string())),
  headers: z.array(z.object({ name: z.string(), value: z.string() })),
  attachments: z.array(
    z.object({
      id: z.string(),
      filename: z.string(),
      mimeType: z.string(),
      size: z.number(),
      contentId: z.optional(z.string()),
      inline: z.optional(z.boolean()),
    }),
  ),
  readAs: z.optional(z.string().check(z.minLength(1))),
});

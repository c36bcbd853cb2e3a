import * as z from 'zod/mini';

import { AFTER_PROCESSING, MAIL_HANDLER_MODES, SENDER_POLICIES } from '../contract/mail-handlers';

/**
 * A mail handler as storage holds it (`mail-handler:{id}`): read back without the admin form's messages, so an
 * entry this version cannot read is skipped (and logged) rather than run.
 */
export const storedMailHandlerSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  credentialId: z.string(),
  mailbox: z.optional(z.string()),
  folder: z.string(),
  mode: z.enum(MAIL_HANDLER_MODES),
  projectKey: z.optional(z.string()),
  issueTypeId: z.optional(z.string()),
  senders: z.enum(SENDER_POLICIES),
  allowedDomains: z.array(z.string()),
  defaultReporter: z.optional(z.object({ accountId: z.string(), displayName: z.string() })),
  afterProcessing: z.enum(AFTER_PROCESSING),
  processedFolder: z.string(),
  subjectKeyPattern: z.string(),
  backfillDays: z.int().check(z.nonnegative()),
  senderHourlyLimit: z.int().check(z.positive()),
  createdAt: z.string(),
  updatedAt: z.string(),
});

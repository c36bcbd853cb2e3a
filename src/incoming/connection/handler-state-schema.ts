import * as z from 'zod/mini';

/*
 * Where a mail handler's connection to its mailbox stands, as zod states it: the single source of truth, from which
 * local/tools/generate-validators.ts generates the validator the incoming worker reads it with (handler-state.ts).
 */
export const handlerStateSchema = z.object({
  handlerId: z.string(),
  /** The folder's id in the mail service (a folder's or label's), as resolved when it connected. */
  folderId: z.string(),
  /** Where the next round starts: the service's opaque position (a link, or a history id), as it gave it. */
  deltaLink: z.optional(z.string()),
  subscriptionId: z.optional(z.string()),
  /** As the mail service granted it (ISO 8601); only a service that pushes notifications has one. */
  subscriptionExpiresAt: z.optional(z.string()),
  /** ISO 8601: when it connected, and when a delta round last finished. */
  connectedAt: z.string(),
  lastDeltaAt: z.optional(z.string()),
  /**
   * What it connected to (src/incoming/upkeep/connection-source.ts: a digest of credential, mailbox and folder): a
   * handler edited to read elsewhere no longer matches, and is connected again.
   */
  source: z.optional(z.string()),
});

export type HandlerState = z.output<typeof handlerStateSchema>;

import * as z from 'zod/mini';

/*
 * Where a mail handler's connection to its mailbox stands, as zod states it: the single source of truth, from which
 * local/tools/generate-validators.ts generates the validator the incoming worker reads it with (handler-state.ts).
 */
export const handlerStateSchema = z.object({
  handlerId: z.string(),
  /** The folder's Graph id (or `inbox`), or the Gmail label's id (INBOX, Label_…), as resolved when it connected. */
  folderId: z.string(),
  /** Where the next delta round starts: Graph's opaque link, followed as given; for Gmail the mailbox's historyId. */
  deltaLink: z.optional(z.string()),
  subscriptionId: z.optional(z.string()),
  /** As Graph granted it (ISO 8601). */
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

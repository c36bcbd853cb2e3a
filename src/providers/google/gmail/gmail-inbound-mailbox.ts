import type { GmailReadDeps } from './gmail-call';
import { currentHistoryId, type HistoryChanges, listHistory } from './gmail-history';
import { type GmailInbound, parseGmailInbound } from './gmail-inbound';
import { ensureLabel, findLabel, type GmailLabel } from './gmail-labels';
import {
  findByMessageId,
  type GmailMessageRef,
  type GmailRawMessage,
  markRead,
  moveToLabel,
  readRawMessage,
} from './gmail-messages';

/**
 * One Gmail mailbox's incoming mail as a use case calls it, every read bound to the mailbox and its Gmail client
 * (base URL from googleEndpoints(env), the credential's token provider with gmail.modify), as
 * src/providers/microsoft/graph/inbound-mailbox.ts binds Graph's. Failures are GmailError (gmail-errors.ts).
 */
export interface GmailInboundMailbox {
  readonly mailbox: string;
  findLabel: (name: string) => Promise<GmailLabel | undefined>;
  ensureLabel: (name: string) => Promise<{ label: GmailLabel; created: boolean }>;
  currentHistoryId: () => Promise<string>;
  listHistory: (startHistoryId: string, labelId: string) => Promise<HistoryChanges>;
  /** The raw message and its parse, in the shape src/incoming processes. */
  readMessage: (id: string) => Promise<GmailInbound & { gmail: GmailRawMessage }>;
  markRead: (id: string) => Promise<{ id: string; labelIds: string[] }>;
  moveToLabel: (id: string, fromLabelId: string, toLabelId: string) => Promise<{ id: string; labelIds: string[] }>;
  findByMessageId: (internetMessageId: string) => Promise<GmailMessageRef[]>;
}

export const gmailInboundMailbox = (mailbox: string, deps: GmailReadDeps): GmailInboundMailbox => {
  const bound: GmailReadDeps = { ...deps, userId: mailbox };
  return {
    mailbox,
    findLabel: (name) => findLabel(name, bound),
    ensureLabel: (name) => ensureLabel(name, bound),
    currentHistoryId: () => currentHistoryId(bound),
    listHistory: (startHistoryId, labelId) => listHistory({ startHistoryId, labelId }, bound),
    readMessage: async (id) => {
      const gmail = await readRawMessage(id, bound);
      return { ...(await parseGmailInbound(gmail)), gmail };
    },
    markRead: (id) => markRead(id, bound),
    moveToLabel: (id, fromLabelId, toLabelId) => moveToLabel(id, fromLabelId, toLabelId, bound),
    findByMessageId: (internetMessageId) => findByMessageId(internetMessageId, bound),
  };
};

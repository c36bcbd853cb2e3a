import type { ProcessMailbox } from '../../../incoming/process/ports';
import type { InboundMailbox } from '../graph/inbound-mailbox';
import { translated, translatedPieces } from './incoming-failure';

/**
 * The mailbox's root, Graph's well-known folder name: the processed folder sits at the top of the mailbox, where
 * the handler's Test finds or makes it (graph-handler-mailbox.ts).
 */
const ROOT = 'msgfolderroot';

export type GraphProcessCalls = Pick<
  InboundMailbox,
  'mailbox' | 'readMessage' | 'listAttachments' | 'openAttachment' | 'markRead' | 'moveMessage' | 'ensureChildFolder'
>;

/** The handler's mailbox through Graph as src/incoming/process reads it, Graph's failures turned into its own. */
export const graphProcessMailbox = (graph: GraphProcessCalls): ProcessMailbox => ({
  mailbox: graph.mailbox,
  readMessage: (messageId) => translated(() => graph.readMessage(messageId)),
  listAttachments: (messageId) => translated(() => graph.listAttachments(messageId)),
  openAttachment: async (messageId, attachmentId, limits) => {
    const content = await translated(() => graph.openAttachment(messageId, attachmentId, limits));
    return { contentType: content.contentType, size: content.size, pieces: translatedPieces(content.pieces) };
  },
  markRead: (messageId) => translated(() => graph.markRead(messageId)),
  ensureProcessedFolder: async (displayName) =>
    (await translated(() => graph.ensureChildFolder(ROOT, displayName))).folder,
  moveMessage: (messageId, destinationFolderId) => translated(() => graph.moveMessage(messageId, destinationFolderId)),
});

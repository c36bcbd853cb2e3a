import { safeErrorLabel } from '../../shared/error-names';
import type { ProcessDeps } from './ports';

type AfterDeps = Pick<ProcessDeps, 'handler' | 'mailbox' | 'log'>;

/** Where the processed folder lives: at the mailbox's top, as the handler's Test finds or makes it (Graph's well-known name). */
const ROOT = 'msgfolderroot';

/**
 * What the handler says to do with a processed message: mark it read and move it to its processed folder (made at
 * the mailbox's top when missing, as Test makes it: src/composition/graph-handler-mailbox.ts), or leave it. The message is in Jira already, so a failure here
 * is logged and nothing more: the claim keeps a second run from writing it again.
 */
export const afterProcessing = async (graphMessageId: string, deps: AfterDeps): Promise<void> => {
  if (deps.handler.afterProcessing !== 'move') return;
  try {
    await deps.mailbox.markRead(graphMessageId);
    const { folder } = await deps.mailbox.ensureChildFolder(ROOT, deps.handler.processedFolder);
    await deps.mailbox.moveMessage(graphMessageId, folder.id);
  } catch (error) {
    deps.log.warn(`incoming mail: processed message not moved: ${safeErrorLabel(error)}`);
  }
};

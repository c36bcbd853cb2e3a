import { safeErrorLabel } from '../../shared/error-names';
import { isTransientFailure } from './failure';
import type { ProcessDeps } from './ports';

type AfterDeps = Pick<ProcessDeps, 'handler' | 'mailbox' | 'log'>;

/** Where the processed folder lives: at the mailbox's top, as the handler's Test finds or makes it (Graph's well-known name). */
const ROOT = 'msgfolderroot';

/**
 * What the handler says to do with a processed message: mark it read and move it to its processed folder (made at
 * the mailbox's top when missing, as Test makes it: src/composition/graph-handler-mailbox.ts), or leave it. The
 * message is in Jira already: a failure that may pass (Graph throttled or down) is thrown, so the queue runs the
 * message again, and that run, finding it processed, tries the move again (processMessage); any other is logged.
 */
export const afterProcessing = async (graphMessageId: string, deps: AfterDeps): Promise<void> => {
  if (deps.handler.afterProcessing !== 'move') return;
  try {
    await deps.mailbox.markRead(graphMessageId);
    const { folder } = await deps.mailbox.ensureChildFolder(ROOT, deps.handler.processedFolder);
    await deps.mailbox.moveMessage(graphMessageId, folder.id);
  } catch (error) {
    if (isTransientFailure(error)) throw error;
    deps.log.warn(`incoming mail: processed message not moved: ${safeErrorLabel(error)}`);
  }
};

import { safeErrorLabel } from '../../shared/error-names';
import { isTransientFailure } from './failure';
import type { ProcessDeps } from './ports';

type AfterDeps = Pick<ProcessDeps, 'handler' | 'mailbox' | 'log'>;

/**
 * What the handler says to do with a processed message: mark it read and move it to its processed folder (made where
 * the handler's Test makes it when missing), or leave it. The
 * message is in Jira already: a failure that may pass (the mail service throttled or down) is thrown, so the queue runs the
 * message again, and that run, finding it processed, tries the move again (processMessage); any other is logged.
 */
export const afterProcessing = async (messageId: string, deps: AfterDeps): Promise<void> => {
  if (deps.handler.afterProcessing !== 'move') return;
  try {
    await deps.mailbox.markRead(messageId);
    const folder = await deps.mailbox.ensureProcessedFolder(deps.handler.processedFolder);
    await deps.mailbox.moveMessage(messageId, folder.id);
  } catch (error) {
    if (isTransientFailure(error)) throw error;
    deps.log.warn(`incoming mail: processed message not moved: ${safeErrorLabel(error)}`);
  }
};

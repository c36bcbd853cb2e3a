import type { MailHandlerView } from '../../contract/mail-handlers';
import { safeErrorLabel } from '../../shared/error-names';
import type { IncomingJob } from '../notifications/incoming-jobs';
import { MessageBusyError } from '../process/errors';
import { processMessage, type ProcessResult } from '../process/process-message';
import { MAX_MESSAGE_ATTEMPTS, retryDelaySeconds } from './message-retry';
import type { IncomingWorkerDeps } from './worker-deps';

export interface MessagesSummary {
  /** How each message this run got to ended ('retry' and 'busy': queued again). */
  outcomes: Array<ProcessResult['outcome'] | 'retry' | 'busy'>;
  /** Messages handed to a new job because this run's time was up. */
  handedOn: number;
}

/**
 * Runs after which even a message whose Jira write is done (so never recorded as failed: its next run finishes it
 * from the mark) is given up, and logged: something is wrong beyond a passing failure.
 */
const GIVE_UP_AFTER = MAX_MESSAGE_ATTEMPTS * 2;

interface Options {
  processAgain?: boolean;
  messageKey?: string;
  /** The attempt the messages are on: 0 for the first run. */
  attempt?: number;
}

const messageJob = (handlerId: string, messageId: string, options: Options, attempt: number): IncomingJob => ({
  kind: 'message',
  handlerId,
  messageId,
  ...(options.processAgain === true ? { processAgain: true } : {}),
  ...(options.messageKey === undefined ? {} : { messageKey: options.messageKey }),
  attempt,
});

/**
 * One run's messages of a handler, in order, each on its own: one that is busy (another run holds its claim) or
 * hit a failure that may pass is queued again on its own, delayed, so it never holds up the others; the last
 * attempt records a passing failure as failed. When the run's time budget is spent, the messages left go to a new
 * job. A failed push is thrown: the platform runs the whole job again, and the marks drop what was done.
 */
export const processMessages = async (
  handler: MailHandlerView,
  messageIds: readonly string[],
  options: Options,
  deps: IncomingWorkerDeps,
): Promise<MessagesSummary> => {
  const started = deps.now();
  const processing = await deps.processing(handler);
  const attempt = options.attempt ?? 0;
  const summary: MessagesSummary = { outcomes: [], handedOn: 0 };
  for (const [index, messageId] of messageIds.entries()) {
    if (index > 0 && deps.now() - started > deps.budgetMs) {
      const rest = messageIds.slice(index);
      await deps.queue.push([{ kind: 'notified', handlerId: handler.id, messageIds: [...rest] }]);
      summary.handedOn = rest.length;
      deps.log(`incoming mail: handler ${handler.id}: ${rest.length} message(s) handed to a new job`);
      break;
    }
    const finalAttempt = attempt + 1 >= MAX_MESSAGE_ATTEMPTS;
    try {
      const result = await processMessage(
        {
          handlerId: handler.id,
          messageId,
          ...(options.processAgain === true ? { processAgain: true } : {}),
          ...(options.messageKey === undefined ? {} : { messageKey: options.messageKey }),
          finalAttempt,
        },
        processing,
      );
      summary.outcomes.push(result.outcome);
    } catch (error) {
      if (error instanceof MessageBusyError) {
        await deps.queue.push([messageJob(handler.id, messageId, options, attempt)], {
          delaySeconds: Math.ceil(error.retryAfterMs / 1000),
        });
        summary.outcomes.push('busy');
        continue;
      }
      const next = attempt + 1;
      if (next > GIVE_UP_AFTER) {
        deps.log(
          `incoming mail: handler ${handler.id}: gave up on a message after ${attempt} runs (${safeErrorLabel(error)})`,
        );
        summary.outcomes.push('failed');
        continue;
      }
      deps.log(`incoming mail: handler ${handler.id}: a message waits for run ${next + 1} (${safeErrorLabel(error)})`);
      await deps.queue.push([messageJob(handler.id, messageId, options, next)], {
        delaySeconds: retryDelaySeconds(next, error),
      });
      summary.outcomes.push('retry');
    }
  }
  return summary;
};

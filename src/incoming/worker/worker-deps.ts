import type { MailHandlerView } from '../../contract/mail-handlers';
import type { Clock } from '../../shared/seams';
import type { IncomingConnection } from '../connection/incoming-connection';
import type { ProcessDeps } from '../process/ports';
import type { IncomingQueue } from '../queue/incoming-queue';

/** What the incoming-mail worker needs; the composition root (src/composition/incoming-worker-root.ts) builds it. */
export interface IncomingWorkerDeps {
  handlers: { get: (handlerId: string) => Promise<MailHandlerView | undefined> };
  /** The handler's connection to its mailbox (opened with its credential), whichever service holds it. */
  connection: (handler: MailHandlerView) => Promise<IncomingConnection>;
  /** processMessage's dependencies for the handler. */
  processing: (handler: MailHandlerView) => Promise<ProcessDeps>;
  queue: IncomingQueue;
  now: Clock;
  /**
   * How long one invocation spends on a job's messages before it hands the rest to a new job: well inside the
   * function's timeout, so a burst of slow messages (large attachments) never runs into it.
   */
  budgetMs: number;
  /** Safe text only: codes, counts and ids. */
  log: (line: string) => void;
}

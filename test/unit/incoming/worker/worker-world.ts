import type { MailHandlerView } from '../../../../src/contract/mail-handlers';
import type { IncomingJob } from '../../../../src/incoming/notifications/incoming-jobs';
import type { PushOptions } from '../../../../src/incoming/queue/incoming-queue';
import type { IncomingWorkerDeps } from '../../../../src/incoming/worker/worker-deps';
import { graphConnection } from '../../../../src/providers/microsoft/incoming/connection/graph-connection';
import { connectionWorld } from '../../providers/microsoft/incoming/connection/connection-world';
import { FakeMailbox, handler, NOW, processWorld } from '../process/process-world';

/** A whole handler as stored: the process world's settings, and what only the connection and upkeep read. */
export const handlerView = (overrides: Partial<MailHandlerView> = {}): MailHandlerView => ({
  ...handler(),
  name: 'Support inbox',
  enabled: true,
  credentialId: 'cred-1',
  backfillDays: 0,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
});

export interface Pushed {
  jobs: IncomingJob[];
  delaySeconds: number | undefined;
}

/**
 * The worker over the process world (one mailbox, Jira, records) and the connection world (delta rounds,
 * subscriptions); pushes recorded; a clock both share, which a test may move on each read (`tick`).
 */
export const workerWorld = (view: MailHandlerView = handlerView()) => {
  const processing = processWorld();
  const connection = connectionWorld();
  const mailbox = new FakeMailbox('support@contoso.com');
  const pushes: Pushed[] = [];
  const logs: string[] = [];
  const handlers = new Map([[view.id, view]]);
  const clock = { now: NOW, tick: 0 };
  const now = () => {
    clock.now += clock.tick;
    processing.clock.now = clock.now;
    return clock.now;
  };
  const deps: IncomingWorkerDeps = {
    handlers: { get: async (id) => handlers.get(id) },
    connection: async () => graphConnection(connection.deps),
    processing: async (one) => processing.depsFor(mailbox, one, { now }),
    queue: {
      push: async (jobs: readonly IncomingJob[], options: PushOptions = {}) => {
        pushes.push({ jobs: [...jobs], delaySeconds: options.delaySeconds });
      },
    },
    now,
    budgetMs: 150_000,
    log: (line) => logs.push(line),
  };
  return { deps, processing, connection, mailbox, pushes, logs, handlers, clock };
};

import { createHandlerStateStore } from '../../../../src/incoming/connection/handler-state';
import { connectionSource } from '../../../../src/incoming/upkeep/connection-source';
import { handleIncomingJob } from '../../../../src/incoming/worker/handle-incoming-job';
import { gmailConnection, type GmailConnectionDeps } from '../../../../src/providers/google/incoming/gmail-connection';
import { MemoryKvStore } from '../../support/memory-kv-store';
import { handlerView, workerWorld } from './worker-world';

/** The worker with a handler whose credential is Google's: its connection is Gmail's (no subscription, polled). */
const gmailWorld = (enabled = true) => {
  const world = workerWorld(handlerView({ enabled }));
  const calls: string[] = [];
  const connection: GmailConnectionDeps = {
    mailbox: {
      findLabel: async () => undefined,
      currentHistoryId: async () => {
        calls.push('currentHistoryId');
        return '1000';
      },
      listHistory: async (start) => {
        calls.push(`listHistory ${start}`);
        return { messageIds: ['g-1'], historyId: '1005', pages: 1 };
      },
      listLabel: async () => [],
    },
    states: createHandlerStateStore(new MemoryKvStore(), () => undefined),
    now: () => Date.parse('2026-12-07T08:00:00Z'),
  };
  world.deps.connection = async () => gmailConnection(connection);
  return { ...world, calls, connection };
};

const STATE = {
  handlerId: 'h-support',
  folderId: 'INBOX',
  deltaLink: '1000',
  connectedAt: '2026-12-07T07:00:00.000Z',
};

describe('the incoming worker with a Gmail handler', () => {
  it('connects by the position only, and leaves a handler connected to the same source as it is', async () => {
    const w = gmailWorld();
    const connect = { kind: 'connect', handlerId: 'h-support' } as const;
    expect(await handleIncomingJob(connect, w.deps)).toEqual({ job: 'connect', outcome: 'queued', messages: 0 });
    expect(await w.connection.states.get('h-support')).toMatchObject({
      folderId: 'INBOX',
      deltaLink: '1000',
      source: connectionSource(handlerView()),
    });
    expect(await handleIncomingJob(connect, w.deps)).toEqual({ job: 'connect', outcome: 'connected' });
    expect(w.calls).toEqual(['currentHistoryId']);
    expect(w.pushes).toEqual([{ jobs: [], delaySeconds: undefined }]);
  });

  it('queues what history.list brought, then stores the new position', async () => {
    const w = gmailWorld();
    await w.connection.states.put(STATE);
    expect(await handleIncomingJob({ kind: 'delta', handlerId: 'h-support' }, w.deps)).toEqual({
      job: 'delta',
      outcome: 'queued',
      messages: 1,
    });
    expect(w.pushes[0]?.jobs).toEqual([{ kind: 'notified', handlerId: 'h-support', messageIds: ['g-1'] }]);
    expect((await w.connection.states.get('h-support'))?.deltaLink).toBe('1005');
  });

  it('answers a delta of a handler never connected with not-connected', async () => {
    const w = gmailWorld();
    expect(await handleIncomingJob({ kind: 'delta', handlerId: 'h-support' }, w.deps)).toEqual({
      job: 'delta',
      outcome: 'not-connected',
    });
  });

  it('reads a lifecycle event as stale (Gmail has no subscription) and disconnects by forgetting the position', async () => {
    const w = gmailWorld(false);
    await w.connection.states.put(STATE);
    const lifecycle = { kind: 'lifecycle', handlerId: 'h-support', subscriptionId: 's-1', event: 'missed' } as const;
    expect(await handleIncomingJob(lifecycle, gmailWorld().deps)).toEqual({ job: 'lifecycle', outcome: 'stale' });
    expect(await handleIncomingJob({ kind: 'disconnect', handlerId: 'h-support' }, w.deps)).toEqual({
      job: 'disconnect',
      outcome: 'disconnected',
    });
    expect(await w.connection.states.get('h-support')).toBeUndefined();
  });
});

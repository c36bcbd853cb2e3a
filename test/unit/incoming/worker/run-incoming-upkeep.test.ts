import type { MailHandlerView } from '../../../../src/contract/mail-handlers';
import { createHandlerStateStore } from '../../../../src/incoming/connection/handler-state';
import type { HandlerState } from '../../../../src/incoming/connection/handler-state-schema';
import type { IncomingJob } from '../../../../src/incoming/notifications/incoming-jobs';
import { createSubscriptionRegistry } from '../../../../src/incoming/notifications/subscription-registry';
import { connectionSource } from '../../../../src/incoming/upkeep/connection-source';
import { runIncomingUpkeep } from '../../../../src/incoming/upkeep/run-incoming-upkeep';
import { MemoryKvStore } from '../../support/memory-kv-store';
import { handlerView } from './worker-world';

const SUBSCRIPTION = 'c6126aa3-0ed8-412f-a988-71e6cee627c4';

const stateOf = (handler: MailHandlerView, more: Partial<HandlerState> = {}): HandlerState => ({
  handlerId: handler.id,
  folderId: 'inbox',
  deltaLink: 'delta-1',
  subscriptionId: SUBSCRIPTION,
  connectedAt: '2026-12-06T10:00:00.000Z',
  source: connectionSource(handler),
  ...more,
});

const upkeep = async (handlers: MailHandlerView[], states: HandlerState[]) => {
  const kv = new MemoryKvStore();
  const stateStore = createHandlerStateStore(kv, () => undefined);
  const subscriptions = createSubscriptionRegistry(kv);
  for (const state of states) await stateStore.put(state);
  await subscriptions.put({ subscriptionId: SUBSCRIPTION, handlerId: 'h-x', clientStateDigest: 'd', expiresAt: 'e' });
  const pushed: IncomingJob[] = [];
  const summary = await runIncomingUpkeep({
    handlers: { list: async () => handlers },
    states: stateStore,
    subscriptions,
    queue: { push: async (jobs) => void pushed.push(...jobs) },
    log: () => undefined,
  });
  return { summary, pushed, states: await stateStore.list(), subscription: await subscriptions.get(SUBSCRIPTION) };
};

const on = handlerView({ id: 'h-on' });
const off = handlerView({ id: 'h-off', enabled: false });

describe('the five-minute incoming upkeep', () => {
  it.each([
    ['an enabled handler never connected', [on], [], [{ kind: 'connect', handlerId: 'h-on' }]],
    ['a connected handler: its delta round', [on], [stateOf(on)], [{ kind: 'delta', handlerId: 'h-on' }]],
    [
      'a handler now reading another folder',
      [handlerView({ id: 'h-on', folder: 'Support' })],
      [stateOf(on)],
      [{ kind: 'connect', handlerId: 'h-on' }],
    ],
    [
      'a handler now reading another mailbox',
      [handlerView({ id: 'h-on', mailbox: 'help@contoso.com' })],
      [stateOf(on)],
      [{ kind: 'connect', handlerId: 'h-on' }],
    ],
    ['a switched-off handler still connected', [off], [stateOf(off)], [{ kind: 'disconnect', handlerId: 'h-off' }]],
    ['a switched-off handler not connected', [off], [], []],
  ] as const)('queues for %s', async (_case, handlers, states, jobs) => {
    const { pushed } = await upkeep([...handlers], [...states]);
    expect(pushed).toEqual(jobs);
  });

  it('forgets the connection and subscription record of a deleted handler, and queues nothing for it', async () => {
    const { summary, pushed, states, subscription } = await upkeep([], [stateOf(handlerView({ id: 'h-gone' }))]);
    expect(summary).toEqual({ connect: 0, delta: 0, disconnect: 0, forgotten: 1 });
    expect(pushed).toEqual([]);
    expect(states).toEqual([]);
    expect(subscription).toBeUndefined();
  });
});

import { InboundErrorCode, InboundGraphError } from '../../../../../../src/providers/microsoft/graph/inbound-errors';
import {
  connectHandler,
  disconnectHandler,
} from '../../../../../../src/providers/microsoft/incoming/connection/connect-handler';
import { MAX_DELTA_PAGES } from '../../../../../../src/providers/microsoft/incoming/connection/delta-round';
import { renewSubscription } from '../../../../../../src/providers/microsoft/incoming/connection/renew-subscription';
import { runDelta } from '../../../../../../src/providers/microsoft/incoming/connection/run-delta';
import { sha256Hex } from '../../../../../../src/shared/sha256-hex';
import { connectionWorld as world, DAY, NOW, page, URL } from './connection-world';

const handler = { id: 'h-support', folder: 'Inbox', backfillDays: 0 };

describe('connecting a handler', () => {
  it('takes the delta position from now, then subscribes, and takes no old mail', async () => {
    const { deps, mailbox } = world();
    mailbox.pages.set('start', page(['old-1'], { kind: 'more', nextLink: 'next-1' }));
    mailbox.pages.set('next-1', page(['old-2'], { kind: 'done', deltaLink: 'delta-9' }));
    const { state, takeMessageIds } = await connectHandler(handler, deps);
    expect(takeMessageIds).toEqual([]);
    expect(mailbox.calls).toEqual([
      `start inbox since ${new Date(NOW).toISOString()}`,
      'follow next-1',
      'subscribe inbox',
    ]);
    const [subscription] = mailbox.subscriptions.values();
    expect(subscription).toMatchObject({
      folderId: 'inbox',
      notificationUrl: URL,
      lifecycleNotificationUrl: URL,
      clientState: 'client-state-1',
      expirationDateTime: new Date(NOW + 3 * DAY).toISOString(),
    });
    expect(state).toEqual({
      handlerId: 'h-support',
      folderId: 'inbox',
      deltaLink: 'delta-9',
      subscriptionId: subscription?.id,
      subscriptionExpiresAt: new Date(NOW + 3 * DAY).toISOString(),
      connectedAt: new Date(NOW).toISOString(),
      lastDeltaAt: new Date(NOW).toISOString(),
    });
    // The web trigger knows the subscription by id and the clientState's digest only.
    expect(await deps.subscriptions.get(subscription!.id)).toEqual({
      subscriptionId: subscription!.id,
      handlerId: 'h-support',
      clientStateDigest: sha256Hex('client-state-1'),
      expiresAt: new Date(NOW + 3 * DAY).toISOString(),
    });
  });

  it('takes the last N days when asked, a named folder found at the top of the mailbox', async () => {
    const { deps, mailbox } = world();
    mailbox.pages.set('start', page(['m-1', 'm-2', 'm-1'], { kind: 'done', deltaLink: 'delta-1' }));
    const { takeMessageIds } = await connectHandler({ id: 'h-2', folder: 'Support', backfillDays: 2 }, deps);
    expect(takeMessageIds).toEqual(['m-1', 'm-2']);
    expect(mailbox.starts).toEqual([{ folderId: 'AAMkSupport', receivedSince: new Date(NOW - 2 * DAY) }]);
  });

  it('refuses a folder the mailbox does not have', async () => {
    const { deps, mailbox } = world();
    await expect(connectHandler({ ...handler, folder: 'Gone' }, deps)).rejects.toMatchObject({
      code: 'INCOMING_FOLDER_NOT_FOUND',
    });
    expect(mailbox.subscriptions.size).toBe(0);
  });

  it('reconnects by deleting the old subscription first, and disconnects', async () => {
    const { deps, mailbox } = world();
    const first = await connectHandler(handler, deps);
    const second = await connectHandler(handler, deps);
    expect(second.state.subscriptionId).not.toBe(first.state.subscriptionId);
    expect([...mailbox.subscriptions.keys()]).toEqual([second.state.subscriptionId]);
    expect(await deps.subscriptions.get(first.state.subscriptionId!)).toBeUndefined();

    await disconnectHandler('h-support', deps);
    expect(mailbox.subscriptions.size).toBe(0);
    expect(await deps.states.get('h-support')).toBeUndefined();
    expect(await deps.subscriptions.get(second.state.subscriptionId!)).toBeUndefined();
  });

  it('stops a round that never ends', async () => {
    const { deps, mailbox } = world();
    mailbox.pages.set('start', page([], { kind: 'more', nextLink: 'loop' }));
    mailbox.pages.set('loop', page(['x'], { kind: 'more', nextLink: 'loop' }));
    await expect(connectHandler(handler, deps)).rejects.toMatchObject({ code: 'INCOMING_DELTA_TOO_LONG' });
    expect(mailbox.calls.filter((call) => call === 'follow loop')).toHaveLength(MAX_DELTA_PAGES - 1);
  });
});

describe('the delta run', () => {
  it('takes what arrived since the last round and keeps the new position', async () => {
    const { deps, mailbox, advance } = world();
    await connectHandler(handler, deps);
    mailbox.pages.set('delta-1', page(['new-1', 'new-2'], { kind: 'done', deltaLink: 'delta-2' }));
    advance(5 * 60_000);
    const result = await runDelta('h-support', deps);
    expect(result?.messageIds).toEqual(['new-1', 'new-2']);
    expect(result?.state).toMatchObject({
      deltaLink: 'delta-2',
      lastDeltaAt: new Date(NOW + 5 * 60_000).toISOString(),
    });
    expect(await deps.states.get('h-support')).toEqual(result?.state);
  });

  it('starts again from the last round less an hour when Graph has forgotten the position', async () => {
    const { deps, mailbox, advance } = world();
    await connectHandler(handler, deps);
    advance(DAY);
    mailbox.followError = new InboundGraphError(InboundErrorCode.DeltaResync, 'resync', { status: 410 });
    mailbox.pages.set('start', page(['again-1'], { kind: 'done', deltaLink: 'delta-new' }));
    const result = await runDelta('h-support', deps);
    expect(result?.messageIds).toEqual(['again-1']);
    expect(mailbox.starts.at(-1)).toEqual({ folderId: 'inbox', receivedSince: new Date(NOW - 60 * 60_000) });
    expect(result?.state.deltaLink).toBe('delta-new');
  });

  it('takes nothing for a handler that never connected', async () => {
    const { deps } = world();
    await expect(runDelta('h-none', deps)).resolves.toBeUndefined();
  });
});

describe('renewing the subscription', () => {
  it('leaves a fresh one, renews one within a day and a half of its end, and records the new end', async () => {
    const { deps, mailbox, advance } = world();
    const { state } = await connectHandler(handler, deps);
    await expect(renewSubscription('h-support', deps)).resolves.toBe('fresh');
    advance(2 * DAY);
    await expect(renewSubscription('h-support', deps)).resolves.toBe('renewed');
    expect(mailbox.calls.at(-1)).toBe(`renew ${state.subscriptionId}`);
    const renewedEnd = new Date(NOW + 5 * DAY).toISOString();
    expect(await deps.states.get('h-support')).toMatchObject({ subscriptionExpiresAt: renewedEnd });
    expect(await deps.subscriptions.get(state.subscriptionId!)).toMatchObject({ expiresAt: renewedEnd });
  });

  it('renews at once when Graph asks for reauthorization', async () => {
    const { deps } = world();
    await connectHandler(handler, deps);
    await expect(renewSubscription('h-support', deps, { force: true })).resolves.toBe('renewed');
  });

  it.each([
    ['Graph no longer has it', { renewGone: true }, {}],
    ['Graph says it was removed', { renewGone: false }, { recreate: true }],
  ])('creates it anew when %s', async (_name, mailboxState, options) => {
    const { deps, mailbox } = world();
    const { state } = await connectHandler(handler, deps);
    mailbox.renewGone = mailboxState.renewGone;
    await expect(renewSubscription('h-support', deps, { force: true, ...options })).resolves.toBe('recreated');
    const now = await deps.states.get('h-support');
    expect(now?.subscriptionId).not.toBe(state.subscriptionId);
    expect(await deps.subscriptions.get(state.subscriptionId!)).toBeUndefined();
    expect(await deps.subscriptions.get(now!.subscriptionId!)).toMatchObject({ handlerId: 'h-support' });
  });

  it('does nothing for a handler that never connected', async () => {
    const { deps } = world();
    await expect(renewSubscription('h-none', deps)).resolves.toBe('not-connected');
  });
});

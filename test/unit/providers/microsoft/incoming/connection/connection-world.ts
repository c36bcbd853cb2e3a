/** A mail handler's mailbox as the connection use cases see it (folders, delta rounds, subscriptions), and their deps. */
import { createHandlerStateStore } from '../../../../../../src/incoming/connection/handler-state';
import { createSubscriptionRegistry } from '../../../../../../src/incoming/notifications/subscription-registry';
import { InboundErrorCode, InboundGraphError } from '../../../../../../src/providers/microsoft/graph/inbound-errors';
import type { DeltaPage, DeltaStart } from '../../../../../../src/providers/microsoft/graph/message-delta';
import type { GraphSubscription, NewSubscription } from '../../../../../../src/providers/microsoft/graph/subscriptions';
import type { ConnectionDeps } from '../../../../../../src/providers/microsoft/incoming/connection/connection-deps';
import { MemoryKvStore } from '../../../../support/memory-kv-store';

export const NOW = Date.parse('2026-12-06T10:00:00Z');
export const DAY = 24 * 60 * 60 * 1000;
export const URL = 'https://4f1c.hello.atlassian-dev.net/x1/AbCdEf';
export const receipt = { status: 200, requestId: 'r', clientRequestId: 'c', attempts: 1 };

export const page = (ids: string[], next: DeltaPage['next']): DeltaPage => ({
  entries: ids.map((id) => ({
    kind: 'message' as const,
    id,
    receivedDateTime: undefined,
    internetMessageId: undefined,
  })),
  next,
  receipt,
});

/** A mailbox whose folders, delta rounds and subscriptions a test sets. */
export const fakeMailbox = () => {
  const calls: string[] = [];
  const subscriptions = new Map<string, NewSubscription & { id: string }>();
  let nextId = 1;
  const mailbox = {
    folders: new Map<string, string>([['Support', 'AAMkSupport']]),
    /** The pages of each link (a first round is keyed `start`). */
    pages: new Map<string, DeltaPage>(),
    starts: [] as DeltaStart[],
    subscriptions,
    calls,
    renewGone: false,
    followError: undefined as Error | undefined,
    findChildFolder: async (parent: string, name: string) => {
      calls.push(`find ${parent}/${name}`);
      const id = mailbox.folders.get(name);
      return id === undefined
        ? undefined
        : { id, displayName: name, parentFolderId: 'root', unreadItemCount: 0, totalItemCount: 0 };
    },
    startDelta: async (start: DeltaStart) => {
      mailbox.starts.push(start);
      calls.push(`start ${start.folderId} since ${start.receivedSince.toISOString()}`);
      return mailbox.pages.get('start') ?? page([], { kind: 'done', deltaLink: 'delta-1' });
    },
    followDelta: async (link: string) => {
      calls.push(`follow ${link}`);
      if (mailbox.followError !== undefined) throw mailbox.followError;
      return mailbox.pages.get(link) ?? page([], { kind: 'done', deltaLink: `${link}+` });
    },
    createSubscription: async (request: Omit<NewSubscription, 'mailbox'>) => {
      const id = `0b8a6a2e-0000-4000-8000-00000000000${nextId++}`;
      subscriptions.set(id, { ...request, mailbox: 'support@contoso.com', id });
      calls.push(`subscribe ${request.folderId}`);
      const subscription: GraphSubscription = {
        id,
        resource: `users/support@contoso.com/mailFolders('${request.folderId}')/messages`,
        changeType: 'created',
        expirationDateTime: request.expirationDateTime,
        notificationUrl: request.notificationUrl,
        lifecycleNotificationUrl: request.lifecycleNotificationUrl,
      };
      return { subscription, receipt };
    },
    renewSubscription: async (id: string, expirationDateTime: string) => {
      calls.push(`renew ${id}`);
      if (mailbox.renewGone)
        throw new InboundGraphError(InboundErrorCode.Gone, 'gone', { status: 404, item: 'subscription' });
      const subscription: GraphSubscription = {
        id,
        resource: 'r',
        changeType: 'created',
        expirationDateTime,
        notificationUrl: URL,
        lifecycleNotificationUrl: URL,
      };
      return { subscription, receipt };
    },
    deleteSubscription: async (id: string) => {
      calls.push(`delete ${id}`);
      subscriptions.delete(id);
      return { outcome: 'deleted' as const, requestId: undefined };
    },
  };
  return mailbox;
};

export const connectionWorld = () => {
  const kv = new MemoryKvStore();
  const mailbox = fakeMailbox();
  let now = NOW;
  let secrets = 0;
  const deps: ConnectionDeps = {
    mailbox,
    states: createHandlerStateStore(kv, () => undefined),
    subscriptions: createSubscriptionRegistry(kv),
    notificationUrl: async () => URL,
    newClientState: () => `client-state-${++secrets}`,
    now: () => now,
  };
  return { deps, mailbox, advance: (ms: number) => (now += ms) };
};

import type { StoredCredential } from '../../../src/credentials/stored-credential';
import type { HandlerState } from '../../../src/incoming/connection/handler-state-schema';
import { createRefreshTokenStore } from '../../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../../src/oauth/token-cache';
import { createHandlerMailbox } from '../../../src/providers/handler-mailbox';
import type { MailSenderDeps } from '../../../src/providers/mail-sender';
import { storedCredential } from '../support/credentials';
import { MemoryKvStore } from '../support/memory-kv-store';
import { googleCredential } from './google/delivery/google-credential-fixture';

const NOW = Date.parse('2026-12-07T10:00:00Z');

/** Nothing here reaches a mail service: the subscription's state is read from what the app stored. */
const clients: MailSenderDeps = {
  credentials: {
    readSecret: async () => 'secret',
    readNextSecret: async () => undefined,
    readPrivateKey: async () => {
      throw new Error('no key needed');
    },
    promoteNextSecret: async () => {
      throw new Error('no next secret');
    },
  },
  tokenCache: createTokenCache(new MemoryKvStore()),
  refreshTokens: createRefreshTokenStore(new MemoryKvStore()),
  fetch: async () => {
    throw new Error('no request expected');
  },
  now: () => NOW,
};

const STATE: HandlerState = {
  handlerId: 'h-1',
  folderId: 'AAMkinbox',
  subscriptionId: 'sub-1',
  subscriptionExpiresAt: '2026-12-09T10:00:00.000Z',
  connectedAt: '2026-12-06T10:00:00.000Z',
};

const mailboxOver = (credentials: readonly StoredCredential[], state: HandlerState = STATE) =>
  createHandlerMailbox({
    credentials: {
      get: async (id) => {
        const found = credentials.find((credential) => credential.id === id);
        if (found === undefined) throw new Error(`no credential ${id}`);
        return found;
      },
    },
    clients,
    states: { get: async (handlerId) => (handlerId === state.handlerId ? state : undefined) },
    now: () => NOW,
  });

describe("a mail handler's Test: how it hears of new mail", () => {
  const microsoft = storedCredential({ id: 'cred-1', senderMailbox: 'support@contoso.com' });
  const google = googleCredential({}, true);

  it('says a Google handler is polled every five minutes (Gmail pushes only through Cloud Pub/Sub)', async () => {
    const mailbox = mailboxOver([microsoft, google]);
    expect(await mailbox.subscriptionState('h-1', { credentialId: google.id, mailbox: google.senderMailbox })).toEqual({
      ok: true,
      data: { status: 'polled', everyMinutes: 5 },
    });
  });

  it.each([
    ['a Microsoft credential', 'cred-1'],
    ['a credential that is gone', 'cred-9'],
  ])("reads %s's stored subscription", async (_kind, credentialId) => {
    const mailbox = mailboxOver([microsoft, google]);
    expect(await mailbox.subscriptionState('h-1', { credentialId, mailbox: 'support@contoso.com' })).toEqual({
      ok: true,
      data: { status: 'active', expiresAt: '2026-12-09T10:00:00.000Z' },
    });
  });
});

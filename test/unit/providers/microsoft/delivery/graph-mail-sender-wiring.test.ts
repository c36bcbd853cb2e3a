import type { AuthorizationError } from '../../../../../src/oauth/errors';
import { createRefreshTokenStore } from '../../../../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../../../../src/oauth/token-cache';
import { TokenMemo } from '../../../../../src/oauth/token-memo';
import {
  createDirectorySearch,
  createGraphMailSender,
  type GraphMailSenderDeps,
} from '../../../../../src/providers/microsoft/delivery/graph-mail-sender';
import { createInboundMailboxOpener } from '../../../../../src/providers/microsoft/incoming/open-inbound-mailbox';
import { SECRET, storedCredential } from '../../../support/credentials';
import { MemoryKvStore } from '../../../support/memory-kv-store';
import { empty, graphError, json, recordingFetch, type SeenRequest } from '../graph/graph-fakes';

const NOW = Date.parse('2024-05-06T06:00:00Z');
const TOKEN_URL = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token';

/** Microsoft: the token endpoint hands out token-1, then token-2; Graph answers through `graph`. */
const world = (graph: (request: SeenRequest) => Response) => {
  let issued = 0;
  const { fetch, requests } = recordingFetch((request) => {
    if (request.url === TOKEN_URL) {
      issued += 1;
      return json(200, { token_type: 'Bearer', expires_in: 3599, access_token: `token-${issued}` });
    }
    return graph(request);
  });
  const deps: GraphMailSenderDeps = {
    credentials: {
      readSecret: async () => SECRET,
      readNextSecret: async () => undefined,
      readPrivateKey: async () => {
        throw new Error('no key');
      },
      promoteNextSecret: async () => {
        throw new Error('no next secret');
      },
    },
    tokenCache: createTokenCache(new MemoryKvStore()),
    refreshTokens: createRefreshTokenStore(new MemoryKvStore()),
    fetch,
    now: () => NOW,
    sleep: async () => undefined,
    memo: new TokenMemo(),
    env: {},
  };
  return { deps, requests };
};

describe('the Graph mail sender and directory search share one token wiring', () => {
  it('sends with a token of the credential and searches with the same cached token', async () => {
    const { deps, requests } = world((request) =>
      request.url.endsWith('/sendMail')
        ? empty(202, { 'request-id': 'r1' })
        : json(200, { value: [{ displayName: 'Megan Bowen', mail: 'megan@contoso.com' }] }),
    );
    const credential = storedCredential();

    await expect(
      createGraphMailSender(deps)(credential, {
        subject: 's',
        html: '<p>h</p>',
        to: ['ada@example.com'],
        internetMessageId: '<e1@contoso.com>',
      }),
    ).resolves.toEqual({
      requestId: 'r1',
      clientRequestId: expect.any(String),
      attempts: 1,
      delivery: 'single',
      internetMessageId: '<e1@contoso.com>',
      messageId: undefined,
    });
    await expect(createDirectorySearch(deps)(credential, 'meg')).resolves.toEqual([
      { name: 'Megan Bowen', address: 'megan@contoso.com' },
    ]);

    expect(
      requests.map((request) => [request.method, request.url.split('?')[0], request.headers.authorization]),
    ).toEqual([
      ['POST', TOKEN_URL, undefined],
      ['POST', 'https://graph.microsoft.com/v1.0/users/support%40contoso.com/sendMail', 'Bearer token-1'],
      ['GET', 'https://graph.microsoft.com/v1.0/users', 'Bearer token-1'],
    ]);
  });

  it('gets a fresh token once when the directory refuses the cached one', async () => {
    let searches = 0;
    const { deps, requests } = world(() => {
      searches += 1;
      return searches === 1 ? graphError(401, 'InvalidAuthenticationToken') : json(200, { value: [] });
    });
    await expect(createDirectorySearch(deps)(storedCredential(), 'meg')).resolves.toEqual([]);
    expect(
      requests.filter((request) => request.url.includes('/users')).map((request) => request.headers.authorization),
    ).toEqual(['Bearer token-1', 'Bearer token-2']);
  });
});

describe('an authorization code credential in the same wiring', () => {
  const delegated = storedCredential({
    grantType: 'authorization_code',
    senderMailbox: 'support@contoso.com',
    authorization: { mailbox: 'Support@contoso.com', userId: 'u-1', authorizedAt: '2024-05-01T00:00:00.000Z' },
  });
  const folder = { id: 'AAMkinbox', displayName: 'Inbox', totalItemCount: 0, unreadItemCount: 0 };

  it.each([
    { mailbox: 'support@contoso.com', path: '/me/mailFolders/inbox' },
    { mailbox: 'sales@contoso.com', path: '/users/sales%40contoso.com/mailFolders/inbox' },
  ])('reads $mailbox through $path with the refreshed token', async ({ mailbox, path }) => {
    const { deps, requests } = world(() => json(200, folder));
    await deps.refreshTokens.save(delegated.id, 'rt-1', NOW - 1000);
    await createInboundMailboxOpener(deps)(delegated, mailbox).readFolder('inbox');
    expect(requests.map((request) => new URL(request.url).pathname)).toEqual([
      '/contoso.onmicrosoft.com/oauth2/v2.0/token',
      `/v1.0${path}`,
    ]);
    expect(requests[0]?.bytes.toString()).toContain('grant_type=refresh_token&refresh_token=rt-1');
  });

  it('refuses to send before anyone signed in, with no request, and tells the admin page once per send', async () => {
    const { deps, requests } = world(() => empty(202));
    const refused: AuthorizationError[] = [];
    const send = createGraphMailSender({
      ...deps,
      onAuthorizationRefused: async (_credential, error) => void refused.push(error),
    });
    await expect(
      send(storedCredential({ grantType: 'authorization_code' }), { subject: 's', html: '<p>x</p>', to: ['a@b.c'] }),
    ).rejects.toMatchObject({
      name: 'AuthorizationError',
      code: 'OAUTH_NOT_AUTHORIZED',
      message: 'Credential cred-1 has no authorized mailbox: nobody has signed in with Authorize yet.',
    });
    expect(requests).toEqual([]);
    expect(refused.map((error) => error.code)).toEqual(['OAUTH_NOT_AUTHORIZED']);
  });
});

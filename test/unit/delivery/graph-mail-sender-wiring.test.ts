import {
  createDirectorySearch,
  createGraphMailSender,
  type GraphMailSenderDeps,
} from '../../../src/delivery/graph-mail-sender';
import { createRefreshTokenStore } from '../../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../../src/oauth/token-cache';
import { TokenMemo } from '../../../src/oauth/token-memo';
import { empty, graphError, json, recordingFetch, type SeenRequest } from '../graph/graph-fakes';
import { SECRET, storedCredential } from '../support/credentials';
import { MemoryKvStore } from '../support/memory-kv-store';

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

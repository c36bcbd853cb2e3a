import type { StoredCredential } from '../../../../../src/credentials/stored-credential';
import { testConnection, type TestConnectionDeps } from '../../../../../src/credentials/test-connection';
import { createRefreshTokenStore } from '../../../../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../../../../src/oauth/token-cache';
import { TokenMemo } from '../../../../../src/oauth/token-memo';
import { connectionDiagnoses } from '../../../../../src/providers/connection-test';
import { testDelegated } from '../../../../../src/providers/microsoft/diagnosis/test-delegated';
import { fakeFetch, fakeJwt, jsonResponse } from '../../../support/fake-fetch';
import { MemoryKvStore } from '../../../support/memory-kv-store';

const NOW = Date.parse('2030-06-01T12:00:00Z');
const TOKEN_URL = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token';
const GRAPH = 'https://graph.microsoft.com/v1.0';
const AUTHORIZE_AGAIN =
  'Open the credential and choose Authorize again, then sign in with the mailbox Issue Mailer should send as.';

const signedIn = (overrides: Partial<StoredCredential> = {}): StoredCredential => ({
  version: 2,
  id: 'cred-me',
  name: 'Signed in',
  provider: 'microsoft365',
  grantType: 'authorization_code',
  clientAuthMethod: 'client_secret',
  clientId: 'client-1',
  tokenEndpoint: TOKEN_URL,
  scope: 'https://graph.microsoft.com/.default',
  senderMailbox: 'support@contoso.com',
  graphBaseUrl: GRAPH,
  hasSecret: true,
  hasNextSecret: false,
  hasPrivateKey: false,
  authorization: { mailbox: 'support@contoso.com', userId: 'u-1', authorizedAt: '2030-05-01T00:00:00.000Z' },
  isDefault: false,
  createdAt: '2030-05-01T00:00:00.000Z',
  updatedAt: '2030-05-01T00:00:00.000Z',
  ...overrides,
});

const refreshed = (scp: string) =>
  jsonResponse(200, {
    token_type: 'Bearer',
    scope: scp,
    expires_in: 3599,
    access_token: fakeJwt({ scp }),
    refresh_token: 'rt-2',
  });

const setup = async (credential: StoredCredential, answer: (url: string) => Response) => {
  const kv = new MemoryKvStore();
  const refreshTokens = createRefreshTokenStore(kv);
  await refreshTokens.save('cred-me', 'rt-1', NOW - 1000);
  const { fetch, calls } = fakeFetch((call) => answer(call.url));
  const recorded: unknown[] = [];
  const deps: TestConnectionDeps = {
    credentials: {
      get: async () => credential,
      readSecret: async () => 'saved-secret',
      readNextSecret: async () => undefined,
      readPrivateKey: async () => {
        throw new Error('no key');
      },
      promoteNextSecret: async () => {
        throw new Error('no next secret');
      },
      recordTestResult: async (_id, result) => void recorded.push(result),
    },
    tokenCache: createTokenCache(kv),
    refreshTokens,
    diagnoses: connectionDiagnoses,
    memo: new TokenMemo(),
    fetch,
    now: () => NOW,
    env: {},
  };
  return { deps, calls, recorded, refreshTokens };
};

describe('Test connection of an authorization code credential (fakes)', () => {
  it('asks to authorize, with no request made, when nobody has signed in yet', async () => {
    const { deps, calls, recorded } = await setup(signedIn({ authorization: undefined }), () => {
      throw new Error('no request expected');
    });

    const result = await testConnection('cred-me', deps);

    expect(result).toMatchObject({
      ok: false,
      code: 'OAUTH_NOT_AUTHORIZED',
      authorizeAgain: true,
      message: `No mailbox is connected to this credential yet. ${AUTHORIZE_AGAIN}`,
    });
    expect(result.steps?.map((step) => [step.key, step.status])).toEqual([
      ['token', 'failed'],
      ['permissions', 'skipped'],
      ['mailbox', 'skipped'],
    ]);
    expect(calls).toEqual([]);
    expect(recorded).toEqual([result]);
  });

  it('fails the permissions step and sends no test email when the token lacks Mail.Send', async () => {
    const { deps, calls } = await setup(signedIn(), (url) =>
      url === TOKEN_URL
        ? refreshed('Mail.ReadWrite User.Read')
        : jsonResponse(200, { id: 'u-1', mail: 'support@contoso.com', displayName: 'Support' }),
    );

    const result = await testConnection(
      'cred-me',
      { ...deps, requestJira: async () => ({ status: 500, text: async () => '' }) },
      {
        sendTestEmail: true,
      },
    );

    expect(result.code).toBe('SCOPE_MAIL_SEND_MISSING');
    expect(result.authorizeAgain).toBeUndefined();
    expect(result.steps?.map((step) => [step.key, step.status, step.message])).toEqual([
      ['token', 'passed', 'Renewed the sign-in of support@contoso.com for client-1, with the client secret.'],
      [
        'permissions',
        'failed',
        'The token lacks Mail.Send, so no mail can go out. In Microsoft Entra admin center > App registrations > ' +
          'your app > API permissions, add Mail.Send as Microsoft Graph delegated permissions, grant consent, then ' +
          'choose Authorize again.',
      ],
      ['mailbox', 'passed', 'Signed in as support@contoso.com (Support): mail goes out from this mailbox.'],
      ['test-email', 'skipped', 'Not sent: the token lacks the Mail.Send delegated permission.'],
    ]);
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `POST ${TOKEN_URL}`,
      `GET ${GRAPH}/me?$select=id,displayName,userPrincipalName,mail`,
    ]);
    expect(calls[0]?.body).toContain('grant_type=refresh_token');
    expect(calls[0]?.body).toContain('refresh_token=rt-1');
  });

  it('stores the successor of a saved test, and leaves storage alone for unsaved form values', async () => {
    const answer = (url: string) =>
      url === TOKEN_URL
        ? refreshed('Mail.Send Mail.ReadWrite User.Read')
        : jsonResponse(200, { id: 'u-1', mail: 'support@contoso.com' });
    const saved = await setup(signedIn(), answer);
    await expect(testConnection('cred-me', saved.deps)).resolves.toMatchObject({ ok: true, tested: 'saved' });
    expect(await saved.refreshTokens.read('cred-me')).toBe('rt-2');

    const form = await setup(signedIn(), answer);
    const secrets = { ...form.deps.credentials, readSecret: async () => 'pasted-secret' };
    const tested = await testDelegated(signedIn(), { credential: signedIn(), secrets }, form.deps, {});
    expect(tested.authorizeAgain).toBe(false);
    expect(tested.steps.map((step) => step.status)).toEqual(['passed', 'passed', 'passed']);
    expect(form.calls[0]?.body).toContain('client_secret=pasted-secret');
    expect(await form.refreshTokens.read('cred-me')).toBe('rt-1');
    expect(await form.deps.tokenCache.get('cred-me', 'any', NOW)).toBeUndefined();
  });

  it('says "Save, then Authorize" when unsaved values of a never-authorized credential are tested', async () => {
    const credential = signedIn({ authorization: undefined });
    const { deps } = await setup(credential, () => {
      throw new Error('no request expected');
    });
    const tested = await testDelegated(credential, { credential, secrets: deps.credentials }, deps, {});
    expect(tested.authorizeAgain).toBe(true);
    expect(tested.steps[0]).toEqual({
      key: 'token',
      status: 'failed',
      title: 'Token',
      code: 'OAUTH_NOT_AUTHORIZED',
      message:
        'No mailbox is connected to this credential yet, so there is nothing to test. Save the credential, then ' +
        'choose Authorize and sign in with the mailbox Issue Mailer should send as.',
    });
  });
});

import { createAuthorizationStateStore } from '../../../src/oauth/authorization-state';
import { codeChallengeS256 } from '../../../src/oauth/pkce';
import { authorizationCodeInput, AUTHORIZE_ENDPOINT } from '../support/credentials';
import {
  adminRequest,
  configuredWorld,
  NOW,
  OAUTH_CALLBACK_URL,
  resolverWorld,
  silenceWarnings,
} from '../support/resolvers';

describe('admin resolver functions of Authorize', () => {
  silenceWarnings();

  it.each(['getAuthorizationSetup', 'beginAuthorization'] as const)(
    '%s answers NOT_ADMIN to a non-admin before touching storage',
    async (name) => {
      const world = resolverWorld({ isAdmin: false });
      await expect(world.admin[name](adminRequest({ id: 'cred-1' }))).resolves.toEqual({
        ok: false,
        error: { code: 'NOT_ADMIN', message: 'Only Jira administrators can change Issue Mailer settings.' },
      });
      expect(world.kv.count()).toBe(0);
    },
  );

  it('getAuthorizationSetup answers the web trigger URL to register and the delegated scopes', async () => {
    const world = resolverWorld();
    await expect(world.admin.getAuthorizationSetup(adminRequest({}))).resolves.toEqual({
      ok: true,
      data: { redirectUri: OAUTH_CALLBACK_URL, scopes: ['Mail.Send', 'Mail.ReadWrite', 'User.Read', 'offline_access'] },
    });
  });

  it('beginAuthorization answers the sign-in URL and keeps a one-time state bound to the calling admin', async () => {
    const world = resolverWorld();
    await world.admin.saveCredential(adminRequest(authorizationCodeInput()));
    const answer = await world.admin.beginAuthorization(adminRequest({ id: 'cred-1' }));
    if (!answer.ok) throw new Error(answer.error.code);
    expect(answer.data.expiresAt).toBe(new Date(NOW + 10 * 60 * 1000).toISOString());
    const url = new URL(answer.data.url);
    expect(`${url.origin}${url.pathname}`).toBe(AUTHORIZE_ENDPOINT);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toEqual({
      client_id: '11111111-2222-3333-4444-555555555555',
      response_type: 'code',
      redirect_uri: OAUTH_CALLBACK_URL,
      response_mode: 'query',
      scope: 'Mail.Send Mail.ReadWrite User.Read offline_access',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge_method: 'S256',
      prompt: 'select_account',
      login_hint: 'support@contoso.com',
    });
    const pending = await createAuthorizationStateStore(world.kv).take(params['state'] ?? '', NOW);
    expect(pending).toMatchObject({ credentialId: 'cred-1', accountId: 'admin-1', redirectUri: OAUTH_CALLBACK_URL });
    expect(codeChallengeS256(pending.codeVerifier)).toBe(params['code_challenge']);
    expect(JSON.stringify(answer)).not.toContain(pending.codeVerifier);
  });

  it.each([
    [
      'a client credentials credential',
      'cred-1',
      'OAUTH_NOT_AUTHORIZATION_CODE',
      'This credential does not use the authorization code grant, so no mailbox signs in to it. Choose the grant type "Authorization code" and save the credential first.',
    ],
    ['an unknown credential', 'cred-9', 'CREDENTIAL_NOT_FOUND', 'That credential no longer exists. Reload the page.'],
  ])('beginAuthorization refuses %s and starts no sign-in', async (_label, id, code, message) => {
    const world = await configuredWorld();
    await expect(world.admin.beginAuthorization(adminRequest({ id }))).resolves.toEqual({
      ok: false,
      error: { code, message },
    });
    expect([...world.kv.secrets.keys()].filter((key) => key.startsWith('authorization-state:'))).toEqual([]);
  });

  it('beginAuthorization refuses a payload without a credential id', async () => {
    const world = resolverWorld();
    await expect(world.admin.beginAuthorization(adminRequest({ id: 'Bad Id' }))).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });
});

import { credentialInputSchema } from '../../../src/contract/credentials';
import type { CompleteAuthorizationDeps } from '../../../src/credentials/authorization/complete-authorization';
import { createCredentialService } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import type { WebTriggerResponse } from '../../../src/http/web-trigger-http';
import { answerOauthCallback } from '../../../src/messages/oauth-callback-answer';
import { createAuthorizationStateStore, STATE_LIFETIME_MS } from '../../../src/oauth/authorization-state';
import { createRefreshTokenStore } from '../../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../../src/oauth/token-cache';
import { whoSignedIn } from '../../../src/providers/sign-in';
import { authorizationCodeInput, parsedInput } from '../support/credentials';
import { fakeFetch, type FetchHandler, jsonResponse } from '../support/fake-fetch';
import { MemoryKvStore } from '../support/memory-kv-store';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const REDIRECT_URI = 'https://example.atlassian-dev.net/x1/callback';
const CODE = 'CODE-MARKER-0123456789';
const ACCESS_TOKEN = 'ACCESS-TOKEN-MARKER';
const REFRESH_TOKEN = 'REFRESH-TOKEN-MARKER';
const SCOPES =
  'https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/Mail.ReadWrite https://graph.microsoft.com/User.Read offline_access';

const tokenAnswer = (scope = SCOPES) =>
  jsonResponse(200, {
    token_type: 'Bearer',
    scope,
    expires_in: 3599,
    access_token: ACCESS_TOKEN,
    refresh_token: REFRESH_TOKEN,
  });
const me = (fields: Record<string, unknown> = {}) =>
  jsonResponse(200, {
    id: 'user-object-id',
    displayName: 'Contoso <Support>',
    mail: 'support@contoso.com',
    userPrincipalName: 'support@contoso.onmicrosoft.com',
    ...fields,
  });

/** The token endpoint, then Graph /me. */
const microsoft =
  (token: () => Response = () => tokenAnswer(), graph: () => Response = () => me()): FetchHandler =>
  (call) =>
    call.url.includes('/oauth2/v2.0/token') ? token() : graph();

const setup = async (handler: FetchHandler = microsoft(), name = 'Support mailbox') => {
  const kv = new MemoryKvStore();
  const clock = { now: NOW };
  const refreshTokens = createRefreshTokenStore(kv);
  const credentials = createCredentialService({
    store: createCredentialStore(kv),
    now: () => clock.now,
    newId: () => 'cred-1',
    refreshTokens,
  });
  const saved = await credentials.save(credentialInputSchema.parse(authorizationCodeInput({ name })));
  const states = createAuthorizationStateStore(kv);
  const { state } = await states.begin(
    { credentialId: saved.id, accountId: 'admin-1', redirectUri: REDIRECT_URI },
    NOW,
  );
  const { fetch, calls } = fakeFetch(handler);
  const deps: CompleteAuthorizationDeps = {
    states,
    credentials,
    refreshTokens,
    tokenCache: createTokenCache(kv),
    fetch,
    now: () => clock.now,
    env: {},
    whoSignedIn,
  };
  const answer = (query: Record<string, string[]>, method = 'GET'): Promise<WebTriggerResponse> =>
    answerOauthCallback({ method, queryParameters: query }, deps);
  return { kv, clock, credentials, refreshTokens, state, calls, answer };
};

const ENTITIES: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&amp;': '&',
};
const paragraphs = (answer: WebTriggerResponse): string[] =>
  [...(answer.body ?? '').matchAll(/<p>(.*?)<\/p>/g)].map((match) =>
    (match[1] ?? '').replace(/<[^>]+>/g, '').replace(/&(lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity] ?? entity),
  );

describe('the oauth-callback web trigger answer', () => {
  let warn: jest.SpyInstance;
  let error: jest.SpyInstance;
  const logged = (): string[] =>
    [...(warn.mock.calls as unknown[][]), ...(error.mock.calls as unknown[][])].map((call) =>
      call.map(String).join(' '),
    );
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    warn.mockRestore();
    error.mockRestore();
  });

  it('redeems the code with the verifier and redirect URI of the sign-in, asks /me, and escapes what it shows', async () => {
    const world = await setup(microsoft(), 'Ops & <Support>');
    const answer = await world.answer({ code: [CODE], state: [world.state], session_state: ['x'] });

    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('(credential Ops &amp; &lt;Support&gt;)');
    expect(paragraphs(answer)).toEqual([
      'Connected support@contoso.com to Issue Mailer (credential Ops & <Support>). You can close this window.',
    ]);
    const [token, graph] = world.calls;
    const form = new URLSearchParams(token?.body);
    expect(Object.fromEntries(form)).toMatchObject({
      grant_type: 'authorization_code',
      code: CODE,
      redirect_uri: REDIRECT_URI,
      client_id: '11111111-2222-3333-4444-555555555555',
      client_secret: 'SECRET-MARKER-abc',
    });
    expect(form.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(graph?.url).toBe('https://graph.microsoft.com/v1.0/me?$select=id,displayName,mail,userPrincipalName');
    expect(graph?.headers['authorization']).toBe(`Bearer ${ACCESS_TOKEN}`);
    expect(world.calls).toHaveLength(2);
    expect(await world.credentials.get('cred-1')).toMatchObject({
      senderMailbox: 'support@contoso.com',
      authorization: {
        mailbox: 'support@contoso.com',
        userId: 'user-object-id',
        displayName: 'Contoso <Support>',
        authorizedAt: '2026-03-02T10:00:00.000Z',
      },
    });
    expect(await world.refreshTokens.read('cred-1')).toBe(REFRESH_TOKEN);
    expect(world.kv.secrets.has('token-cache:cred-1')).toBe(false);
    expect(logged()).toEqual([]);
  });

  it('takes the user principal name when the user has no mail address', async () => {
    const world = await setup(microsoft(undefined, () => me({ mail: null, displayName: null })));
    expect(paragraphs(await world.answer({ code: [CODE], state: [world.state] }))[0]).toContain(
      'Connected support@contoso.onmicrosoft.com to',
    );
    expect((await world.credentials.get('cred-1')).authorization).toEqual({
      mailbox: 'support@contoso.onmicrosoft.com',
      userId: 'user-object-id',
      authorizedAt: '2026-03-02T10:00:00.000Z',
    });
  });

  const START_AGAIN = 'Start again with Authorize on the credential in Issue Mailer.';

  it.each<[string, (state: string) => Record<string, string[]>, string, string, number]>([
    [
      'no code',
      (state) => ({ state: [state] }),
      'OAUTH_CALLBACK_INVALID',
      `This page was opened without Microsoft's answer to a sign-in, so nothing was connected. ${START_AGAIN}`,
      0,
    ],
    [
      'no state',
      () => ({ code: [CODE] }),
      'OAUTH_CALLBACK_INVALID',
      `This page was opened without Microsoft's answer to a sign-in, so nothing was connected. ${START_AGAIN}`,
      0,
    ],
    [
      'a repeated state',
      (state) => ({ code: [CODE], state: [state, state] }),
      'OAUTH_CALLBACK_INVALID',
      `This page was opened without Microsoft's answer to a sign-in, so nothing was connected. ${START_AGAIN}`,
      0,
    ],
    [
      'another error at /authorize',
      (state) => ({
        error: ['server_error'],
        error_description: [`AADSTS90033: <b>A transient error</b> ${CODE}`],
        state: [state],
      }),
      'OAUTH_SIGN_IN_FAILED',
      `Microsoft ended the sign-in with an error (server_error, AADSTS90033), so no mailbox was connected. ${START_AGAIN}`,
      0,
    ],
    [
      'an error that is no OAuth code',
      (state) => ({ error: ['<script>'], state: [state] }),
      'OAUTH_SIGN_IN_FAILED',
      `Microsoft ended the sign-in with an error, so no mailbox was connected. ${START_AGAIN}`,
      0,
    ],
    [
      'a cancelled sign-in',
      (state) => ({ error: ['access_denied'], error_description: ['the user canceled'], state: [state] }),
      'OAUTH_SIGN_IN_CANCELLED',
      `The sign-in was cancelled, or the permissions were not accepted, so no mailbox was connected. ${START_AGAIN} Sign in with the mailbox Issue Mailer should send as and accept the permissions.`,
      0,
    ],
  ])('refuses %s with a 400 page', async (_label, query, code, message, fetches) => {
    const world = await setup();
    const answer = await world.answer(query(world.state));
    expect(answer.statusCode).toBe(400);
    expect(paragraphs(answer)).toEqual([message, `Code: ${code}`]);
    expect(world.calls).toHaveLength(fetches);
    expect(logged()).toEqual([
      expect.stringMatching(new RegExp(`^\\[issue-mailer\\] oauth-callback refused: ${code}`)),
    ]);
    expect(answer.body).not.toContain(CODE);
    expect(answer.body).not.toContain(world.state);
  });

  it('refuses a sign-in finished after 10 minutes, without asking Microsoft', async () => {
    const world = await setup();
    world.clock.now = NOW + STATE_LIFETIME_MS;
    const answer = await world.answer({ code: [CODE], state: [world.state] });
    expect(paragraphs(answer)).toEqual([
      'The sign-in took longer than 10 minutes. Start again with Authorize on the credential and finish within 10 minutes.',
      'Code: OAUTH_STATE_EXPIRED',
    ]);
    expect(world.calls).toEqual([]);
  });

  it('refuses when the credential was deleted, or no longer uses the grant, while the admin signed in', async () => {
    const gone = await setup();
    await gone.credentials.remove('cred-1');
    expect(paragraphs(await gone.answer({ code: [CODE], state: [gone.state] }))).toEqual([
      'The credential was deleted while you signed in, so nothing was saved. Add it again, then authorize it.',
      'Code: OAUTH_CREDENTIAL_GONE',
    ]);
    const switched = await setup();
    await switched.credentials.save({ ...parsedInput(), id: 'cred-1' });
    expect(paragraphs(await switched.answer({ code: [CODE], state: [switched.state] }))).toEqual([
      'This credential does not use the authorization code grant, so no mailbox signs in to it. Choose the grant type "Authorization code" and save the credential first.',
      'Code: OAUTH_NOT_AUTHORIZATION_CODE',
    ]);
    expect([...gone.calls, ...switched.calls]).toEqual([]);
  });

  it('refuses a sign-in that granted too little, and stores nothing', async () => {
    const world = await setup(microsoft(() => tokenAnswer('https://graph.microsoft.com/User.Read offline_access')));
    const answer = await world.answer({ code: [CODE], state: [world.state] });
    expect(paragraphs(answer)[1]).toBe('Code: OAUTH_CONSENT_REQUIRED');
    expect(await world.refreshTokens.read('cred-1')).toBeUndefined();
    expect(world.calls).toHaveLength(1);
  });

  it('answers a 500 page with no detail for anything unforeseen, logged by name only', async () => {
    const world = await setup();
    world.kv.failNext('getSecret', new Error(`storage down ${CODE}`));
    const answer = await world.answer({ code: [CODE], state: [world.state] });
    expect(answer.statusCode).toBe(500);
    expect(paragraphs(answer)).toEqual([
      'Something went wrong while connecting the mailbox. Close this window and try Authorize again; if it keeps happening, contact your Jira admin.',
    ]);
    expect(logged()).toEqual(['[issue-mailer] oauth-callback failed: Error']);
    expect(world.calls).toEqual([]);
  });

  it("says so when Microsoft cannot be reached, in the token family's words", async () => {
    const world = await setup(() => {
      throw new TypeError(`fetch failed ${CODE}`);
    });
    const answer = await world.answer({ code: [CODE], state: [world.state] });
    expect(answer.statusCode).toBe(400);
    expect(paragraphs(answer)[1]).toBe('Code: TOKEN_ENDPOINT_UNREACHABLE');
    expect(logged().join('\n')).not.toContain(CODE);
  });

  it('takes only a GET', async () => {
    const world = await setup();
    const answer = await world.answer({ code: [CODE], state: [world.state] }, 'POST');
    expect(answer.statusCode).toBe(405);
    expect(answer.headers?.['Allow']).toEqual(['GET']);
    expect(world.calls).toEqual([]);
  });
});

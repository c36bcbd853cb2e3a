import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { EmulatedApp } from '../../local/microsoft';
import { beginAuthorization } from '../../src/credentials/authorization/begin-authorization';
import type { CompleteAuthorizationDeps } from '../../src/credentials/authorization/complete-authorization';
import { createCredentialService } from '../../src/credentials/credential-service';
import { createCredentialStore } from '../../src/credentials/credential-store';
import type { WebTriggerResponse } from '../../src/http/web-trigger-http';
import { answerOauthCallback } from '../../src/messages/oauth-callback-answer';
import { createAuthorizationStateStore } from '../../src/oauth/authorization-state';
import { createRefreshTokenStore } from '../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../src/oauth/token-cache';
import { whoSignedIn } from '../../src/providers/sign-in';
import {
  authorizeUrl,
  postAuthorize,
  REDIRECT_URI,
  SALES,
  sessionCookie,
  signInForCode,
  startCodeDemo,
  SUPPORT,
} from '../local/microsoft/auth-code-helpers';
import { type Demo, DEMO_CERTIFICATE, validSecret } from '../local/microsoft/helpers';
import { MemoryKvStore } from '../unit/support/memory-kv-store';

/*
 * The oauth-callback web trigger's use case against the Microsoft emulator: Authorize builds the sign-in URL, the
 * "browser" signs in on the emulator's pages, and the redirect's query goes to the web trigger's answer, as Forge
 * would hand it over (https://developer.atlassian.com/platform/forge/events-reference/web-trigger/).
 */

const ENV = { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' };
const ADMIN = 'admin-account-1';
const SUPPORT_ID = '8c6e4a2f-0d1b-4e3c-9a5f-7b8d2e1c4f63';

/** The app proves itself with its client secret, or with an assertion its certificate's key signs. */
const proofOf = (demo: Demo, method: 'client_secret' | 'certificate') =>
  method === 'client_secret'
    ? { clientAuthMethod: method, clientSecret: validSecret(demo.app) }
    : {
        clientAuthMethod: method,
        certificatePem: readFileSync(DEMO_CERTIFICATE.certificateFile, 'utf8'),
        privateKeyPem: readFileSync(DEMO_CERTIFICATE.privateKeyFile, 'utf8'),
      };

const setup = async (demo: Demo, method: 'client_secret' | 'certificate' = 'client_secret') => {
  const kv = new MemoryKvStore();
  const refreshTokens = createRefreshTokenStore(kv);
  const credentials = createCredentialService({
    store: createCredentialStore(kv),
    now: () => demo.clock.now().getTime(),
    env: ENV,
    refreshTokens,
  });
  const states = createAuthorizationStateStore(kv);
  const saved = await credentials.save({
    name: 'Support mailbox',
    provider: 'microsoft365',
    grantType: 'authorization_code',
    clientId: demo.app.clientId,
    ...proofOf(demo, method),
    tokenEndpoint: demo.tokenUrl,
    authorizationEndpoint: authorizeUrl(demo),
    scope: '',
    senderMailbox: SUPPORT.upn,
    graphBaseUrl: `${demo.emulator.graphBaseUrl}/v1.0`,
  });
  const deps: CompleteAuthorizationDeps = {
    states,
    credentials,
    refreshTokens,
    tokenCache: createTokenCache(kv),
    fetch: (input, init) => fetch(input, init),
    now: () => demo.clock.now().getTime(),
    env: ENV,
    whoSignedIn,
  };
  /** Authorize pressed: the sign-in URL's parameters, as the admin's browser opens them. */
  const begin = async (): Promise<Record<string, string>> => {
    const { url } = await beginAuthorization(saved.id, ADMIN, {
      credentials,
      authorization: { redirectUri: async () => REDIRECT_URI, states },
      now: deps.now,
      env: ENV,
    });
    expect(url.startsWith(`${authorizeUrl(demo)}?`)).toBe(true);
    return Object.fromEntries(new URL(url).searchParams);
  };
  const callback = (query: URLSearchParams): Promise<WebTriggerResponse> => {
    const queryParameters: Record<string, string[]> = {};
    for (const [name, value] of query) (queryParameters[name] ??= []).push(value);
    return answerOauthCallback({ method: 'GET', queryParameters }, deps);
  };
  return { kv, credentials, refreshTokens, saved, begin, callback };
};

const ENTITIES: Readonly<Record<string, string>> = {
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&amp;': '&',
};

/** The page's visible text as a browser shows it: tags dropped, entities decoded. */
const textOf = (answer: WebTriggerResponse): string =>
  (answer.body ?? '')
    .replace(/<style>[^<]*<\/style>/, '')
    .replace(/<script>[^<]*<\/script>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();

describe('oauth-callback against the Microsoft emulator', () => {
  let demo: Demo;
  let warn: jest.SpyInstance;
  let error: jest.SpyInstance;
  const logged = (): string[] =>
    [...(warn.mock.calls as unknown[][]), ...(error.mock.calls as unknown[][])].map((call) =>
      call.map(String).join(' '),
    );

  beforeEach(async () => {
    demo = await startCodeDemo();
    warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    warn.mockRestore();
    error.mockRestore();
    await demo.emulator.close();
  });

  /** Nothing of the sign-in's secrets in the page or the log. */
  const expectNothingSecret = (answer: WebTriggerResponse, secrets: readonly string[]) => {
    for (const secret of [...secrets, validSecret(demo.app)]) {
      expect(answer.body).not.toContain(secret);
      for (const line of logged()) expect(line).not.toContain(secret);
    }
  };

  it('connects the signed-in mailbox: the page names it, the credential shows it, the refresh token is stored', async () => {
    const world = await setup(demo);
    const params = await world.begin();
    expect(params).toMatchObject({ login_hint: SUPPORT.upn, response_mode: 'query', code_challenge_method: 'S256' });
    const { redirect, code } = await signInForCode(demo, params);

    const answer = await world.callback(redirect);

    expect(answer.statusCode).toBe(200);
    expect(answer.headers).toMatchObject({
      'Content-Type': ['text/html; charset=utf-8'],
      'X-Content-Type-Options': ['nosniff'],
      'Referrer-Policy': ['no-referrer'],
      'Cache-Control': ['no-store'],
    });
    expect(answer.headers?.['Content-Security-Policy']?.[0]).toMatch(/^default-src 'none'; style-src 'sha256-/);
    expect(textOf(answer)).toBe(
      'Mailbox connected Mailbox connected Connected support@contoso.onmicrosoft.com to Issue Mailer (credential Support mailbox). You can close this window.',
    );
    // The window closes itself after a moment; the policy lets exactly that script run.
    const script = 'setTimeout(function(){window.close()},3000);';
    expect(answer.body).toContain(`<script>${script}</script>`);
    const scriptHash = createHash('sha256').update(script).digest('base64');
    expect(answer.headers?.['Content-Security-Policy']?.[0]).toContain(`script-src 'sha256-${scriptHash}'`);
    const [view] = await world.credentials.list();
    expect(view?.authorization).toEqual({
      mailbox: SUPPORT.upn,
      displayName: 'Contoso Support',
      authorizedAt: '2030-06-01T12:00:00.000Z',
      lastUsedAt: '2030-06-01T12:00:00.000Z',
    });
    expect(view?.senderMailbox).toBe(SUPPORT.upn);
    expect((await world.credentials.get(world.saved.id)).authorization?.userId).toBe(SUPPORT_ID);
    const refreshToken = await world.refreshTokens.read(world.saved.id);
    expect(refreshToken).toEqual(expect.any(String));
    expect(world.kv.plainText()).not.toContain(refreshToken);
    expectNothingSecret(answer, [code, params['state'] ?? '', refreshToken ?? '']);
    expect(logged()).toEqual([]);
  });

  it('redeems the code with a client assertion for a certificate credential', async () => {
    const world = await setup(demo, 'certificate');
    const { redirect } = await signInForCode(demo, await world.begin());
    const answer = await world.callback(redirect);
    expect(answer.statusCode).toBe(200);
    expect(textOf(answer)).toContain(`Connected ${SUPPORT.upn} to Issue Mailer (credential Support mailbox).`);
    expect(await world.refreshTokens.read(world.saved.id)).toEqual(expect.any(String));
    expect(answer.body).not.toContain('PRIVATE KEY');
  });

  it('connects whoever signed in (another mailbox than the hint), and makes it the sender', async () => {
    const world = await setup(demo);
    const { redirect } = await signInForCode(demo, await world.begin(), SALES);
    const answer = await world.callback(redirect);
    expect(answer.statusCode).toBe(200);
    expect(textOf(answer)).toContain('Connected sales@contoso.onmicrosoft.com to Issue Mailer');
    expect((await world.credentials.get(world.saved.id)).senderMailbox).toBe(SALES.upn);
  });

  const REFUSED = 'Mailbox not connected Mailbox not connected';

  it('refuses a wrong state, and keeps the code unredeemed and nothing stored', async () => {
    const world = await setup(demo);
    const { redirect, code } = await signInForCode(demo, await world.begin());
    redirect.set('state', 'A'.repeat(43));
    const answer = await world.callback(redirect);
    expect(answer.statusCode).toBe(400);
    expect(textOf(answer)).toBe(
      `${REFUSED} This sign-in does not match one started from Issue Mailer, or it was finished already. Start again with Authorize on the credential. Code: OAUTH_STATE_UNKNOWN`,
    );
    // A refusal stays open for the admin to read.
    expect(answer.body).not.toContain('<script');
    expect(await world.refreshTokens.read(world.saved.id)).toBeUndefined();
    expect((await world.credentials.get(world.saved.id)).authorization).toBeUndefined();
    expect(logged()).toEqual(['[issue-mailer] oauth-callback refused: OAUTH_STATE_UNKNOWN']);
    expectNothingSecret(answer, [code]);
  });

  it('refuses the same callback replayed: its state was used', async () => {
    const world = await setup(demo);
    const { redirect, code } = await signInForCode(demo, await world.begin());
    expect((await world.callback(redirect)).statusCode).toBe(200);
    const stored = await world.refreshTokens.read(world.saved.id);

    const replay = await world.callback(redirect);
    expect(replay.statusCode).toBe(400);
    expect(textOf(replay)).toContain('Code: OAUTH_STATE_UNKNOWN');
    expect(await world.refreshTokens.read(world.saved.id)).toBe(stored);
    expect(logged()).toEqual(['[issue-mailer] oauth-callback refused: OAUTH_STATE_UNKNOWN']);
    expectNothingSecret(replay, [code]);
  });

  it('refuses a code replayed under a fresh state: Microsoft says it was redeemed (AADSTS54005)', async () => {
    const world = await setup(demo);
    const first = await signInForCode(demo, await world.begin());
    expect((await world.callback(first.redirect)).statusCode).toBe(200);
    const fresh = await world.begin();

    const answer = await world.callback(new URLSearchParams({ code: first.code, state: fresh['state'] ?? '' }));
    expect(answer.statusCode).toBe(400);
    expect(textOf(answer)).toBe(
      `${REFUSED} Microsoft says this sign-in was already used (AADSTS54005). Open the credential and choose Authorize again, then sign in with the mailbox Issue Mailer should send as. Code: OAUTH_CODE_REDEEMED`,
    );
    expect(logged()).toHaveLength(1);
    expect(logged()[0]).toMatch(
      /^\[issue-mailer\] oauth-callback refused: OAUTH_CODE_REDEEMED status=400 aadsts=54005 traceId=[0-9a-f-]{36} correlationId=[0-9a-f-]{36}$/,
    );
    expectNothingSecret(answer, [first.code, fresh['state'] ?? '']);
  });

  it('refuses a code issued to another app: Microsoft will not redeem it for this client', async () => {
    const world = await setup(demo);
    const params = await world.begin();
    const other: EmulatedApp = demo.unconsentedApp;
    const { redirect, code } = await signInForCode(demo, { ...params, client_id: other.clientId });

    const answer = await world.callback(redirect);
    expect(answer.statusCode).toBe(400);
    expect(textOf(answer)).toBe(
      `${REFUSED} Microsoft refused to finish the sign-in (AADSTS70000). Check that the redirect URI registered under Microsoft Entra admin center > App registrations > your app > Authentication (platform Web) is exactly the one shown on the credential, and that the client ID is this app's. Open the credential and choose Authorize again, then sign in with the mailbox Issue Mailer should send as. Code: OAUTH_CODE_INVALID`,
    );
    expect(answer.body).toContain('admin center &gt; App registrations');
    expect(await world.refreshTokens.read(world.saved.id)).toBeUndefined();
    expectNothingSecret(answer, [code]);
  });

  it('says a cancelled sign-in (consent declined) connected nothing, and spends its state', async () => {
    const world = await setup(demo);
    const params = await world.begin();
    const signIn = await postAuthorize(demo, params, { step: 'signin', login: SUPPORT.upn, passwd: SUPPORT.password });
    expect(signIn.status).toBe(200);
    const declined = await postAuthorize(demo, params, { step: 'consent', decision: 'decline' }, sessionCookie(signIn));
    const redirect = new URL(declined.headers.get('location') ?? '').searchParams;
    expect(redirect.get('error')).toBe('access_denied');

    const answer = await world.callback(redirect);
    expect(answer.statusCode).toBe(400);
    expect(textOf(answer)).toBe(
      `${REFUSED} The sign-in was cancelled, or the permissions were not accepted, so no mailbox was connected. Start again with Authorize on the credential in Issue Mailer. Sign in with the mailbox Issue Mailer should send as and accept the permissions. Code: OAUTH_SIGN_IN_CANCELLED`,
    );
    expect(answer.body).not.toContain('declined to consent');
    expect(logged()).toEqual(['[issue-mailer] oauth-callback refused: OAUTH_SIGN_IN_CANCELLED aadsts=65004']);
    // The state is spent: its callback with a code would now be refused.
    const late = await world.callback(new URLSearchParams({ code: 'x', state: params['state'] ?? '' }));
    expect(textOf(late)).toContain('Code: OAUTH_STATE_UNKNOWN');
  });
});

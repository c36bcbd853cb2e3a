import {
  authorizeParams,
  authorizeUrl,
  getAuthorize,
  newPkce,
  postAuthorize,
  REDIRECT_URI,
  redirectParams,
  SALES,
  sessionCookie,
  signInForCode,
  startCodeDemo,
  SUPPORT,
} from './auth-code-helpers';
import type { Demo } from './helpers';

const APP_ID = '3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60';
const pkce = newPkce();

/** The AADSTS line of the error page, unescaped. */
const pageError = async (response: Response): Promise<string> => {
  const text = await response.text();
  const match = /<p data-testid="aadsts-error">([^<]*)<\/p>/.exec(text);
  return (match?.[1] ?? '')
    .replace(/&#39;/g, "'")
    .replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code)));
};

describe('Microsoft emulator /authorize', () => {
  let demo: Demo;
  beforeEach(async () => {
    demo = await startCodeDemo();
  });
  afterEach(() => demo.emulator.close());

  it.each([
    [
      'no client_id',
      { client_id: undefined },
      "AADSTS900144: The request body must contain the following parameter: 'client_id'.",
    ],
    [
      'an unknown client_id',
      { client_id: '11111111-2222-4333-8444-555555555555' },
      "AADSTS700016: Application with identifier '11111111-2222-4333-8444-555555555555' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.",
    ],
    ['no redirect_uri', { redirect_uri: undefined }, 'AADSTS900971: No reply address provided.'],
    [
      'an unregistered redirect_uri',
      { redirect_uri: 'https://evil.example/callback' },
      `AADSTS50011: The redirect URI 'https://evil.example/callback' specified in the request does not match the redirect URIs configured for the application '${APP_ID}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
    ],
    [
      'a redirect_uri differing in case',
      { redirect_uri: REDIRECT_URI.toUpperCase().replace('HTTPS', 'https') },
      `AADSTS50011: The redirect URI '${REDIRECT_URI.toUpperCase().replace('HTTPS', 'https')}' specified in the request does not match the redirect URIs configured for the application '${APP_ID}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
    ],
  ])('shows %s on an error page and never redirects', async (_what, overrides, text) => {
    const response = await getAuthorize(demo, authorizeParams(demo, pkce, overrides));
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await pageError(response)).toBe(text);
  });

  it('shows AADSTS500113 for an app without redirect URIs', async () => {
    const app = demo.tenant.apps[2];
    const response = await getAuthorize(demo, authorizeParams(demo, pkce, { client_id: app?.clientId }));
    expect(await pageError(response)).toBe('AADSTS500113: No reply address is registered for the application.');
  });

  it.each([
    [
      'no response_type',
      { response_type: undefined },
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'response_type'.",
    ],
    [
      'response_type token',
      { response_type: 'token' },
      'unsupported_response_type',
      700054,
      "response_type 'token' is not enabled for the application.",
    ],
    [
      'no scope',
      { scope: undefined },
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'scope'.",
    ],
    [
      'an unknown scope',
      { scope: 'Mail.Send Files.Everything' },
      'invalid_scope',
      70011,
      "The provided value for the input parameter 'scope' is not valid. The scope Mail.Send Files.Everything is not valid.",
    ],
    [
      'code_challenge_method S512',
      { code_challenge_method: 'S512' },
      'invalid_request',
      50149,
      'Invalid Code_Challenge_method parameter.',
    ],
    [
      'a short code_challenge',
      { code_challenge: 'abc' },
      'invalid_request',
      501491,
      'InvalidCodeChallengeMethodInvalidSize - Invalid size of Code_Challenge parameter.',
    ],
  ])('redirects %s back as an error with the state', async (_what, overrides, error, code, text) => {
    const response = await getAuthorize(demo, authorizeParams(demo, pkce, overrides));
    const params = redirectParams(response);
    expect([...params.keys()]).toEqual(['error', 'error_description', 'error_uri', 'state']);
    expect(params.get('error')).toBe(error);
    expect(params.get('error_description')?.split('\r\n')[0]).toBe(`AADSTS${code}: ${text}`);
    expect(params.get('error_uri')).toBe(`https://login.microsoftonline.com/error?code=${code}`);
    expect(params.get('state')).toBe('state-123');
  });

  it('shows the sign-in page (accounts with a demo password, login_hint preselected), escaping what it echoes', async () => {
    const response = await getAuthorize(
      demo,
      authorizeParams(demo, pkce, { login_hint: SALES.upn, state: '"><script>alert(1)</script>' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https://issue-mailer.example; base-uri 'none'; frame-ancestors 'none'",
    );
    const page = await response.text();
    expect(page).toContain('<h1>Pick an account</h1>');
    expect([...page.matchAll(/name="login" value="([^"]+)"/g)].map((match) => match[1])).toEqual([
      SUPPORT.upn,
      'noreply@contoso.onmicrosoft.com',
      SALES.upn,
    ]);
    expect(page).toContain(`value="${SALES.upn}" checked`);
    expect(page).toContain('name="state" value="&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
    expect(page).not.toContain('<script>');
  });

  it.each([
    [
      'a wrong password',
      { login: SUPPORT.upn, passwd: 'guess' },
      "Your account or password is incorrect. If you don't remember your password, reset it now.",
    ],
    [
      'an unknown account',
      { login: 'MeganB@contoso.onmicrosoft.com', passwd: 'x' },
      'This username may be incorrect. Make sure you typed it correctly. Otherwise, contact your admin.',
    ],
  ])('keeps the sign-in page with an error for %s, without a session', async (_what, form, message) => {
    const response = await postAuthorize(demo, authorizeParams(demo, pkce), { step: 'signin', ...form });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toContain(
      `<p class="error" role="alert" data-testid="sign-in-error">${message.replace("'", '&#39;')}</p>`,
    );
  });

  it('asks for consent listing the requested scopes, then redirects with code and state; later sign-ins skip consent', async () => {
    const params = authorizeParams(demo, pkce);
    const signIn = await postAuthorize(demo, params, { step: 'signin', login: SUPPORT.upn, passwd: SUPPORT.password });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.get('set-cookie')).toMatch(/^ESTSAUTH=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const consent = await signIn.text();
    expect(consent).toContain('<h1>Permissions requested</h1>');
    expect(
      [...consent.matchAll(/<li data-scope="([^"]+)">([^<]+)<\/li>/g)].map((match) => [match[1], match[2]]),
    ).toEqual([
      ['User.Read', 'Sign you in and read your profile'],
      ['Mail.Send', 'Send mail as you'],
      ['Mail.ReadWrite', 'Read and write access to your mail'],
      ['offline_access', 'Maintain access to data you have given it access to'],
    ]);
    const accepted = await postAuthorize(demo, params, { step: 'consent', decision: 'accept' }, sessionCookie(signIn));
    const redirect = redirectParams(accepted);
    expect([...redirect.keys()]).toEqual(['code', 'state', 'session_state']);

    // The session cookie signs the browser in: no page at all the next time.
    const silent = await getAuthorize(demo, params, sessionCookie(signIn));
    expect([...redirectParams(silent).keys()]).toEqual(['code', 'state', 'session_state']);
    // prompt=consent asks again; prompt=login shows the sign-in page despite the session.
    expect(await (await getAuthorize(demo, { ...params, prompt: 'consent' }, sessionCookie(signIn))).text()).toContain(
      'Permissions requested',
    );
    expect(await (await getAuthorize(demo, { ...params, prompt: 'login' }, sessionCookie(signIn))).text()).toContain(
      'Pick an account',
    );
  });

  it('sends Cancel on the consent page back as access_denied AADSTS65004 with the state', async () => {
    const params = authorizeParams(demo, pkce);
    const signIn = await postAuthorize(demo, params, { step: 'signin', login: SUPPORT.upn, passwd: SUPPORT.password });
    const cancelled = redirectParams(
      await postAuthorize(demo, params, { step: 'consent', decision: 'cancel' }, sessionCookie(signIn)),
    );
    expect(cancelled.get('error')).toBe('access_denied');
    expect(cancelled.get('error_subcode')).toBe('cancel');
    expect(cancelled.get('error_description')?.split('\r\n')[0]).toBe(
      'AADSTS65004: User declined to consent to access the app.',
    );
    expect(cancelled.get('state')).toBe('state-123');
    expect(cancelled.get('code')).toBeNull();
  });

  it('answers prompt=none with login_required without a session and consent_required before consent', async () => {
    const params = authorizeParams(demo, pkce, { prompt: 'none' });
    expect(redirectParams(await getAuthorize(demo, params)).get('error')).toBe('login_required');
    const signIn = await postAuthorize(demo, params, { step: 'signin', login: SALES.upn, passwd: SALES.password });
    expect(redirectParams(await getAuthorize(demo, params, sessionCookie(signIn))).get('error')).toBe(
      'consent_required',
    );
  });

  it('ends browser sessions on revokeSignInSessions: the next authorize shows the sign-in page', async () => {
    const { cookie } = await signInForCode(demo, authorizeParams(demo, pkce));
    demo.emulator.revokeSignInSessions(SUPPORT.upn);
    expect(await (await getAuthorize(demo, authorizeParams(demo, pkce), cookie)).text()).toContain('Pick an account');
  });

  it('puts the answer in the fragment for response_mode=fragment and posts it for form_post', async () => {
    const fragment = await signInForCode(demo, authorizeParams(demo, pkce, { response_mode: 'fragment' }));
    expect(fragment.redirect.get('state')).toBe('state-123');

    const params = authorizeParams(demo, pkce, { response_mode: 'form_post' });
    const posted = await postAuthorize(
      demo,
      params,
      { step: 'signin', login: SUPPORT.upn, passwd: SUPPORT.password },
      fragment.cookie,
    );
    expect(posted.status).toBe(200);
    expect(posted.headers.get('content-security-policy')).toMatch(
      /script-src 'nonce-[A-Za-z0-9_-]{22}'; form-action 'self' https:\/\/issue-mailer\.example;/,
    );
    const page = await posted.text();
    expect(page).toContain(`<form method="post" action="${REDIRECT_URI}" id="form-post">`);
    expect([...page.matchAll(/<input type="hidden" name="([^"]+)"/g)].map((match) => match[1])).toEqual([
      'code',
      'state',
      'session_state',
    ]);
  });

  it('accepts a loopback redirect URI on any port, and /organizations for the app’s directory', async () => {
    demo.emulator.addRedirectUri(demo.app.clientId, 'http://127.0.0.1/callback');
    const params = authorizeParams(demo, pkce, { redirect_uri: 'http://127.0.0.1:7777/callback' });
    const response = await fetch(`${authorizeUrl(demo, 'organizations')}?${new URLSearchParams(params).toString()}`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Pick an account');
  });

  it('refuses redirect URIs the portal would refuse', () => {
    expect(() => demo.emulator.addRedirectUri(demo.app.clientId, 'http://issue-mailer.example/cb')).toThrow(
      'a redirect URI must begin with https (http only for localhost or 127.0.0.1)',
    );
    expect(() => demo.emulator.addRedirectUri(demo.app.clientId, "https://issue-mailer.example/cb'(x)")).toThrow(
      "a redirect URI cannot contain ! $ ' ( ) , or ;",
    );
    expect(() => demo.emulator.addRedirectUri('11111111-2222-4333-8444-555555555555', REDIRECT_URI)).toThrow(
      "no app registration has the client id '11111111-2222-4333-8444-555555555555'",
    );
  });
});

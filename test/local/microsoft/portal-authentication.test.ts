import { delegatedTokens, REDIRECT_URI, refresh, SUPPORT } from './auth-code-helpers';
import { type Demo, startDemo } from './helpers';

const postForm = (url: string, form: Record<string, string>) =>
  fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });

describe('Microsoft emulator portal: redirect URIs, delegated permissions, revoke sessions', () => {
  let demo: Demo;
  beforeEach(async () => {
    demo = await startDemo();
  });
  afterEach(() => demo.emulator.close());

  const portal = async (): Promise<string> => (await fetch(`${demo.emulator.loginBaseUrl}/portal`)).text();
  const formAction = (html: string, suffix: string): string => {
    const match = new RegExp(`<form[^>]*action="([^"]*${suffix})"`).exec(html);
    if (match?.[1] === undefined) throw new Error(`no form posting to …${suffix}`);
    return match[1];
  };

  it('adds a Web redirect URI through the Authentication form and lists it', async () => {
    const before = await portal();
    expect(before).toContain('<li class="muted">No redirect URIs have been added.</li>');
    const action = formAction(before, `/portal/apps/${demo.app.clientId}/redirect-uris`);
    const saved = await postForm(action, { redirectUri: REDIRECT_URI });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`${demo.emulator.loginBaseUrl}/portal#app-${demo.app.clientId}`);
    expect(await portal()).toContain(`<li><span class="value" data-testid="redirect-uri">${REDIRECT_URI}</span></li>`);
    expect(demo.emulator.config.tenants[0]?.apps[0]?.redirectUris).toEqual([REDIRECT_URI]);
  });

  it('refuses a redirect URI the portal refuses, saying why', async () => {
    const action = formAction(await portal(), `/portal/apps/${demo.app.clientId}/redirect-uris`);
    const refused = await postForm(action, { redirectUri: 'http://issue-mailer.example/callback' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(
      '<p class="note">a redirect URI must begin with https (http only for localhost or 127.0.0.1)</p>',
    );
  });

  it('lists the delegated permissions as not granted for the tenant', async () => {
    const html = await portal();
    expect(html).toContain('Configured permissions: Microsoft Graph (7)');
    expect(html).toContain(
      '<td>Mail.Send</td><td>Delegated</td><td>Send mail as you</td><td>No</td><td data-testid="permission-status"><span class="muted">Not granted: each user consents when signing in</span></td>',
    );
  });

  it('revokes a user’s sessions with the Revoke sessions button', async () => {
    demo.emulator.addRedirectUri(demo.app.clientId, REDIRECT_URI);
    const tokens = await delegatedTokens(demo);
    const action = formAction(await portal(), `/portal/users/${encodeURIComponent(SUPPORT.upn)}/revoke-sessions`);
    const revoked = await postForm(action, {});
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get('location')).toBe(`${demo.emulator.loginBaseUrl}/portal`);
    const answer = await refresh(demo, tokens.refresh_token ?? '');
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error_codes: number[] }).error_codes).toEqual([50173]);
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type LocalHost, startLocalHost } from '../../../../local/host';
import type {
  AuthorizationSetup,
  BegunAuthorizationView,
  CredentialView,
  ResolverResult,
} from '../../../../src/contract';

jest.setTimeout(60_000);

/*
 * Authorize end to end in the local host: the admin resolver's webTrigger.getUrl('oauth-callback') is a URL of the
 * host, the emulator's sign-in sends the browser there, and the GET runs the real `oauth-callback` function, whose
 * HTML page and headers the browser gets as the function answered them.
 */

let dataDir: string;
let host: LocalHost;
const logLines: string[] = [];
const SUPPORT = { upn: 'support@contoso.onmicrosoft.com', password: 'Support-Demo-2030' };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'local-host-oauth-'));
  host = await startLocalHost({ port: 0, dataDir, log: (line) => logLines.push(line) });
});

afterAll(async () => {
  await host?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const invoke = async <T>(functionKey: string, payload: unknown): Promise<T> => {
  const response = await fetch(`${host.url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: host.url },
    body: JSON.stringify({ moduleKey: 'issue-mailer-admin', functionKey, payload }),
  });
  const result = (await response.json()) as ResolverResult<T>;
  if (!result.ok) throw new Error(`${functionKey}: ${result.error.code} ${result.error.message}`);
  return result.data;
};

const form = (url: URL, fields: Record<string, string>, cookie?: string): Promise<Response> =>
  fetch(`${url.origin}${url.pathname}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie === undefined ? {} : { Cookie: cookie }),
    },
    body: new URLSearchParams({ ...Object.fromEntries(url.searchParams), ...fields }).toString(),
  });

describe('Authorize in the local host', () => {
  it("signs in on the emulator and ends on the oauth-callback function's page, served with its headers", async () => {
    const setup = await invoke<AuthorizationSetup>('getAuthorizationSetup', {});
    expect(setup.redirectUri).toBe(host.webTriggerUrl('oauth-callback'));
    expect(setup.redirectUri).toMatch(new RegExp(`^${host.url}/x1/[A-Za-z0-9_-]{20,}$`));

    const [demo] = await invoke<CredentialView[]>('listCredentials', {});
    if (demo === undefined) throw new Error('no demo credential');
    const tenant = host.microsoft.config.tenants[0];
    const app = tenant?.apps[0];
    host.microsoft.addRedirectUri(app?.clientId ?? '', setup.redirectUri);
    const saved = await invoke<CredentialView>('saveCredential', {
      name: 'Signed-in support',
      provider: 'microsoft365',
      grantType: 'authorization_code',
      clientAuthMethod: 'client_secret',
      clientId: demo.clientId,
      clientSecret: app?.secrets[0]?.value ?? '',
      tokenEndpoint: demo.tokenEndpoint,
      authorizationEndpoint: demo.tokenEndpoint.replace(/\/token$/, '/authorize'),
      scope: '',
      senderMailbox: SUPPORT.upn,
      graphBaseUrl: demo.graphBaseUrl,
    });

    const begun = await invoke<BegunAuthorizationView>('beginAuthorization', { id: saved.id });
    const signInUrl = new URL(begun.url);
    const signIn = await form(signInUrl, { step: 'signin', login: SUPPORT.upn, passwd: SUPPORT.password });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0];
    const done =
      signIn.status === 200 ? await form(signInUrl, { step: 'consent', decision: 'accept' }, cookie) : signIn;
    const location = done.headers.get('location') ?? '';
    expect(location.startsWith(`${setup.redirectUri}?`)).toBe(true);

    const page = await fetch(location);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'; /);
    const html = await page.text();
    expect(html).toContain(
      `Connected ${SUPPORT.upn} to Issue Mailer (credential Signed-in support). You can close this window.`,
    );
    const code = new URL(location).searchParams.get('code') ?? 'missing';
    expect(html).not.toContain(code);

    // The function's own log lines come through the host's worker output (console.error for stderr).
    const output = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const replay = await fetch(location);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('Code: OAUTH_STATE_UNKNOWN');
    const lines = output.mock.calls.map((call) => call.map(String).join(' '));
    output.mockRestore();
    expect(lines.filter((line) => line.includes('oauth-callback'))).toEqual([
      '[issue-mailer] oauth-callback refused: OAUTH_STATE_UNKNOWN',
    ]);
    expect(lines.join('\n')).not.toContain(code);

    const listed = await invoke<CredentialView[]>('listCredentials', {});
    expect(listed.find((credential) => credential.id === saved.id)?.authorization).toMatchObject({
      mailbox: SUPPORT.upn,
      displayName: 'Contoso Support',
    });
    expect(logLines.join('\n')).not.toContain(code);
  });
});

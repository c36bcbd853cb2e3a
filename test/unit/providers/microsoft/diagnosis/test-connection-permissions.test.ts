import { tokenFingerprint } from '../../../../../src/oauth/token-fingerprint';
import { SECRET } from '../../../support/credentials';
import { jsonResponse } from '../../../support/fake-fetch';
import { fixtureResponse, graphFixture, tokenFixture } from '../../../support/fixtures';
import {
  CLIENT_ID,
  INBOX_URL,
  NOW,
  SEND_URL,
  SENDER,
  setup,
  statuses,
  tokenWith,
  USER_URL,
} from './test-connection-fixtures';

describe('testConnection diagnosis', () => {
  it('passes every step: a fresh token, all permissions, the mailbox found and readable', async () => {
    const { kv, credentials, run, calls } = await setup();
    const result = await run();

    expect(result).toEqual({
      ok: true,
      code: 'OK',
      message: `Connected: mail can go out from ${SENDER}.`,
      testedAt: '2024-05-06T06:00:00.000Z',
      tested: 'saved',
      steps: [
        {
          key: 'token',
          status: 'passed',
          title: 'Token',
          message: `Got a token for ${CLIENT_ID}, with the client secret.`,
        },
        {
          key: 'permissions',
          status: 'passed',
          title: 'Permissions',
          message: 'The token carries User.Read.All, Mail.ReadWrite and Mail.Send.',
        },
        {
          key: 'mailbox',
          status: 'passed',
          title: 'Sender mailbox',
          message: `${SENDER} (Contoso Support) is an Exchange Online mailbox this app may use.`,
        },
      ],
      permissions: [
        { permission: 'User.Read.All', granted: true },
        { permission: 'Mail.ReadWrite', granted: true },
        { permission: 'Mail.Send', granted: true },
      ],
    });
    expect(calls.map((call) => [call.method, call.url])).toEqual([
      ['POST', 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token'],
      ['GET', USER_URL],
      ['GET', INBOX_URL],
    ]);
    expect(calls[1]?.headers['authorization']).toMatch(/^Bearer ey/);
    expect((await credentials.get('cred-1')).lastTest).toEqual(result);
    expect(kv.secrets.get('token-cache:cred-1')).toMatchObject({
      fingerprint: tokenFingerprint(await credentials.get('cred-1')),
    });
  });

  it('never uses the cached token', async () => {
    const { run, calls, tokenCache, credentials } = await setup();
    await tokenCache.put('cred-1', tokenFingerprint(await credentials.get('cred-1')), {
      accessToken: 'cached',
      expiresAt: NOW + 3_600_000,
    });
    await run();
    expect(calls.filter((call) => call.url.includes('/oauth2/'))).toHaveLength(1);
    expect(calls[1]?.headers['authorization']).not.toBe('Bearer cached');
  });

  it('stops after a refused token with the AADSTS guidance, and never shows the secret', async () => {
    const { run, calls, kv } = await setup({ token: () => fixtureResponse(tokenFixture('invalid_secret_7000215')) });
    const result = await run(true);

    expect(result.ok).toBe(false);
    expect(result.code).toBe('TOKEN_INVALID_CLIENT_SECRET');
    expect(result.message).toContain("Paste the secret's Value, not its Secret ID.");
    expect(result.steps?.[0]?.message).toBe(result.message);
    expect(statuses(result)).toEqual([
      ['token', 'failed', 'TOKEN_INVALID_CLIENT_SECRET'],
      ['permissions', 'skipped', null],
      ['mailbox', 'skipped', null],
      ['test-email', 'skipped', null],
    ]);
    expect(result).not.toHaveProperty('permissions');
    expect(calls).toHaveLength(1);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(kv.secrets.has('token-cache:cred-1')).toBe(false);
  });

  it("reports Microsoft's word on an expired secret, and calls the typed (still future) expiry date wrong", async () => {
    const { run } = await setup({ token: () => fixtureResponse(tokenFixture('expired_secret_7000222')) });
    const result = await run();
    expect(result.code).toBe('TOKEN_CLIENT_SECRET_EXPIRED');
    expect(result.message).toMatch(/^Microsoft says this secret has expired \(AADSTS7000222\)\. /);
    expect(result.message).toContain(
      ' The expiry date typed on the form for this credential is wrong: it says the secret is still valid.',
    );
    expect(result.message).not.toContain('2026-05-01');
  });

  it('explains missing admin consent: every permission missing, the button named, the mailbox not asked', async () => {
    const { run, calls } = await setup({ token: tokenWith({ aud: 'https://graph.microsoft.com' }) });
    const result = await run(true);

    expect(result).toMatchObject({
      ok: false,
      code: 'PERMISSIONS_NO_ADMIN_CONSENT',
      permissions: [
        { permission: 'User.Read.All', granted: false },
        { permission: 'Mail.ReadWrite', granted: false },
        { permission: 'Mail.Send', granted: false },
      ],
    });
    expect(result.message).toBe(
      'The token carries no application permissions: admin consent has not been granted. In Microsoft Entra admin ' +
        'center > App registrations > your app > API permissions, add the Microsoft Graph application permissions ' +
        'User.Read.All, Mail.ReadWrite and Mail.Send, then select "Grant admin consent for <your organization>".',
    );
    expect(statuses(result)).toEqual([
      ['token', 'passed', null],
      ['permissions', 'failed', 'PERMISSIONS_NO_ADMIN_CONSENT'],
      ['mailbox', 'skipped', null],
      ['test-email', 'skipped', null],
    ]);
    expect(result.steps?.[2]?.message).toBe(
      'Not checked: the token carries no application permissions, so Microsoft Graph refuses it for any mailbox. Grant admin consent, then test again.',
    );
    expect(calls).toHaveLength(1);
  });

  it('warns that the mailbox could not be looked into without Mail.ReadWrite', async () => {
    const { run } = await setup({
      token: tokenWith({ roles: ['Mail.Send'] }),
      user: () => fixtureResponse(graphFixture('directory_access_denied')),
      inbox: () => fixtureResponse(graphFixture('mail_access_denied')),
    });
    const result = await run();
    expect(result.ok).toBe(true);
    expect(statuses(result)).toEqual([
      ['token', 'passed', null],
      ['permissions', 'warning', 'PERMISSIONS_MISSING'],
      ['mailbox', 'warning', 'MAILBOX_READ_NOT_PERMITTED'],
    ]);
    expect(result.steps?.[2]?.message).toBe(
      `Could not look into ${SENDER}: the app lacks the Mail.ReadWrite application permission, so whether Exchange lets ` +
        'it use this mailbox is unknown. Grant Mail.ReadWrite with admin consent, or send a test email to check.',
    );
  });

  it('fails when Mail.Send is missing, and skips the test email', async () => {
    const { run, calls } = await setup({ token: tokenWith({ roles: ['User.Read.All', 'Mail.ReadWrite'] }) });
    const result = await run(true);
    expect(result.code).toBe('PERMISSION_MAIL_SEND_MISSING');
    expect(result.message).toMatch(/^The token lacks Mail\.Send, so no mail can go out\. In .+ add Mail\.Send as /);
    expect(statuses(result)).toEqual([
      ['token', 'passed', null],
      ['permissions', 'failed', 'PERMISSION_MAIL_SEND_MISSING'],
      ['mailbox', 'passed', null],
      ['test-email', 'skipped', null],
    ]);
    expect(calls.some((call) => call.url === SEND_URL)).toBe(false);
  });

  it('passes with a warning when only User.Read.All is missing: the mailbox read still tells', async () => {
    const { run } = await setup({
      token: tokenWith({ roles: ['Mail.ReadWrite', 'Mail.Send'] }),
      user: () => fixtureResponse(graphFixture('directory_access_denied')),
    });
    const result = await run();
    expect(result).toMatchObject({
      ok: true,
      code: 'OK',
      message: `Connected: mail can go out from ${SENDER}. Some checks need attention; see the checklist.`,
    });
    expect(statuses(result)).toEqual([
      ['token', 'passed', null],
      ['permissions', 'warning', 'PERMISSIONS_MISSING'],
      ['mailbox', 'passed', null],
    ]);
    expect(result.steps?.[2]?.message).toBe(`${SENDER} is an Exchange Online mailbox this app may use.`);
  });

  it('warns that the permissions cannot be read from an opaque token', async () => {
    const { run } = await setup({
      token: () => jsonResponse(200, { token_type: 'Bearer', expires_in: 3599, access_token: 'opaque' }),
    });
    const result = await run();
    expect(result.ok).toBe(true);
    expect(result).not.toHaveProperty('permissions');
    expect(statuses(result)?.[1]).toEqual(['permissions', 'warning', 'PERMISSIONS_UNREADABLE']);
  });

  it.each([
    [
      'an unknown user (Request_ResourceNotFound)',
      { user: () => fixtureResponse(graphFixture('user_not_found_directory')) },
      'GRAPH_MAILBOX_NOT_FOUND',
      `Microsoft Entra has no user ${SENDER} in this tenant`,
    ],
    [
      'an unknown mailbox (ErrorInvalidUser)',
      { user: () => fixtureResponse(graphFixture('invalid_user')) },
      'GRAPH_MAILBOX_NOT_FOUND',
      `Exchange Online has no mailbox ${SENDER}`,
    ],
    [
      'a mailbox not enabled for REST',
      { inbox: () => fixtureResponse(graphFixture('mailbox_not_enabled')) },
      'GRAPH_MAILBOX_NOT_ENABLED',
      `${SENDER} exists, but Microsoft Graph cannot use its mailbox`,
    ],
    [
      'an application access policy',
      {
        inbox: () =>
          jsonResponse(403, {
            error: {
              code: 'ErrorAccessDenied',
              message:
                'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
            },
          }),
      },
      'GRAPH_APP_ACCESS_POLICY_DENIED',
      `An Exchange Online application access policy or RBAC for Applications keeps this app away from ${SENDER}`,
    ],
    [
      'access denied despite Mail.ReadWrite',
      { inbox: () => fixtureResponse(graphFixture('mail_access_denied')) },
      'GRAPH_ACCESS_DENIED',
      `Microsoft Graph denied access to ${SENDER} (ErrorAccessDenied)`,
    ],
    [
      'a refused token',
      { user: () => fixtureResponse(graphFixture('expired_token')) },
      'GRAPH_UNAUTHORIZED',
      'Microsoft Graph refused the access token as expired',
    ],
    [
      'throttling',
      { inbox: () => fixtureResponse(graphFixture('throttled_concurrency')) },
      'GRAPH_THROTTLED',
      'Microsoft Graph is limiting how fast this app may use',
    ],
    [
      'a user answer without an id',
      { user: () => jsonResponse(200, { displayName: 'x' }) },
      'GRAPH_RESPONSE_INVALID',
      'Microsoft Graph answered in an unexpected way.',
    ],
  ])('tells apart %s in the mailbox step', async (_label, answers, code, start) => {
    const { run } = await setup(answers);
    const result = await run();
    expect(result.ok).toBe(false);
    expect(result.code).toBe(code);
    expect(statuses(result)?.[2]).toEqual(['mailbox', 'failed', code]);
    expect(result.message.startsWith(start)).toBe(true);
  });

  it('does not read the mailbox of a user Entra does not know', async () => {
    const { run, calls } = await setup({ user: () => fixtureResponse(graphFixture('user_not_found_directory')) });
    await run();
    expect(calls.map((call) => call.url)).not.toContain(INBOX_URL);
  });
});

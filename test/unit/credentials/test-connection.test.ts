import { decodeProtectedHeader, importX509, jwtVerify } from 'jose';

import { credentialInputSchema } from '../../../src/contract/credentials';
import { createCredentialService } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import type { StoredCredential } from '../../../src/credentials/stored-credential';
import { testConnection } from '../../../src/credentials/test-connection';
import { createTokenCache } from '../../../src/oauth/token-cache';
import { tokenFingerprint } from '../../../src/oauth/token-fingerprint';
import { TokenMemo } from '../../../src/oauth/token-memo';
import { APP_CERTIFICATE } from '../support/certificates';
import { certificateInput, parsedInput, SECRET, sequentialIds } from '../support/credentials';
import { fakeFetch, fakeJwt, jsonResponse, type RecordedCall } from '../support/fake-fetch';
import { fakeJira } from '../support/fake-jira';
import { fixtureResponse, graphFixture, tokenFixture } from '../support/fixtures';
import { MemoryKvStore } from '../support/memory-kv-store';

const NOW = Date.parse('2024-05-06T06:00:00Z');
const CLIENT_ID = '11111111-2222-3333-4444-555555555555';
const SENDER = 'support@contoso.com';
const GRAPH = 'https://graph.microsoft.com/v1.0';
const USER_URL = `${GRAPH}/users/support%40contoso.com?$select=id,displayName,userPrincipalName,mail`;
const INBOX_URL = `${GRAPH}/users/support%40contoso.com/mailFolders/inbox?$select=id,totalItemCount`;
const SEND_URL = `${GRAPH}/users/support%40contoso.com/sendMail`;
const ALL_ROLES = ['User.Read.All', 'Mail.ReadWrite', 'Mail.Send'];

const tokenWith = (claims: Record<string, unknown>) => () =>
  jsonResponse(200, { token_type: 'Bearer', expires_in: 3599, access_token: fakeJwt(claims) });

interface Answers {
  token?: (call: RecordedCall) => Response;
  user?: () => Response;
  inbox?: () => Response;
  send?: () => Response;
}

const USER = () =>
  jsonResponse(200, { id: 'u-1', displayName: 'Contoso Support', userPrincipalName: SENDER, mail: SENDER });
const INBOX = () => jsonResponse(200, { id: 'inbox-1', totalItemCount: 3 });

const setup = async (
  answers: Answers = {},
  options: { input?: ReturnType<typeof parsedInput>; email?: string | null } = {},
) => {
  const kv = new MemoryKvStore();
  const credentials = createCredentialService({
    store: createCredentialStore(kv),
    now: () => NOW,
    newId: sequentialIds(),
    env: {},
  });
  await credentials.save(options.input ?? parsedInput());
  const { fetch, calls } = fakeFetch((call) => {
    if (call.url.includes('/oauth2/v2.0/token')) return (answers.token ?? tokenWith({ roles: ALL_ROLES }))(call);
    if (call.url.includes('/mailFolders/inbox')) return (answers.inbox ?? INBOX)();
    if (call.url.endsWith('/sendMail')) return (answers.send ?? (() => new Response(null, { status: 202 })))();
    if (call.url.includes('/users/')) return (answers.user ?? USER)();
    throw new Error(`unexpected ${call.url}`);
  });
  const jira = fakeJira(() => ({
    status: 200,
    body: {
      accountId: 'admin-1',
      displayName: 'Alex Admin',
      ...(options.email === null ? {} : { emailAddress: options.email ?? 'alex@example.com' }),
    },
  }));
  const tokenCache = createTokenCache(kv);
  const promoted: StoredCredential[] = [];
  const run = (sendTestEmail = false) =>
    testConnection(
      'cred-1',
      {
        credentials,
        tokenCache,
        fetch,
        now: () => NOW,
        memo: new TokenMemo(),
        env: {},
        sleep: async () => undefined,
        requestJira: jira.requestJira,
        onPromoted: async (credential) => void promoted.push(credential),
      },
      { sendTestEmail },
    );
  return { kv, credentials, calls, run, tokenCache, jira, promoted };
};

const statuses = (result: { steps?: Array<{ key: string; status: string; code?: string }> }) =>
  result.steps?.map((step) => [step.key, step.status, step.code ?? null]);

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

  it('sends the test email to the calling admin from the sender mailbox, without a copy in Sent Items', async () => {
    const { run, calls, jira } = await setup();
    const result = await run(true);

    expect(result.ok).toBe(true);
    expect(result.steps?.[3]).toEqual({
      key: 'test-email',
      status: 'passed',
      title: 'Test email',
      message: `Sent a test email from ${SENDER} to the email address Jira has for you. It should arrive within a minute.`,
    });
    expect(jira.calls.map((call) => call.path)).toEqual(['/rest/api/3/myself']);
    const send = calls.find((call) => call.url === SEND_URL);
    const body = JSON.parse(send?.body ?? '{}') as {
      message: { subject: string; toRecipients: unknown; body: { content: string } };
      saveToSentItems: boolean;
    };
    expect(body.message.subject).toBe('Issue Mailer test email');
    expect(body.message.toRecipients).toEqual([{ emailAddress: { address: 'alex@example.com' } }]);
    expect(body.message.body.content).toContain('<strong>Support mailbox</strong>');
    expect(body.saveToSentItems).toBe(false);
    expect(JSON.stringify(result)).not.toContain('alex@example.com');
  });

  it("skips the test email with the reason when Jira hides the admin's email address", async () => {
    const { run, calls } = await setup({}, { email: null });
    const result = await run(true);
    expect(result.ok).toBe(true);
    expect(statuses(result)?.[3]).toEqual(['test-email', 'skipped', 'TEST_EMAIL_NO_ADDRESS']);
    expect(result.steps?.[3]?.message).toMatch(/^Jira does not show your email address to apps/);
    expect(calls.some((call) => call.url === SEND_URL)).toBe(false);
  });

  it('fails when the test email is refused', async () => {
    const { run } = await setup({ send: () => fixtureResponse(graphFixture('mail_access_denied')) });
    const result = await run(true);
    expect(result).toMatchObject({ ok: false, code: 'GRAPH_ACCESS_DENIED' });
    expect(result.message).toContain('lacks the Mail.Send application permission');
  });

  it('skips the test email when the mailbox check failed', async () => {
    const { run } = await setup({ inbox: () => fixtureResponse(graphFixture('mailbox_not_enabled')) });
    const result = await run(true);
    expect(statuses(result)?.[3]).toEqual(['test-email', 'skipped', null]);
  });

  it('falls back to the next secret when the current one expired, promotes it and says so', async () => {
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    const { run, calls, kv, credentials, promoted } = await setup(
      {
        token: (call) =>
          new URLSearchParams(call.body).get('client_secret') === SECRET
            ? fixtureResponse(tokenFixture('expired_secret_7000222'))
            : tokenWith({ roles: ALL_ROLES })(),
      },
      { input: parsedInput({ nextClientSecret: 'NEXT-SECRET', nextSecretExpiresOn: '2027-01-01' }) },
    );
    const result = await run();

    expect(result.ok).toBe(true);
    expect(result.steps?.[0]?.message).toBe(
      `Got a token for ${CLIENT_ID} with the next secret: Microsoft refused the current secret as expired, so the next ` +
        'secret now replaces it. Delete the old secret in Certificates & secrets.',
    );
    expect(
      calls
        .filter((call) => call.url.includes('/oauth2/'))
        .map((call) => new URLSearchParams(call.body).get('client_secret')),
    ).toEqual([SECRET, 'NEXT-SECRET']);
    expect(kv.secrets.get('credential-secret:cred-1')).toBe('NEXT-SECRET');
    const stored = await credentials.get('cred-1');
    expect(stored).toMatchObject({
      hasNextSecret: false,
      secretExpiresOn: '2027-01-01',
      lastRotation: { reason: 'expired' },
      lastTest: { ok: true },
    });
    expect(promoted.map((credential) => credential.id)).toEqual(['cred-1']);
    expect(kv.secrets.get('token-cache:cred-1')).toMatchObject({ fingerprint: tokenFingerprint(stored) });
    expect(info.mock.calls).toEqual([
      ['[issue-mailer] promoted the next secret of credential cred-1 (current one expired)'],
    ]);
    info.mockRestore();
  });

  it('reports a missing secret as a failed token step without calling Microsoft', async () => {
    const { run, kv, calls } = await setup();
    kv.secrets.delete('credential-secret:cred-1');
    const result = await run();
    expect(result).toMatchObject({ ok: false, code: 'SECRET_MISSING' });
    expect(result.message).toBe(
      "No client secret is stored for this credential. Edit it, paste the client secret's Value and save.",
    );
    expect(calls).toHaveLength(0);
  });

  it('signs in a certificate credential with a client assertion the certificate verifies', async () => {
    const { run, calls } = await setup({}, { input: credentialInputSchema.parse(certificateInput()) });
    const result = await run();

    expect(result.ok).toBe(true);
    expect(result.steps?.[0]?.message).toMatch(
      new RegExp(`^Got a token for ${CLIENT_ID}, signed with the certificate \\(thumbprint [0-9A-F]{40}\\)\\.$`),
    );
    const form = new URLSearchParams(calls[0]?.body);
    expect(form.get('client_secret')).toBeNull();
    expect(form.get('client_assertion_type')).toBe('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    const assertion = form.get('client_assertion') ?? '';
    expect(decodeProtectedHeader(assertion)).toMatchObject({ alg: 'PS256', typ: 'JWT' });
    await expect(
      jwtVerify(assertion, await importX509(APP_CERTIFICATE, 'PS256'), {
        audience: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
        issuer: CLIENT_ID,
        subject: CLIENT_ID,
        currentDate: new Date(NOW),
      }),
    ).resolves.toBeDefined();
  });

  it('reports a missing private key as a failed token step', async () => {
    const { run, kv } = await setup({}, { input: credentialInputSchema.parse(certificateInput()) });
    kv.secrets.delete('credential-private-key:cred-1');
    await expect(run()).resolves.toMatchObject({
      ok: false,
      code: 'PRIVATE_KEY_MISSING',
      message:
        'No private key is stored for this credential. Edit it, paste the certificate and its private key and save.',
    });
  });

  it('answers CREDENTIAL_NOT_FOUND for an unknown id without recording anything', async () => {
    const { credentials, kv } = await setup();
    const { fetch } = fakeFetch(tokenWith({}));
    await expect(
      testConnection('nope', { credentials, tokenCache: createTokenCache(kv), fetch, now: () => NOW }),
    ).rejects.toMatchObject({
      code: 'CREDENTIAL_NOT_FOUND',
    });
  });
});

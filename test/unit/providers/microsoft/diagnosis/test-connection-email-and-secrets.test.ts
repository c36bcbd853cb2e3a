import { decodeProtectedHeader, importX509, jwtVerify } from 'jose';

import { credentialInputSchema } from '../../../../../src/contract/credentials';
import { testConnection } from '../../../../../src/credentials/test-connection';
import { createRefreshTokenStore } from '../../../../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../../../../src/oauth/token-cache';
import { tokenFingerprint } from '../../../../../src/oauth/token-fingerprint';
import { connectionDiagnoses } from '../../../../../src/providers/connection-test';
import { APP_CERTIFICATE } from '../../../support/certificates';
import { certificateInput, parsedInput, SECRET } from '../../../support/credentials';
import { fakeFetch } from '../../../support/fake-fetch';
import { fixtureResponse, graphFixture, tokenFixture } from '../../../support/fixtures';
import { ALL_ROLES, CLIENT_ID, NOW, SEND_URL, SENDER, setup, statuses, tokenWith } from './test-connection-fixtures';

describe('testConnection diagnosis', () => {
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
      testConnection('nope', {
        credentials,
        tokenCache: createTokenCache(kv),
        refreshTokens: createRefreshTokenStore(kv),
        fetch,
        now: () => NOW,
        diagnoses: connectionDiagnoses,
      }),
    ).rejects.toMatchObject({
      code: 'CREDENTIAL_NOT_FOUND',
    });
  });
});

import { pemBody } from '../providers/google/key-fixture';
import { credentialInput } from '../support/credentials';
import { defaultGoogle, GOOGLE_KEY, googlePayload } from '../support/google-credentials';
import { adminRequest, resolverWorld, silenceWarnings } from '../support/resolvers';

describe('saveGoogleCredential', () => {
  silenceWarnings();

  it('saves a Google credential, answering its view with the service account and never the key', async () => {
    const world = resolverWorld({ microsoft: defaultGoogle });
    const saved = await world.admin.saveGoogleCredential(adminRequest(googlePayload()));
    expect(saved).toMatchObject({
      ok: true,
      data: {
        id: 'cred-1',
        provider: 'google-workspace',
        grantType: 'jwt_bearer',
        clientId: '112233445566778899001',
        hasPrivateKey: true,
        serviceAccount: { clientEmail: 'mailer@issue-mailer-test.iam.gserviceaccount.com' },
      },
    });
    expect(JSON.stringify(saved)).not.toContain(pemBody(GOOGLE_KEY.privateKeyPem));
    await expect(world.admin.testConnection(adminRequest({ id: 'cred-1' }))).resolves.toMatchObject({
      ok: true,
      data: { ok: true, code: 'OK', tested: 'saved' },
    });
  });

  it('tests the saved Google credential even when form values come with its id, sending them nowhere', async () => {
    const world = resolverWorld({ microsoft: defaultGoogle });
    await world.admin.saveGoogleCredential(adminRequest(googlePayload()));
    const { name: _name, id: _id, ...values } = credentialInput({ clientSecret: 'UNSAVED-VALUE' });

    const answer = await world.admin.testConnection(adminRequest({ id: 'cred-1', values }));

    expect(answer).toMatchObject({ ok: true, data: { ok: true, tested: 'saved' } });
    expect(world.microsoft.calls.map((call) => call.url)).toEqual([
      'https://oauth2.googleapis.com/token',
      'https://gmail.googleapis.com/gmail/v1/users/support%40example-google.test/profile',
    ]);
    expect(JSON.stringify(world.microsoft.calls)).not.toContain('UNSAVED-VALUE');
  });

  it.each<[string, unknown, Record<string, string>]>([
    [
      'no key file when creating',
      googlePayload({ serviceAccountKey: '' }),
      {
        serviceAccountKey:
          'Choose the JSON key file Google Cloud downloaded for the service account (IAM & Admin > Service accounts > Keys).',
      },
    ],
    [
      'a key file that is not JSON',
      googlePayload({ serviceAccountKey: 'not json' }),
      { serviceAccountKey: 'The service account key is not JSON: paste or upload the whole JSON key file.' },
    ],
    [
      'a bad mailbox',
      googlePayload({ senderMailbox: 'nobody' }),
      { senderMailbox: 'Enter the Google Workspace mailbox the app sends as, for example support@example.com.' },
    ],
  ])('answers VALIDATION_FAILED for %s, per field', async (_label, payload, fieldErrors) => {
    const world = resolverWorld({ microsoft: defaultGoogle });
    await expect(world.admin.saveGoogleCredential(adminRequest(payload))).resolves.toEqual({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'Check the highlighted fields.', fieldErrors },
    });
    expect(world.kv.plain.size + world.kv.secrets.size).toBe(0);
  });

  it('refuses to turn a Microsoft credential into a Google one, and the other way round', async () => {
    const world = resolverWorld({ microsoft: defaultGoogle });
    await world.admin.saveCredential(adminRequest(credentialInput()));
    await world.admin.saveGoogleCredential(adminRequest(googlePayload()));

    await expect(world.admin.saveGoogleCredential(adminRequest(googlePayload({ id: 'cred-1' })))).resolves.toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        fieldErrors: {
          provider: 'A saved credential keeps its provider: create a new credential for Google Workspace.',
        },
      },
    });
    await expect(
      world.admin.saveCredential(adminRequest(credentialInput({ id: 'cred-2', clientSecret: '' }))),
    ).resolves.toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        fieldErrors: { provider: 'A saved credential keeps its provider: create a new credential for Microsoft 365.' },
      },
    });
  });
});

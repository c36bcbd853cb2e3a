import { credentialInput, SECRET } from '../support/credentials';
import { jsonResponse } from '../support/fake-fetch';
import { fixtureResponse, tokenFixture } from '../support/fixtures';
import { adminRequest, configuredWorld, resolverWorld, silenceWarnings } from '../support/resolvers';

describe('admin resolver functions', () => {
  silenceWarnings();

  it.each([
    'listCredentials',
    'saveCredential',
    'saveGoogleCredential',
    'deleteCredential',
    'testConnection',
    'setDefaultCredential',
    'listWarnings',
  ] as const)('%s answers NOT_ADMIN to a non-admin before touching storage', async (name) => {
    const world = resolverWorld({ isAdmin: false });
    const answer = await world.admin[name](adminRequest({ id: 'cred-1' }));
    expect(answer).toEqual({
      ok: false,
      error: { code: 'NOT_ADMIN', message: 'Only Jira administrators can change Issue Mailer settings.' },
    });
    expect(world.kv.count()).toBe(0);
    expect(world.jira.calls.map((call) => call.path)).toEqual(['/rest/api/3/mypermissions?permissions=ADMINISTER']);
  });

  it('saves, lists and deletes a credential', async () => {
    const world = resolverWorld();
    const saved = await world.admin.saveCredential(adminRequest(credentialInput()));
    expect(saved).toMatchObject({ ok: true, data: { id: 'cred-1', hasSecret: true, isDefault: true } });
    expect(JSON.stringify(saved)).not.toContain(SECRET);

    const listed = await world.admin.listCredentials(adminRequest({}));
    expect(listed).toMatchObject({ ok: true, data: [{ id: 'cred-1', name: 'Support mailbox' }] });

    await expect(world.admin.deleteCredential(adminRequest({ id: 'cred-1' }))).resolves.toEqual({
      ok: true,
      data: { id: 'cred-1' },
    });
    await expect(world.admin.listCredentials(adminRequest({}))).resolves.toEqual({ ok: true, data: [] });
  });

  it('answers the contract schema messages per field', async () => {
    const world = resolverWorld();
    const answer = await world.admin.saveCredential(
      adminRequest(credentialInput({ name: ' ', clientId: 'not-a-guid', senderMailbox: 'nobody', tokenEndpoint: 'x' })),
    );
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        fieldErrors: {
          name: 'Enter a name, for example "Support mailbox".',
          clientId: "Enter the Application (client) ID from the app registration's Overview page (a GUID).",
          senderMailbox: 'Enter the mailbox the app sends from, for example support@contoso.com.',
          tokenEndpoint: 'Enter the OAuth 2.0 token endpoint (v2) URL from Overview > Endpoints.',
        },
      },
    });
  });

  it('answers VALIDATION_FAILED with clientSecret when creating without a secret', async () => {
    const world = resolverWorld();
    await expect(world.admin.saveCredential(adminRequest(credentialInput({ clientSecret: '' })))).resolves.toEqual({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Check the highlighted fields.',
        fieldErrors: { clientSecret: "Paste the client secret's Value from Certificates & secrets." },
      },
    });
  });

  it('answers CREDENTIAL_NOT_FOUND for an unknown id', async () => {
    const world = resolverWorld();
    await expect(world.admin.deleteCredential(adminRequest({ id: 'nope' }))).resolves.toEqual({
      ok: false,
      error: { code: 'CREDENTIAL_NOT_FOUND', message: 'That credential no longer exists. Reload the page.' },
    });
    await expect(world.admin.deleteCredential(adminRequest({ id: '../x' }))).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('tests a connection with a fresh token and stores the diagnosis', async () => {
    const world = await configuredWorld();
    const answer = await world.admin.testConnection(adminRequest({ id: 'cred-1' }));

    expect(answer).toMatchObject({
      ok: true,
      data: {
        ok: true,
        code: 'OK',
        message: 'Connected: mail can go out from support@contoso.com.',
        testedAt: '2024-05-06T06:00:00.000Z',
      },
    });
    expect(answer.ok && answer.data.steps?.map((step) => step.status)).toEqual(['passed', 'passed', 'passed']);
    expect(world.microsoft.calls.map((call) => call.method)).toEqual(['POST', 'GET', 'GET']);
    const listed = await world.admin.listCredentials(adminRequest({}));
    expect(listed).toMatchObject({ ok: true, data: [{ lastTest: { ok: true, code: 'OK' } }] });
  });

  it('sends a test email to the calling admin on request', async () => {
    const world = await configuredWorld();
    world.jira.calls.length = 0;
    const answer = await world.admin.testConnection(adminRequest({ id: 'cred-1', sendTestEmail: true }));
    expect(answer.ok && answer.data.steps?.map((step) => [step.key, step.status])).toEqual([
      ['token', 'passed'],
      ['permissions', 'passed'],
      ['mailbox', 'passed'],
      ['test-email', 'passed'],
    ]);
    expect(world.jira.calls.map((call) => call.path)).toEqual([
      '/rest/api/3/mypermissions?permissions=ADMINISTER',
      '/rest/api/3/myself',
    ]);
    await expect(
      world.admin.testConnection(adminRequest({ id: 'cred-1', sendTestEmail: 'yes' })),
    ).resolves.toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        fieldErrors: { sendTestEmail: 'Invalid input: expected boolean, received string' },
      },
    });
  });

  it('reports a failed connection test as data with the AADSTS guidance, not the typed expiry date', async () => {
    const world = await configuredWorld({ microsoft: () => fixtureResponse(tokenFixture('expired_secret_7000222')) });
    const answer = await world.admin.testConnection(adminRequest({ id: 'cred-1' }));
    expect(answer).toMatchObject({
      ok: true,
      data: {
        ok: false,
        code: 'TOKEN_CLIENT_SECRET_EXPIRED',
        message:
          'Microsoft says this secret has expired (AADSTS7000222). In Microsoft Entra admin center > App registrations > ' +
          'your app > Certificates & secrets, create a new client secret, paste its Value here and update the expiry date. ' +
          'The expiry date typed on the form for this credential is wrong: it says the secret is still valid. When you paste the new ' +
          "secret's Value, also update the date to the one Certificates & secrets shows for it.",
      },
    });
  });

  it('makes another credential the default, and refuses to delete the default while another exists', async () => {
    const world = await configuredWorld();
    await world.admin.saveCredential(adminRequest(credentialInput({ name: 'Second' })));

    await expect(world.admin.deleteCredential(adminRequest({ id: 'cred-1' }))).resolves.toEqual({
      ok: false,
      error: {
        code: 'CREDENTIAL_IN_USE',
        message:
          'Email this issue sends through this credential as the default. Make another credential the default first.',
      },
    });
    await expect(world.admin.setDefaultCredential(adminRequest({ id: 'cred-2' }))).resolves.toMatchObject({
      ok: true,
      data: { id: 'cred-2', isDefault: true, usedBy: ['Email this issue (default credential)'] },
    });
    await expect(world.admin.deleteCredential(adminRequest({ id: 'cred-1' }))).resolves.toEqual({
      ok: true,
      data: { id: 'cred-1' },
    });
    await expect(world.admin.setDefaultCredential(adminRequest({ id: 'cred-1' }))).resolves.toMatchObject({
      ok: false,
      error: { code: 'CREDENTIAL_NOT_FOUND' },
    });
  });

  it('lists the warnings for the top of the page', async () => {
    const world = await configuredWorld();
    await world.admin.saveCredential(
      adminRequest(credentialInput({ id: 'cred-1', clientSecret: '', secretExpiresOn: '2024-05-20' })),
    );
    await expect(world.admin.listWarnings(adminRequest({}))).resolves.toEqual({
      ok: true,
      data: {
        warnings: [
          {
            credentialId: 'cred-1',
            credentialName: 'Support mailbox',
            kind: 'secret-expiring',
            severity: 'warning',
            date: '2024-05-20',
            message:
              'The client secret expires on 2024-05-20 (in 14 days): create a new secret in Certificates & secrets and add it here as the next secret, so mail keeps going out.',
            recordedAt: '2024-05-06T06:00:00.000Z',
          },
        ],
      },
    });
    await expect(world.admin.listWarnings(adminRequest({ extra: 1 }))).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('answers INTERNAL_ERROR for an unexpected storage failure, logging only its name and code', async () => {
    const world = resolverWorld({ microsoft: () => jsonResponse(200, {}) });
    world.kv.failNext('query', Object.assign(new Error('rate limited'), { code: 'RATE_LIMIT_EXCEEDED' }));
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(world.admin.listCredentials(adminRequest({}))).resolves.toMatchObject({
        ok: false,
        error: { code: 'INTERNAL_ERROR' },
      });
      expect(error.mock.calls).toEqual([['[issue-mailer] listCredentials failed: Error RATE_LIMIT_EXCEEDED']]);
    } finally {
      error.mockRestore();
    }
  });
});

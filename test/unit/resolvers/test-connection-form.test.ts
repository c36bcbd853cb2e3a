import type { ConnectionValues } from '../../../src/contract/connection-test';
import { credentialInput, SECRET } from '../support/credentials';
import type { FetchHandler } from '../support/fake-fetch';
import { fixtureResponse, tokenFixture } from '../support/fixtures';
import { adminRequest, configuredWorld, defaultMicrosoft, resolverWorld, silenceWarnings } from '../support/resolvers';

/** A secret pasted on the form but never saved: it must reach the token request and nothing else. */
const UNSAVED = 'UNSAVED-SECRET-MARKER-xyz';

/** Microsoft takes the saved secret only: any other is AADSTS7000215. */
const takesSavedSecretOnly: FetchHandler = (call, index) =>
  call.url.includes('/oauth2/v2.0/token') && !new URLSearchParams(call.body).get('client_secret')?.includes(SECRET)
    ? fixtureResponse(tokenFixture('invalid_secret_7000215'))
    : defaultMicrosoft(call, index);

/** The edit form's connection values, as the admin page sends them. */
const formValues = (overrides: Partial<ConnectionValues> = {}): ConnectionValues => {
  const { name: _name, clientSecret: _secret, id: _id, ...connection } = credentialInput();
  return { ...connection, ...overrides };
};

describe('Test connection of the edit form: tests what the admin sees', () => {
  silenceWarnings();

  it('answers NOT_ADMIN to a non-admin sending form values, before any token request or storage', async () => {
    const world = resolverWorld({ isAdmin: false });
    const answer = await world.admin.testConnection(
      adminRequest({ id: 'cred-1', values: formValues({ clientSecret: UNSAVED }) }),
    );
    expect(answer).toEqual({
      ok: false,
      error: { code: 'NOT_ADMIN', message: 'Only Jira administrators can change Issue Mailer settings.' },
    });
    expect(world.microsoft.calls).toEqual([]);
    expect(world.kv.count()).toBe(0);
  });

  it('tests an unsaved new secret: used for the token request only, never stored, cached or answered', async () => {
    const world = await configuredWorld({ microsoft: takesSavedSecretOnly });
    const log = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    world.kv.resetOperations();

    const answer = await world.admin.testConnection(
      adminRequest({ id: 'cred-1', values: formValues({ clientSecret: UNSAVED }) }),
    );

    expect(answer).toMatchObject({
      ok: true,
      data: { ok: false, code: 'TOKEN_INVALID_CLIENT_SECRET', tested: 'form' },
    });
    const tokenRequests = world.microsoft.calls.filter((call) => call.url.includes('/oauth2/v2.0/token'));
    expect(tokenRequests.map((call) => new URLSearchParams(call.body).get('client_secret'))).toEqual([UNSAVED]);
    expect(JSON.stringify(answer)).not.toContain(UNSAVED);
    // Nothing written: not the secret, not the result (the list's health is the saved credential's).
    expect(world.kv.count('set')).toBe(0);
    expect(world.kv.count('setSecret')).toBe(0);
    expect([...world.kv.secrets.values(), world.kv.plainText()].join('\n')).not.toContain(UNSAVED);
    const logged = [...(console.warn as jest.Mock<void, unknown[]>).mock.calls, ...log.mock.calls].flat().join('\n');
    expect(logged).not.toContain(UNSAVED);
    log.mockRestore();
    const listed = await world.admin.listCredentials(adminRequest({}));
    expect(listed.ok && listed.data[0]?.lastTest).toBeUndefined();
  });

  it('tests the saved credential when no values are sent, and says so', async () => {
    const world = await configuredWorld({ microsoft: takesSavedSecretOnly });
    const answer = await world.admin.testConnection(adminRequest({ id: 'cred-1' }));
    expect(answer).toMatchObject({ ok: true, data: { ok: true, code: 'OK', tested: 'saved' } });
    const listed = await world.admin.listCredentials(adminRequest({}));
    expect(listed).toMatchObject({ ok: true, data: [{ lastTest: { ok: true, code: 'OK' } }] });
  });

  it("tests the form's other values with the stored secret when none was pasted", async () => {
    const world = await configuredWorld({ microsoft: takesSavedSecretOnly });
    const answer = await world.admin.testConnection(
      adminRequest({ id: 'cred-1', values: formValues({ senderMailbox: 'sales@contoso.com' }) }),
    );
    expect(answer).toMatchObject({
      ok: true,
      data: { ok: true, tested: 'form', message: 'Connected: mail can go out from sales@contoso.com.' },
    });
    expect(
      world.microsoft.calls.filter((call) => call.method === 'GET').map((call) => new URL(call.url).pathname),
    ).toEqual(['/v1.0/users/sales%40contoso.com', '/v1.0/users/sales%40contoso.com/mailFolders/inbox']);
  });

  it('validates the form values by the contract schema, and refuses them for an unknown credential', async () => {
    const world = await configuredWorld();
    await expect(
      world.admin.testConnection(
        adminRequest({ id: 'cred-1', values: { ...formValues(), clientSecret: 42, extra: true } }),
      ),
    ).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await expect(
      world.admin.testConnection(
        adminRequest({
          id: 'cred-1',
          values: formValues({ tokenEndpoint: 'https://evil.example.com/t/oauth2/v2.0/token' }),
        }),
      ),
    ).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await expect(
      world.admin.testConnection(adminRequest({ id: 'cred-9', values: formValues({ clientSecret: UNSAVED }) })),
    ).resolves.toMatchObject({ ok: false, error: { code: 'CREDENTIAL_NOT_FOUND' } });
    expect(world.microsoft.calls).toEqual([]);
  });
});

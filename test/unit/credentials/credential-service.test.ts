import { createCredentialService } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import {
  CredentialInUseError,
  CredentialNotFoundError,
  CredentialReadByHandlersError,
  CredentialValidationError,
  NoCredentialConfiguredError,
  SecretMissingError,
  SecretRequiredError,
} from '../../../src/credentials/errors';
import { parsedInput, SECRET, sequentialIds, tickingClock, unchecked } from '../support/credentials';
import { MemoryKvStore } from '../support/memory-kv-store';

const setup = (env: Record<string, string> = {}, handlers: Array<{ name: string; credentialId: string }> = []) => {
  const kv = new MemoryKvStore();
  const service = createCredentialService({
    store: createCredentialStore(kv),
    now: tickingClock(),
    newId: sequentialIds(),
    env,
    handlersReading: async (id) => handlers.filter((one) => one.credentialId === id).map((one) => one.name),
  });
  return { kv, service };
};

describe('credential service', () => {
  it('creates a credential: record in plain storage, secret only in secret storage, first one default', async () => {
    const { kv, service } = setup();
    const view = await service.save(parsedInput());

    expect(view).toEqual({
      id: 'cred-1',
      name: 'Support mailbox',
      provider: 'microsoft365',
      grantType: 'client_credentials',
      clientAuthMethod: 'client_secret',
      clientId: '11111111-2222-3333-4444-555555555555',
      tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
      scope: 'https://graph.microsoft.com/.default',
      senderMailbox: 'support@contoso.com',
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
      secretExpiresOn: '2026-05-01',
      hasSecret: true,
      secretUpdatedAt: '2024-05-06T06:00:00.000Z',
      hasNextSecret: false,
      hasPrivateKey: false,
      isDefault: true,
      createdAt: '2024-05-06T06:00:00.000Z',
      updatedAt: '2024-05-06T06:00:00.000Z',
    });
    expect(kv.secrets.get('credential-secret:cred-1')).toBe(SECRET);
    expect([...kv.plain.keys()]).toEqual(['credential:cred-1']);
    expect(kv.plainText()).not.toContain(SECRET);
    expect(JSON.stringify(view)).not.toContain(SECRET);
  });

  it('trims blanks around a pasted secret', async () => {
    const { kv, service } = setup();
    await service.save(parsedInput({ clientSecret: `  ${SECRET}\n` }));
    expect(kv.secrets.get('credential-secret:cred-1')).toBe(SECRET);
  });

  it.each([[undefined], [''], ['   ']])('refuses to create without a secret (%j)', async (clientSecret) => {
    const { kv, service } = setup();
    const error = await service.save(unchecked({ clientSecret })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretRequiredError);
    expect(error).toMatchObject({
      code: 'SECRET_REQUIRED',
      fieldErrors: { clientSecret: "Paste the client secret's Value from Certificates & secrets." },
    });
    expect(kv.plain.size + kv.secrets.size).toBe(0);
  });

  it('makes only the first credential the default and lists oldest first', async () => {
    const { service } = setup();
    await service.save(parsedInput({ name: 'First' }));
    const second = await service.save(parsedInput({ name: 'Second' }));

    expect(second.isDefault).toBe(false);
    expect((await service.list()).map((view) => [view.name, view.isDefault])).toEqual([
      ['First', true],
      ['Second', false],
    ]);
    await expect(service.getDefault()).resolves.toMatchObject({ id: 'cred-1' });
  });

  it('keeps the stored secret when an edit sends none, and keeps the last test when nothing relevant changed', async () => {
    const { kv, service } = setup();
    const created = await service.save(parsedInput());
    await service.recordTestResult('cred-1', {
      ok: true,
      code: 'OK',
      message: 'Connected',
      testedAt: '2024-05-06T06:00:05.000Z',
    });

    const edited = await service.save(parsedInput({ id: 'cred-1', name: 'Renamed', clientSecret: '' }));

    expect(kv.secrets.get('credential-secret:cred-1')).toBe(SECRET);
    expect(edited).toMatchObject({
      name: 'Renamed',
      hasSecret: true,
      secretUpdatedAt: created.secretUpdatedAt,
      createdAt: created.createdAt,
      isDefault: true,
      lastTest: { ok: true, code: 'OK' },
    });
    expect(edited.updatedAt).not.toBe(created.updatedAt);
  });

  it('replaces the secret and forgets the last test when an edit sends a new secret', async () => {
    const { kv, service } = setup();
    const created = await service.save(parsedInput());
    await service.recordTestResult('cred-1', { ok: true, code: 'OK', message: 'Connected', testedAt: 'x' });

    const edited = await service.save(parsedInput({ id: 'cred-1', clientSecret: 'NEW-SECRET' }));

    expect(kv.secrets.get('credential-secret:cred-1')).toBe('NEW-SECRET');
    expect(edited.secretUpdatedAt).not.toBe(created.secretUpdatedAt);
    expect(edited.lastTest).toBeUndefined();
  });

  it.each([
    ['clientId', { clientId: '99999999-2222-3333-4444-555555555555' }],
    ['senderMailbox', { senderMailbox: 'noreply@contoso.com' }],
    [
      'tokenEndpoint',
      { tokenEndpoint: 'https://login.microsoftonline.com/fabrikam.onmicrosoft.com/oauth2/v2.0/token' },
    ],
  ])('forgets the last test when %s changes', async (_field, change) => {
    const { service } = setup();
    await service.save(parsedInput());
    await service.recordTestResult('cred-1', { ok: true, code: 'OK', message: 'Connected', testedAt: 'x' });
    await expect(
      service.save(parsedInput({ id: 'cred-1', clientSecret: undefined, ...change })),
    ).resolves.not.toHaveProperty('lastTest');
  });

  it('clears the expiry date when an edit leaves it empty', async () => {
    const { service } = setup();
    await service.save(parsedInput());
    await expect(service.save(parsedInput({ id: 'cred-1', secretExpiresOn: '' }))).resolves.not.toHaveProperty(
      'secretExpiresOn',
    );
  });

  it('answers CREDENTIAL_NOT_FOUND when editing, deleting or testing an unknown id', async () => {
    const { service } = setup();
    await expect(service.save(parsedInput({ id: 'nope' }))).rejects.toBeInstanceOf(CredentialNotFoundError);
    await expect(service.remove('nope')).rejects.toMatchObject({ code: 'CREDENTIAL_NOT_FOUND' });
    await expect(service.get('nope')).rejects.toMatchObject({ code: 'CREDENTIAL_NOT_FOUND' });
  });

  it('deletes a credential that is not the default: record, secrets, private key and cached token', async () => {
    const { kv, service } = setup();
    await service.save(parsedInput({ name: 'First' }));
    await service.save(parsedInput({ name: 'Second', nextClientSecret: 'NEXT-SECRET' }));
    kv.secrets.set('token-cache:cred-2', { accessToken: 't' });
    kv.secrets.set('credential-private-key:cred-2', 'stale');

    await expect(service.remove('cred-2')).resolves.toEqual({ id: 'cred-2' });

    expect([...kv.plain.keys()]).toEqual(['credential:cred-1']);
    expect([...kv.secrets.keys()]).toEqual(['credential-secret:cred-1']);
  });

  it('refuses to delete a credential mail handlers read their mailbox through, naming them', async () => {
    const { kv, service } = setup({}, [
      { name: 'Support inbox', credentialId: 'cred-2' },
      { name: 'Sales inbox', credentialId: 'cred-2' },
      { name: 'Other', credentialId: 'cred-1' },
    ]);
    await service.save(parsedInput({ name: 'First' }));
    await service.save(parsedInput({ name: 'Second' }));
    const error = await service.remove('cred-2').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialReadByHandlersError);
    expect(error).toMatchObject({ code: 'CREDENTIAL_READ_BY_HANDLERS', handlers: ['Support inbox', 'Sales inbox'] });
    expect(kv.plain.has('credential:cred-2')).toBe(true);
  });

  it('refuses to delete the default while other credentials exist, and says what uses it', async () => {
    const { kv, service } = setup();
    await service.save(parsedInput({ name: 'First' }));
    await service.save(parsedInput({ name: 'Second' }));

    const error = await service.remove('cred-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialInUseError);
    expect(error).toMatchObject({ code: 'CREDENTIAL_IN_USE', usedBy: ['Email this issue (default credential)'] });
    expect(kv.plain.has('credential:cred-1')).toBe(true);
    expect((await service.list()).map((view) => [view.name, view.usedBy])).toEqual([
      ['First', ['Email this issue (default credential)']],
      ['Second', undefined],
    ]);
  });

  it('deletes the only credential, default or not', async () => {
    const { kv, service } = setup();
    await service.save(parsedInput());
    expect((await service.list())[0]).not.toHaveProperty('usedBy');
    await expect(service.remove('cred-1')).resolves.toEqual({ id: 'cred-1' });
    expect(kv.plain.size + kv.secrets.size).toBe(0);
  });

  it('makes another credential the default, then lets the old default go', async () => {
    const { kv, service } = setup();
    await service.save(parsedInput({ name: 'First' }));
    await service.save(parsedInput({ name: 'Second' }));

    await expect(service.setDefault('cred-2')).resolves.toMatchObject({
      id: 'cred-2',
      isDefault: true,
      usedBy: ['Email this issue (default credential)'],
    });
    expect((await service.list()).map((view) => [view.name, view.isDefault])).toEqual([
      ['First', false],
      ['Second', true],
    ]);
    expect((kv.plain.get('credential:cred-1') as { isDefault: boolean }).isDefault).toBe(false);
    await expect(service.getDefault()).resolves.toMatchObject({ id: 'cred-2' });
    await expect(service.remove('cred-1')).resolves.toEqual({ id: 'cred-1' });
    await expect(service.setDefault('nope')).rejects.toBeInstanceOf(CredentialNotFoundError);
  });

  it('answers NOT_CONFIGURED without credentials, and finds none quietly', async () => {
    const { service } = setup();
    await expect(service.getDefault()).rejects.toBeInstanceOf(NoCredentialConfiguredError);
    await expect(service.getDefault()).rejects.toMatchObject({ code: 'NOT_CONFIGURED' });
    await expect(service.findDefault()).resolves.toBeUndefined();
  });

  it('finds the default with a single storage query', async () => {
    const { kv, service } = setup();
    await service.save(parsedInput());
    kv.resetOperations();
    await service.getDefault();
    expect(kv.operations).toEqual([{ operation: 'query', key: 'credential:' }]);
  });

  it('falls back to the oldest credential when none is marked default', async () => {
    const { kv, service } = setup();
    await service.save(parsedInput({ name: 'First' }));
    await service.save(parsedInput({ name: 'Second' }));
    const first = kv.plain.get('credential:cred-1') as Record<string, unknown>;
    kv.plain.set('credential:cred-1', { ...first, isDefault: false });
    await expect(service.getDefault()).resolves.toMatchObject({ name: 'First' });
  });

  it('skips a record it cannot read instead of failing the list', async () => {
    const { kv, service } = setup();
    await service.save(parsedInput());
    kv.plain.set('credential:broken', { version: 99 });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect((await service.list()).map((view) => view.id)).toEqual(['cred-1']);
      expect(warn.mock.calls).toEqual([
        ['[issue-mailer] ignoring unreadable record credential:broken: version: Invalid input: expected 2'],
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it('reads the secret back, and answers SECRET_MISSING when it is gone', async () => {
    const { kv, service } = setup();
    await service.save(parsedInput());
    await expect(service.readSecret('cred-1')).resolves.toBe(SECRET);
    kv.secrets.delete('credential-secret:cred-1');
    await expect(service.readSecret('cred-1')).rejects.toBeInstanceOf(SecretMissingError);
  });

  it('stores the last connection test on the record', async () => {
    const { service } = setup();
    await service.save(parsedInput());
    const result = {
      ok: false,
      code: 'TOKEN_INVALID_CLIENT_SECRET',
      message: 'm',
      testedAt: '2024-05-06T06:00:09.000Z',
    };
    await service.recordTestResult('cred-1', result);
    expect((await service.list())[0]?.lastTest).toEqual(result);
  });

  it.each([
    [
      'a loopback token endpoint',
      { tokenEndpoint: 'http://127.0.0.1:4010/contoso/oauth2/v2.0/token' },
      {
        tokenEndpoint:
          "Use the OAuth 2.0 token endpoint (v2) on https://login.microsoftonline.com, from the app registration's Overview > Endpoints.",
      },
    ],
    [
      'a loopback Graph base',
      { graphBaseUrl: 'http://127.0.0.1:4010/v1.0' },
      { graphBaseUrl: 'Use the Microsoft Graph address, usually https://graph.microsoft.com/v1.0.' },
    ],
    [
      'a US Government loopback Graph base',
      {
        provider: 'microsoft365-usgov' as const,
        tokenEndpoint: 'https://login.microsoftonline.us/contoso.onmicrosoft.us/oauth2/v2.0/token',
        graphBaseUrl: 'http://localhost:4010/v1.0',
        scope: 'https://graph.microsoft.us/.default',
      },
      { graphBaseUrl: 'Use the Microsoft Graph address, usually https://graph.microsoft.us/v1.0.' },
    ],
  ])(
    'refuses %s where the environment does not allow loopback, with a field message',
    async (_label, change, fieldErrors) => {
      const { kv, service } = setup();
      const error = await service.save(parsedInput(change)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CredentialValidationError);
      expect(error).toMatchObject({ code: 'CREDENTIAL_INVALID', fieldErrors });
      expect(kv.count('setSecret')).toBe(0);
    },
  );

  it('accepts loopback endpoints when the environment allows them', async () => {
    const { service } = setup({ ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' });
    await expect(
      service.save(
        parsedInput({
          tokenEndpoint: 'http://127.0.0.1:4010/contoso/oauth2/v2.0/token',
          graphBaseUrl: 'http://127.0.0.1:4010/v1.0',
        }),
      ),
    ).resolves.toMatchObject({ id: 'cred-1' });
  });
});

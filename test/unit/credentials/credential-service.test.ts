import { createCredentialService } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import {
  CredentialNotFoundError,
  CredentialValidationError,
  NoCredentialConfiguredError,
  SecretMissingError,
  SecretRequiredError,
} from '../../../src/credentials/errors';
import { parsedInput, SECRET, sequentialIds, tickingClock } from '../support/credentials';
import { MemoryKvStore } from '../support/memory-kv-store';

const setup = (env: Record<string, string> = {}) => {
  const kv = new MemoryKvStore();
  const service = createCredentialService({ store: createCredentialStore(kv), now: tickingClock(), newId: sequentialIds(), env });
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
      clientId: '11111111-2222-3333-4444-555555555555',
      tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
      scope: 'https://graph.microsoft.com/.default',
      senderMailbox: 'support@contoso.com',
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
      secretExpiresOn: '2026-05-01',
      hasSecret: true,
      secretUpdatedAt: '2024-05-06T06:00:00.000Z',
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
    const error = await service.save(parsedInput({ clientSecret })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SecretRequiredError);
    expect(error).toMatchObject({ code: 'SECRET_REQUIRED', fieldErrors: { clientSecret: "Paste the client secret's Value from Certificates & secrets." } });
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
    await service.recordTestResult('cred-1', { ok: true, code: 'OK', message: 'Connected', testedAt: '2024-05-06T06:00:05.000Z' });

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
    ['tokenEndpoint', { tokenEndpoint: 'https://login.microsoftonline.com/fabrikam.onmicrosoft.com/oauth2/v2.0/token' }],
  ])('forgets the last test when %s changes', async (_field, change) => {
    const { service } = setup();
    await service.save(parsedInput());
    await service.recordTestResult('cred-1', { ok: true, code: 'OK', message: 'Connected', testedAt: 'x' });
    await expect(service.save(parsedInput({ id: 'cred-1', clientSecret: undefined, ...change }))).resolves.not.toHaveProperty('lastTest');
  });

  it('clears the expiry date when an edit leaves it empty', async () => {
    const { service } = setup();
    await service.save(parsedInput());
    await expect(service.save(parsedInput({ id: 'cred-1', secretExpiresOn: '' }))).resolves.not.toHaveProperty('secretExpiresOn');
  });

  it('answers CREDENTIAL_NOT_FOUND when editing, deleting or testing an unknown id', async () => {
    const { service } = setup();
    await expect(service.save(parsedInput({ id: 'nope' }))).rejects.toBeInstanceOf(CredentialNotFoundError);
    await expect(service.remove('nope')).rejects.toMatchObject({ code: 'CREDENTIAL_NOT_FOUND' });
    await expect(service.get('nope')).rejects.toMatchObject({ code: 'CREDENTIAL_NOT_FOUND' });
  });

  it('deletes record, secret and cached token, and makes the oldest remaining credential the default', async () => {
    const { kv, service } = setup();
    await service.save(parsedInput({ name: 'First' }));
    await service.save(parsedInput({ name: 'Second' }));
    await service.save(parsedInput({ name: 'Third' }));
    kv.secrets.set('token-cache:cred-1', { accessToken: 't' });

    await expect(service.remove('cred-1')).resolves.toEqual({ id: 'cred-1' });

    expect(kv.plain.has('credential:cred-1')).toBe(false);
    expect(kv.secrets.has('credential-secret:cred-1')).toBe(false);
    expect(kv.secrets.has('token-cache:cred-1')).toBe(false);
    expect((await service.list()).map((view) => [view.name, view.isDefault])).toEqual([
      ['Second', true],
      ['Third', false],
    ]);
    expect((kv.plain.get('credential:cred-2') as { isDefault: boolean }).isDefault).toBe(true);
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
        ['[issue-mailer] ignoring unreadable record credential:broken: version: Invalid input: expected 1'],
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
    const result = { ok: false, code: 'TOKEN_INVALID_CLIENT_SECRET', message: 'm', testedAt: '2024-05-06T06:00:09.000Z' };
    await service.recordTestResult('cred-1', result);
    expect((await service.list())[0]?.lastTest).toEqual(result);
  });

  it.each([
    [
      'a token endpoint on another host',
      { tokenEndpoint: 'https://login.example.com/t/oauth2/v2.0/token' },
      { tokenEndpoint: "Use the OAuth 2.0 token endpoint (v2) on https://login.microsoftonline.com, from the app registration's Overview > Endpoints." },
    ],
    [
      'the v1 token endpoint',
      { tokenEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/token' },
      { tokenEndpoint: 'Use the v2 token endpoint: its address ends in /oauth2/v2.0/token.' },
    ],
    [
      'a token endpoint with a query',
      { tokenEndpoint: 'https://login.microsoftonline.com/t/oauth2/v2.0/token?x=1' },
      { tokenEndpoint: 'Remove the query string from the token endpoint address.' },
    ],
    [
      'a Graph base over http',
      { graphBaseUrl: 'http://graph.microsoft.com/v1.0' },
      { graphBaseUrl: 'Use the Microsoft Graph address, usually https://graph.microsoft.com/v1.0.' },
    ],
    [
      'a scope without /.default',
      { scope: 'https://graph.microsoft.com/Mail.Send' },
      { scope: 'The client credentials grant needs one scope ending in /.default, usually https://graph.microsoft.com/.default.' },
    ],
  ])('refuses %s with a field message', async (_label, change, fieldErrors) => {
    const { kv, service } = setup();
    const error = await service.save(parsedInput(change)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialValidationError);
    expect(error).toMatchObject({ fieldErrors });
    expect(kv.count('setSecret')).toBe(0);
  });

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

import { createCredentialService } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import { readStoredCredential } from '../../../src/credentials/stored-credential';
import { parsedInput, sequentialIds } from '../support/credentials';
import { MemoryKvStore } from '../support/memory-kv-store';

/** A record exactly as the foundation release (version 1) wrote it into users' local data. */
const V1_RECORD = {
  version: 1,
  id: '3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c',
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
  secretUpdatedAt: '2024-05-01T10:00:00.000Z',
  isDefault: true,
  createdAt: '2024-05-01T10:00:00.000Z',
  updatedAt: '2024-05-01T10:00:00.000Z',
  lastTest: { ok: true, code: 'OK', message: 'Connected', testedAt: '2024-05-01T10:01:00.000Z' },
};

describe('stored credential versions', () => {
  it('reads a version 1 record as a version 2 client secret credential', () => {
    expect(readStoredCredential(V1_RECORD)).toEqual({
      ok: true,
      credential: {
        ...V1_RECORD,
        version: 2,
        clientAuthMethod: 'client_secret',
        hasNextSecret: false,
        hasPrivateKey: false,
      },
    });
  });

  it.each([
    [{ ...V1_RECORD, provider: 'microsoft365-china' }, 'provider: Invalid input: expected "microsoft365"'],
    [{ ...V1_RECORD, hasSecret: 'yes' }, 'hasSecret: Invalid input: expected boolean, received string'],
    [{ ...V1_RECORD, version: 3 }, 'version: Invalid input: expected 2'],
    ['not a record', '(root): Invalid input: expected object, received string'],
  ])('names the first problem of a record it cannot read (%#)', (value, problem) => {
    expect(readStoredCredential(value)).toEqual({ ok: false, problem });
  });

  it('lists, edits and tests a version 1 record, writing it back as version 2 on the next save', async () => {
    const kv = new MemoryKvStore();
    kv.plain.set(`credential:${V1_RECORD.id}`, V1_RECORD);
    kv.secrets.set(`credential-secret:${V1_RECORD.id}`, 'OLD-SECRET');
    const service = createCredentialService({
      store: createCredentialStore(kv),
      now: () => Date.parse('2024-06-01T00:00:00Z'),
      newId: sequentialIds(),
      env: {},
    });

    const [view] = await service.list();
    expect(view).toMatchObject({
      id: V1_RECORD.id,
      clientAuthMethod: 'client_secret',
      hasSecret: true,
      hasNextSecret: false,
      isDefault: true,
    });
    await expect(service.readSecret(V1_RECORD.id)).resolves.toBe('OLD-SECRET');

    await service.save(parsedInput({ id: V1_RECORD.id, name: 'Renamed', clientSecret: '' }));
    expect(kv.plain.get(`credential:${V1_RECORD.id}`)).toMatchObject({
      version: 2,
      name: 'Renamed',
      clientAuthMethod: 'client_secret',
    });
    expect(kv.secrets.get(`credential-secret:${V1_RECORD.id}`)).toBe('OLD-SECRET');
  });
});

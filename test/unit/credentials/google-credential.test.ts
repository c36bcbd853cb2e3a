import {
  type GoogleCredentialInput,
  googleCredentialInputSchema,
  type ParsedGoogleCredentialInput,
} from '../../../src/contract/google-workspace';
import { createCredentialService } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import { CredentialInUseError, CredentialValidationError } from '../../../src/credentials/errors';
import { planGoogleSave } from '../../../src/providers/google-credential-save';
import { makeServiceAccountKey, pemBody } from '../providers/google/key-fixture';
import { parsedInput, sequentialIds, tickingClock } from '../support/credentials';
import { MemoryKvStore } from '../support/memory-kv-store';

const KEY = makeServiceAccountKey();
const OTHER = makeServiceAccountKey();
const KEY_BODY = pemBody(KEY.privateKeyPem);

const keyText = (file: Record<string, string> = KEY.file, changes: Record<string, unknown> = {}): string =>
  JSON.stringify({ ...file, ...changes }, null, 2);

const googleInput = (overrides: Partial<GoogleCredentialInput> = {}): ParsedGoogleCredentialInput =>
  googleCredentialInputSchema.parse({
    name: 'Workspace mailbox',
    provider: 'google-workspace',
    serviceAccountKey: keyText(),
    senderMailbox: 'support@example-google.test',
    ...overrides,
  });

const setup = () => {
  const kv = new MemoryKvStore();
  const service = createCredentialService({
    store: createCredentialStore(kv),
    now: tickingClock(),
    newId: sequentialIds(),
    env: {},
    planGoogleSave,
  });
  return { kv, service };
};

const PASSED = { ok: true, code: 'OK', message: 'Connected', testedAt: '2024-05-06T06:00:30.000Z' };

describe('Google Workspace credentials', () => {
  it('creates one: public facts on the record, the private key only in secret storage, the first one default', async () => {
    const { kv, service } = setup();

    const view = await service.saveGoogle(googleInput());

    expect(view).toEqual({
      id: 'cred-1',
      name: 'Workspace mailbox',
      provider: 'google-workspace',
      grantType: 'jwt_bearer',
      clientAuthMethod: 'client_secret',
      clientId: '112233445566778899001',
      tokenEndpoint: 'https://oauth2.googleapis.com/token',
      scope: 'https://www.googleapis.com/auth/gmail.send',
      senderMailbox: 'support@example-google.test',
      graphBaseUrl: 'https://gmail.googleapis.com',
      hasSecret: false,
      hasNextSecret: false,
      hasPrivateKey: true,
      serviceAccount: {
        clientEmail: 'mailer@issue-mailer-test.iam.gserviceaccount.com',
        privateKeyId: '0123456789abcdef0123456789abcdef01234567',
        projectId: 'issue-mailer-test',
        keyUpdatedAt: '2024-05-06T06:00:00.000Z',
      },
      isDefault: true,
      createdAt: '2024-05-06T06:00:00.000Z',
      updatedAt: '2024-05-06T06:00:00.000Z',
    });
    expect([...kv.secrets.entries()]).toEqual([['credential-private-key:cred-1', KEY.privateKeyPem]]);
    expect([...kv.plain.keys()]).toEqual(['credential:cred-1']);
    expect(kv.plainText()).not.toContain(KEY_BODY);
    await expect(service.readPrivateKey('cred-1')).resolves.toBe(KEY.privateKeyPem);
  });

  it('asks for gmail.modify too when the credential also reads incoming mail', async () => {
    const { service } = setup();
    const view = await service.saveGoogle(googleInput({ incomingMail: true }));
    expect(view.scope).toBe('https://www.googleapis.com/auth/gmail.send https://www.googleapis.com/auth/gmail.modify');
  });

  it('keeps the key, client ID, service account and last test on an edit without a key', async () => {
    const { kv, service } = setup();
    const created = await service.saveGoogle(googleInput());
    await service.recordTestResult('cred-1', PASSED);

    const edited = await service.saveGoogle(googleInput({ id: 'cred-1', name: 'Renamed', serviceAccountKey: '' }));

    expect(edited).toMatchObject({
      name: 'Renamed',
      clientId: created.clientId,
      serviceAccount: created.serviceAccount,
      hasPrivateKey: true,
      createdAt: created.createdAt,
      isDefault: true,
      lastTest: PASSED,
    });
    expect(edited.updatedAt).not.toBe(created.updatedAt);
    expect(kv.secrets.get('credential-private-key:cred-1')).toBe(KEY.privateKeyPem);
  });

  it('replaces the key: new public facts and upload time, the new private key, the last test forgotten', async () => {
    const { kv, service } = setup();
    await service.saveGoogle(googleInput());
    await service.recordTestResult('cred-1', PASSED);
    const replacement = keyText(OTHER.file, {
      client_id: '998877665544332211009',
      private_key_id: 'fedcba9876543210fedcba9876543210fedcba98',
      project_id: undefined,
    });

    const edited = await service.saveGoogle(googleInput({ id: 'cred-1', serviceAccountKey: replacement }));

    expect(edited.clientId).toBe('998877665544332211009');
    expect(edited.serviceAccount).toEqual({
      clientEmail: 'mailer@issue-mailer-test.iam.gserviceaccount.com',
      privateKeyId: 'fedcba9876543210fedcba9876543210fedcba98',
      keyUpdatedAt: '2024-05-06T06:00:01.000Z',
    });
    expect(edited).not.toHaveProperty('lastTest');
    expect(kv.secrets.get('credential-private-key:cred-1')).toBe(OTHER.privateKeyPem);
  });

  it.each<[string, Partial<GoogleCredentialInput>]>([
    ['the mailbox', { senderMailbox: 'sales@example-google.test' }],
    ['the scopes', { incomingMail: true }],
  ])('forgets the last test when %s changes', async (_what, change) => {
    const { service } = setup();
    await service.saveGoogle(googleInput());
    await service.recordTestResult('cred-1', PASSED);
    await expect(
      service.saveGoogle(googleInput({ id: 'cred-1', serviceAccountKey: undefined, ...change })),
    ).resolves.not.toHaveProperty('lastTest');
  });

  it.each<[string, string, string]>([
    ['not JSON', 'not json', 'The service account key is not JSON: paste or upload the whole JSON key file.'],
    [
      'a user credentials file',
      keyText(KEY.file, { type: 'authorized_user' }),
      'The key\'s "type" is "authorized_user", not "service_account": create a JSON key for a service account in ' +
        'Google Cloud console (IAM & Admin > Service Accounts > Keys).',
    ],
    [
      'no private key',
      keyText(KEY.file, { private_key: '' }),
      'The service account key has no "private_key": use the JSON key file exactly as Google Cloud downloaded it.',
    ],
    [
      'an email for a client ID',
      keyText(KEY.file, { client_id: KEY.file['client_email'] }),
      'The service account key\'s "client_id" must be the numeric client ID.',
    ],
    [
      'a PKCS#1 key',
      keyText(KEY.file, { private_key: KEY.pkcs1Pem }),
      'The service account key\'s "private_key" is a PEM "RSA PRIVATE KEY", not the PKCS#8 "PRIVATE KEY" Google issues.',
    ],
    [
      'a PKCS#8 key that is not one',
      keyText(KEY.file, { private_key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n' }),
      'The service account key\'s "private_key" cannot be read as an RSA private key: download a new JSON key.',
    ],
    [
      'another universe',
      keyText(KEY.file, { universe_domain: 'example.sovereign' }),
      'The service account key\'s "universe_domain" is not "googleapis.com": keys of other universes use other ' +
        'endpoints, which Issue Mailer does not support.',
    ],
  ])('refuses %s with a field error on the key, storing nothing', async (_label, text, message) => {
    const { kv, service } = setup();
    const error = await service.saveGoogle(googleInput({ serviceAccountKey: text })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialValidationError);
    expect(error).toMatchObject({ code: 'CREDENTIAL_INVALID', fieldErrors: { serviceAccountKey: message } });
    expect(JSON.stringify((error as CredentialValidationError).fieldErrors)).not.toContain(pemBody(KEY.pkcs1Pem));
    expect(kv.plain.size + kv.secrets.size).toBe(0);
  });

  it('refuses to create one without a key even past the schema', async () => {
    const { service } = setup();
    await expect(service.saveGoogle({ ...googleInput(), serviceAccountKey: undefined })).rejects.toMatchObject({
      code: 'CREDENTIAL_INVALID',
      fieldErrors: {
        serviceAccountKey:
          'Choose the JSON key file Google Cloud downloaded for the service account (IAM & Admin > Service accounts > Keys).',
      },
    });
  });

  it('refuses a save where no provider plans it (a function that does not save credentials), storing nothing', async () => {
    const kv = new MemoryKvStore();
    const service = createCredentialService({ store: createCredentialStore(kv), now: tickingClock(), env: {} });
    await expect(service.saveGoogle(googleInput())).rejects.toThrow('Google Workspace credentials are not saved here.');
    expect(kv.count()).toBe(0);
  });

  it.each<[string, 'google' | 'microsoft', string]>([
    ['a Google save over a Microsoft credential', 'microsoft', 'Google Workspace'],
    ['a Microsoft save over a Google credential', 'google', 'Microsoft 365'],
  ])('refuses %s, changing nothing', async (_label, first, other) => {
    const { kv, service } = setup();
    if (first === 'microsoft') await service.save(parsedInput());
    else await service.saveGoogle(googleInput());
    const before = kv.plainText();

    const error = await (
      first === 'microsoft'
        ? service.saveGoogle(googleInput({ id: 'cred-1' }))
        : service.save(parsedInput({ id: 'cred-1' }))
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CredentialValidationError);
    expect(error).toMatchObject({
      code: 'CREDENTIAL_INVALID',
      fieldErrors: { provider: `A saved credential keeps its provider: create a new credential for ${other}.` },
    });
    expect(kv.plainText()).toBe(before);
  });

  it('follows the default rules beside Microsoft credentials, and a delete removes the private key', async () => {
    const { kv, service } = setup();
    await service.saveGoogle(googleInput());
    const microsoft = await service.save(parsedInput({ name: 'Microsoft' }));
    expect(microsoft.isDefault).toBe(false);

    await expect(service.remove('cred-1')).rejects.toBeInstanceOf(CredentialInUseError);
    await service.setDefault('cred-2');
    kv.secrets.set('token-cache:cred-1', { accessToken: 't' });

    await expect(service.remove('cred-1')).resolves.toEqual({ id: 'cred-1' });

    expect([...kv.plain.keys()]).toEqual(['credential:cred-2']);
    expect([...kv.secrets.keys()]).toEqual(['credential-secret:cred-2']);
  });
});

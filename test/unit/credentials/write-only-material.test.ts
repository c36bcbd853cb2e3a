import { createPublicKey, X509Certificate } from 'node:crypto';

import { credentialInputSchema } from '../../../src/contract/credentials';
import { createCredentialService } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import { CredentialValidationError, SecretRequiredError } from '../../../src/credentials/errors';
import {
  APP_CERTIFICATE,
  APP_RSA_KEY,
  APP_THUMBPRINT,
  EC_CERTIFICATE,
  EC_KEY,
  OTHER_KEY,
} from '../support/certificates';
import { certificateInput, parsedInput, SECRET, sequentialIds, tickingClock, unchecked } from '../support/credentials';
import { MemoryKvStore } from '../support/memory-kv-store';

const setup = () => {
  const kv = new MemoryKvStore();
  const service = createCredentialService({
    store: createCredentialStore(kv),
    now: tickingClock(),
    newId: sequentialIds(),
    env: {},
  });
  return { kv, service };
};

const certificateParsed = (overrides: Parameters<typeof certificateInput>[0] = {}) =>
  credentialInputSchema.parse(certificateInput(overrides));

describe('next secret (rotation)', () => {
  it('stores a next secret beside the current one, only in secret storage', async () => {
    const { kv, service } = setup();
    const view = await service.save(
      parsedInput({ nextClientSecret: ' NEXT-SECRET\n', nextSecretExpiresOn: '2026-11-01' }),
    );

    expect(view).toMatchObject({
      hasSecret: true,
      hasNextSecret: true,
      nextSecretExpiresOn: '2026-11-01',
      nextSecretUpdatedAt: '2024-05-06T06:00:00.000Z',
    });
    expect(kv.secrets.get('credential-next-secret:cred-1')).toBe('NEXT-SECRET');
    expect(kv.plainText()).not.toContain('NEXT-SECRET');
    await expect(service.readNextSecret('cred-1')).resolves.toBe('NEXT-SECRET');
  });

  it('keeps the next secret when an edit sends none, and lets the edit change its expiry date', async () => {
    const { kv, service } = setup();
    await service.save(parsedInput({ nextClientSecret: 'NEXT-SECRET', nextSecretExpiresOn: '2026-11-01' }));
    const kept = await service.save(parsedInput({ id: 'cred-1', clientSecret: '' }));
    expect(kept).toMatchObject({ hasNextSecret: true, nextSecretExpiresOn: '2026-11-01' });
    const redated = await service.save(
      parsedInput({ id: 'cred-1', clientSecret: '', nextSecretExpiresOn: '2026-12-01' }),
    );
    expect(redated).toMatchObject({ hasNextSecret: true, nextSecretExpiresOn: '2026-12-01' });
    expect(kv.secrets.get('credential-next-secret:cred-1')).toBe('NEXT-SECRET');
  });

  it('removes the next secret on request, from the record and from secret storage', async () => {
    const { kv, service } = setup();
    await service.save(parsedInput({ nextClientSecret: 'NEXT-SECRET', nextSecretExpiresOn: '2026-11-01' }));
    const view = await service.save(parsedInput({ id: 'cred-1', clientSecret: '', removeNextSecret: true }));
    expect(view).toMatchObject({ hasNextSecret: false });
    expect(view).not.toHaveProperty('nextSecretExpiresOn');
    expect(view).not.toHaveProperty('nextSecretUpdatedAt');
    expect(kv.secrets.has('credential-next-secret:cred-1')).toBe(false);
  });

  it('keeps the last test when only the next secret changes: the current connection is the same', async () => {
    const { service } = setup();
    await service.save(parsedInput());
    await service.recordTestResult('cred-1', { ok: true, code: 'OK', message: 'm', testedAt: 't' });
    await expect(
      service.save(parsedInput({ id: 'cred-1', clientSecret: '', nextClientSecret: 'N2' })),
    ).resolves.toMatchObject({
      lastTest: { ok: true },
    });
  });

  it('promotes the next secret: current := next with its expiry, next cleared, the rotation recorded', async () => {
    const { kv, service } = setup();
    await service.save(
      parsedInput({
        secretExpiresOn: '2024-05-01',
        nextClientSecret: 'NEXT-SECRET',
        nextSecretExpiresOn: '2026-11-01',
      }),
    );
    await service.recordTestResult('cred-1', {
      ok: false,
      code: 'TOKEN_CLIENT_SECRET_EXPIRED',
      message: 'm',
      testedAt: 't',
    });

    const promoted = await service.promoteNextSecret('cred-1', 'NEXT-SECRET', 'expired');

    expect(promoted).toMatchObject({
      hasSecret: true,
      secretExpiresOn: '2026-11-01',
      secretUpdatedAt: '2024-05-06T06:00:01.000Z',
      hasNextSecret: false,
      lastRotation: { promotedAt: '2024-05-06T06:00:01.000Z', reason: 'expired' },
    });
    expect(promoted).not.toHaveProperty('nextSecretExpiresOn');
    expect(promoted).not.toHaveProperty('lastTest');
    expect(kv.secrets.get('credential-secret:cred-1')).toBe('NEXT-SECRET');
    expect(kv.secrets.has('credential-next-secret:cred-1')).toBe(false);
    expect((await service.list())[0]).toMatchObject({ lastRotation: { reason: 'expired' }, hasNextSecret: false });
  });
});

describe('certificate credentials', () => {
  it('stores the private key only in secret storage and the certificate summary in the record', async () => {
    const { kv, service } = setup();
    const view = await service.save(certificateParsed());

    const certificate = new X509Certificate(APP_CERTIFICATE);
    expect(view).toMatchObject({
      clientAuthMethod: 'certificate',
      hasSecret: false,
      hasNextSecret: false,
      hasPrivateKey: true,
      certificate: {
        thumbprint: APP_THUMBPRINT,
        subject: 'CN=Issue Mailer unit tests, O=Contoso',
        notBefore: new Date(certificate.validFrom).toISOString(),
        notAfter: new Date(certificate.validTo).toISOString(),
      },
    });
    expect(view.certificate?.thumbprintSha256).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(view).not.toHaveProperty('certificateUpdatedAt');
    const storedKey = kv.secrets.get('credential-private-key:cred-1') as string;
    expect(storedKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(createPublicKey(storedKey).export({ format: 'jwk' })).toEqual(
      certificate.publicKey.export({ format: 'jwk' }),
    );
    expect([...kv.secrets.keys()]).toEqual(['credential-private-key:cred-1']);
    expect(kv.plainText()).not.toContain('PRIVATE KEY');
    await expect(service.readPrivateKey('cred-1')).resolves.toBe(storedKey);
  });

  it('takes a PKCS#1 key and stores it as PKCS#8', async () => {
    const { kv, service } = setup();
    await service.save(certificateParsed({ privateKeyPem: APP_RSA_KEY }));
    expect(kv.secrets.get('credential-private-key:cred-1')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });

  it.each([
    [
      'a key of another certificate',
      { privateKeyPem: OTHER_KEY },
      {
        privateKeyPem:
          'This private key does not belong to the certificate. Paste the private key the certificate was created with.',
      },
    ],
    [
      'an EC certificate',
      { certificatePem: EC_CERTIFICATE, privateKeyPem: EC_KEY },
      {
        certificatePem:
          'Microsoft Entra certificate credentials use RSA keys: create a certificate with an RSA key of at least 2048 bits.',
      },
    ],
    [
      'a certificate that does not parse',
      { certificatePem: '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----' },
      {
        certificatePem:
          'This certificate could not be read. Paste the PEM certificate you uploaded to Certificates & secrets, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.',
      },
    ],
    [
      'a key that does not parse',
      { privateKeyPem: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----' },
      {
        privateKeyPem:
          'This private key could not be read. Paste the PEM private key without a passphrase, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.',
      },
    ],
  ])('refuses %s with a field message, storing nothing', async (_label, change, fieldErrors) => {
    const { kv, service } = setup();
    const error = await service.save(certificateParsed(change)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialValidationError);
    expect(error).toEqual(expect.objectContaining({ fieldErrors }));
    expect(JSON.stringify(error)).not.toContain('PRIVATE KEY-----\nMII');
    expect(kv.plain.size + kv.secrets.size).toBe(0);
  });

  it('refuses a certificate that has expired', async () => {
    const kv = new MemoryKvStore();
    const service = createCredentialService({
      store: createCredentialStore(kv),
      now: () => Date.parse('2200-01-01T00:00:00Z'),
      newId: sequentialIds(),
      env: {},
    });
    const notAfter = new Date(new X509Certificate(APP_CERTIFICATE).validTo).toISOString().slice(0, 10);
    await expect(service.save(certificateParsed())).rejects.toMatchObject({
      fieldErrors: {
        certificatePem: `This certificate expired on ${notAfter}. Create a new certificate, upload it to Certificates & secrets and paste it here with its private key.`,
      },
    });
  });

  it.each([
    [
      'a certificate without its key',
      { privateKeyPem: undefined },
      { privateKeyPem: 'Paste the private key that goes with this certificate.' },
    ],
    [
      'a key without its certificate',
      { certificatePem: undefined },
      { certificatePem: 'Paste the certificate that goes with this private key.' },
    ],
  ])('on an edit, refuses %s', async (_label, change, fieldErrors) => {
    const { service } = setup();
    await service.save(certificateParsed());
    await expect(service.save({ ...certificateParsed({ id: 'cred-1' }), ...change })).rejects.toMatchObject({
      fieldErrors,
    });
  });

  it('refuses to create a certificate credential without a certificate', async () => {
    const { service } = setup();
    const { certificatePem: _c, privateKeyPem: _k, ...input } = certificateParsed();
    await expect(service.save(input)).rejects.toMatchObject({
      fieldErrors: {
        certificatePem:
          'Paste the certificate you uploaded to Certificates & secrets, in PEM form (-----BEGIN CERTIFICATE-----).',
        privateKeyPem: "Paste the certificate's private key in PEM form (-----BEGIN PRIVATE KEY-----).",
      },
    });
  });

  it('keeps the stored certificate and key when an edit sends none', async () => {
    const { kv, service } = setup();
    const created = await service.save(certificateParsed());
    const { certificatePem: _c, privateKeyPem: _k, ...input } = certificateParsed({ id: 'cred-1', name: 'Renamed' });
    const edited = await service.save(input);
    expect(edited).toMatchObject({ name: 'Renamed', hasPrivateKey: true, certificate: created.certificate });
    expect(kv.secrets.has('credential-private-key:cred-1')).toBe(true);
  });

  it('switching from a secret to a certificate deletes the secrets; switching back needs a secret again', async () => {
    const { kv, service } = setup();
    await service.save(parsedInput({ nextClientSecret: 'NEXT-SECRET' }));
    const switched = await service.save(certificateParsed({ id: 'cred-1' }));
    expect(switched).toMatchObject({ clientAuthMethod: 'certificate', hasSecret: false, hasNextSecret: false });
    expect(switched).not.toHaveProperty('secretExpiresOn');
    expect([...kv.secrets.keys()]).toEqual(['credential-private-key:cred-1']);

    await expect(service.save(unchecked({ id: 'cred-1', clientSecret: undefined }))).rejects.toBeInstanceOf(
      SecretRequiredError,
    );
    const back = await service.save(parsedInput({ id: 'cred-1', clientSecret: SECRET }));
    expect(back).toMatchObject({ clientAuthMethod: 'client_secret', hasSecret: true, hasPrivateKey: false });
    expect(back).not.toHaveProperty('certificate');
    expect([...kv.secrets.keys()]).toEqual(['credential-secret:cred-1']);
  });
});

import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { MicrosoftEmulatorConfig } from '../../../local/microsoft';
import {
  loadTenantConfig,
  MicrosoftEmulatorError,
  MicrosoftEmulatorErrorCode,
  parseTenantConfig,
  startMicrosoftEmulator,
} from '../../../local/microsoft';
import { DEMO_CERTIFICATE, demoConfig, TENANT_JSON } from './helpers';

const thrownBy = (action: () => unknown): MicrosoftEmulatorError => {
  try {
    action();
  } catch (error) {
    if (error instanceof MicrosoftEmulatorError) return error;
    throw error;
  }
  throw new Error('expected a MicrosoftEmulatorError');
};

describe('Microsoft emulator tenant config', () => {
  it('loads the demo tenant', () => {
    const config = loadTenantConfig(TENANT_JSON);
    const tenant = config.tenants[0];
    expect(config.tenants).toHaveLength(1);
    expect(tenant).toMatchObject({
      id: '6b1f3c2a-8d4e-4f7a-9c51-2e7d0a3b5c84',
      displayName: 'Contoso',
      domains: ['contoso.onmicrosoft.com'],
    });
    expect(tenant?.apps.map((app) => [app.displayName, app.adminConsentGranted, app.applicationPermissions])).toEqual([
      ['Issue Mailer (demo)', true, ['Mail.Send', 'Mail.ReadWrite', 'User.Read.All']],
      ['Issue Mailer (awaiting admin consent)', false, ['Mail.Send']],
      ['Issue Mailer (secret expiring soon)', true, ['Mail.Send', 'Mail.ReadWrite', 'User.Read.All']],
    ]);
    expect(tenant?.apps[0]?.secrets.map((secret) => secret.expiresOn)).toEqual([
      '2099-12-31T00:00:00Z',
      '2024-01-31T00:00:00Z',
    ]);
    expect(tenant?.mailboxes.map((mailbox) => [mailbox.userPrincipalName, mailbox.mailboxEnabled])).toEqual([
      ['support@contoso.onmicrosoft.com', true],
      ['noreply@contoso.onmicrosoft.com', false],
      ['sales@contoso.onmicrosoft.com', true],
    ]);
    // The authorization code flow: no redirect URI until the admin pastes ours, user consent, demo passwords.
    expect(tenant?.apps[0]).toMatchObject({
      redirectUris: [],
      delegatedPermissions: ['User.Read', 'Mail.Send', 'Mail.ReadWrite', 'offline_access'],
      delegatedAdminConsentGranted: false,
    });
    expect(tenant?.mailboxes.map((mailbox) => mailbox.password)).toEqual([
      'Support-Demo-2030',
      'NoReply-Demo-2030',
      'Sales-Demo-2030',
    ]);
    expect(tenant?.applicationAccessPolicies).toEqual([
      {
        appId: '3f8a2c1d-7b4e-4d96-a5f0-1c2e9b8d7a60',
        accessRight: 'RestrictAccess',
        mailboxes: ['support@contoso.onmicrosoft.com'],
        description: 'Issue Mailer (demo) may use the support mailbox only',
      },
    ]);
  });

  it('registers the committed demo certificate and key on the demo app', () => {
    const [certificate, ...others] = demoConfig().tenants[0]?.apps[0]?.certificates ?? [];
    expect(others).toEqual([]);
    expect(certificate).toEqual({
      id: '3deb3877-c8e2-5de8-8821-cb69a478c125',
      thumbprint: DEMO_CERTIFICATE.thumbprint,
      description: 'Issue Mailer demo (emulator only)',
      certificatePem: readFileSync(DEMO_CERTIFICATE.certificateFile, 'utf8'),
      privateKeyPem: readFileSync(DEMO_CERTIFICATE.privateKeyFile, 'utf8'),
      startsOn: '2026-11-26T16:33:09Z',
      expiresOn: '2036-11-23T16:33:09Z',
    });
  });

  it.each([
    [20, '2030-06-01T08:30:00Z', '2030-06-21T00:00:00Z'],
    [20, '2030-06-01T23:59:59Z', '2030-06-21T00:00:00Z'],
    [0, '2030-06-01T12:00:00Z', '2030-06-01T00:00:00Z'],
    [-3, '2030-06-01T12:00:00Z', '2030-05-29T00:00:00Z'],
  ])('resolves expiresInDays %i on %s to %s', (days, today, expected) => {
    const config = withTenant((t) => {
      const secret = (firstApp(t).secrets as Record<string, unknown>[])[0] as Record<string, unknown>;
      delete secret.expiresOn;
      secret.expiresInDays = days;
    });
    expect(
      parseTenantConfig(config, 'tenant config', { now: new Date(today) }).tenants[0]?.apps[0]?.secrets[0]?.expiresOn,
    ).toBe(expected);
  });

  it('resolves the demo secret expiring soon to 20 days after the day the file is loaded', () => {
    const config = loadTenantConfig(TENANT_JSON, { now: new Date('2031-02-27T10:00:00Z') });
    const app = config.tenants[0]?.apps.find(
      (candidate) => candidate.displayName === 'Issue Mailer (secret expiring soon)',
    );
    expect(app?.secrets.map((secret) => secret.expiresOn)).toEqual(['2031-03-19T00:00:00Z']);
  });

  it('resolves expiresInDays of a config given to startMicrosoftEmulator against its clock', async () => {
    const config = withTenant((t) => {
      const secret = (firstApp(t).secrets as Record<string, unknown>[])[0] as Record<string, unknown>;
      delete secret.expiresOn;
      secret.expiresInDays = 20;
    }) as unknown as MicrosoftEmulatorConfig;
    const emulator = await startMicrosoftEmulator({ config, now: () => new Date('2030-06-01T12:00:00Z') });
    try {
      expect(emulator.config.tenants[0]?.apps[0]?.secrets[0]?.expiresOn).toBe('2030-06-21T00:00:00Z');
    } finally {
      await emulator.close();
    }
  });

  const base = () => demoConfig() as unknown as { tenants: Record<string, unknown>[]; [key: string]: unknown };
  const withTenant = (change: (tenant: Record<string, unknown>) => void) => {
    const config = base();
    change(config.tenants[0] as Record<string, unknown>);
    return config;
  };
  const firstApp = (tenant: Record<string, unknown>) =>
    (tenant.apps as Record<string, unknown>[])[0] as Record<string, unknown>;
  const firstCertificate = (tenant: Record<string, unknown>) =>
    (firstApp(tenant).certificates as Record<string, unknown>[])[0] as Record<string, unknown>;

  it.each<[string, unknown, string]>([
    ['no tenants', { tenants: [] }, 'tenants'],
    ['a tenant id that is not a GUID', withTenant((t) => (t.id = 'contoso')), 'tenants.0.id: tenant id must be a GUID'],
    [
      'a domain that is not a DNS name',
      withTenant((t) => (t.domains = ['contoso'])),
      'tenants.0.domains.0: domain must be a DNS name',
    ],
    ['an unknown property', withTenant((t) => (t.region = 'EU')), 'tenants.0'],
    [
      'a secret expiry that is not a date-time',
      withTenant((t) => ((firstApp(t).secrets as Record<string, unknown>[])[0]!.expiresOn = '2099-12-31')),
      'tenants.0.apps.0.secrets.0.expiresOn',
    ],
    [
      'an empty secret value',
      withTenant((t) => ((firstApp(t).secrets as Record<string, unknown>[])[0]!.value = '')),
      'tenants.0.apps.0.secrets.0.value: secret value must not be empty',
    ],
    [
      'a duplicate client id',
      withTenant((t) => (t.apps = [firstApp(t), firstApp(t)])),
      'tenants.0.apps.1.clientId: clientId in tenant',
    ],
    [
      'an http redirect URI that is not loopback',
      withTenant((t) => (firstApp(t).redirectUris = ['http://issue-mailer.example/callback'])),
      'tenants.0.apps.0.redirectUris.0: a redirect URI must begin with https (http only for localhost or 127.0.0.1)',
    ],
    [
      'a delegated permission that is no permission name',
      withTenant((t) => (firstApp(t).delegatedPermissions = ['mail'])),
      'tenants.0.apps.0.delegatedPermissions.0: delegated permission must look like Mail.Send or be openid, profile, email or offline_access',
    ],
    [
      'an empty demo password',
      withTenant((t) => ((t.mailboxes as Record<string, unknown>[])[0]!.password = '')),
      'tenants.0.mailboxes.0.password: password must not be empty',
    ],
    ['a zero token lifetime', { ...base(), tokenLifetimeSeconds: 0 }, 'tokenLifetimeSeconds'],
    [
      'a secret with both expiresOn and expiresInDays',
      withTenant((t) => ((firstApp(t).secrets as Record<string, unknown>[])[0]!.expiresInDays = 20)),
      'tenants.0.apps.0.secrets.0.expiresOn: give either expiresOn or expiresInDays',
    ],
    [
      'a fractional expiresInDays',
      withTenant((t) => {
        const secret = (firstApp(t).secrets as Record<string, unknown>[])[0]!;
        delete secret.expiresOn;
        secret.expiresInDays = 1.5;
      }),
      'tenants.0.apps.0.secrets.0.expiresInDays: expiresInDays must be a whole number of days',
    ],
    [
      "a certificate thumbprint that is not the certificate's",
      withTenant((t) => (firstCertificate(t).thumbprint = 'AB'.repeat(20))),
      `tenants.0.apps.0.certificates.0.thumbprint: thumbprint does not match the certificate, whose SHA-1 thumbprint is ${DEMO_CERTIFICATE.thumbprint}`,
    ],
    [
      'a certificate thumbprint that is not SHA-1 hex',
      withTenant((t) => (firstCertificate(t).thumbprint = 'VyxuH8UETdapITYYPCOdXmjIeleIc2vJDZrjEqXQAlA')),
      'tenants.0.apps.0.certificates.0.thumbprint: thumbprint must be the SHA-1 thumbprint in hex, as the portal shows it',
    ],
    [
      'a certificate PEM that is not a certificate',
      withTenant(
        (t) =>
          (firstCertificate(t).certificatePem = '-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----\n'),
      ),
      'tenants.0.apps.0.certificates.0.certificatePem: the certificate is not a readable X.509 certificate',
    ],
    [
      "a private key that is not the certificate's",
      withTenant(
        (t) =>
          (firstCertificate(t).privateKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
            type: 'pkcs8',
            format: 'pem',
          })),
      ),
      "tenants.0.apps.0.certificates.0.privateKeyPem: the private key is not the certificate's key",
    ],
    [
      "a certificate expiry after the certificate's notAfter",
      withTenant((t) => (firstCertificate(t).expiresOn = '2040-01-01T00:00:00Z')),
      "tenants.0.apps.0.certificates.0.expiresOn: expiresOn must not be after the certificate's notAfter (2036-11-23T16:33:09Z)",
    ],
    [
      'a certificate with neither PEM nor file',
      withTenant((t) => delete firstCertificate(t).certificatePem),
      'tenants.0.apps.0.certificates.0.certificatePem: give either certificatePem or certificateFile',
    ],
    [
      'a relative certificate file in a config not loaded from a file',
      withTenant((t) => {
        delete firstCertificate(t).certificatePem;
        firstCertificate(t).certificateFile = 'certs/issue-mailer-demo.cert.pem';
      }),
      "tenants.0.apps.0.certificates.0.certificateFile: 'certs/issue-mailer-demo.cert.pem' is relative, but this config was not loaded from a file; give the PEM text instead",
    ],
    [
      'a policy naming a mailbox the tenant does not have',
      withTenant(
        (t) =>
          ((t.applicationAccessPolicies as Record<string, unknown>[])[0]!.mailboxes = [
            'ghost@contoso.onmicrosoft.com',
          ]),
      ),
      "tenants.0.applicationAccessPolicies.0.mailboxes.0: 'ghost@contoso.onmicrosoft.com' is not a mailbox of this tenant",
    ],
    [
      'a policy with an unknown access right',
      withTenant((t) => ((t.applicationAccessPolicies as Record<string, unknown>[])[0]!.accessRight = 'AllowAccess')),
      "tenants.0.applicationAccessPolicies.0.accessRight: accessRight must be 'RestrictAccess' or 'DenyAccess'",
    ],
  ])('rejects %s', (_name, input, expected) => {
    const error = thrownBy(() => parseTenantConfig(input));
    expect(error.code).toBe(MicrosoftEmulatorErrorCode.ConfigInvalid);
    expect(error.message.startsWith('Invalid tenant config: ')).toBe(true);
    expect(error.message).toContain(expected);
  });

  it('never puts a secret value in the error message', () => {
    const config = withTenant((t) => ((firstApp(t).secrets as Record<string, unknown>[])[0]!.id = 'not-a-guid'));
    const error = thrownBy(() => parseTenantConfig(config));
    expect(error.message).not.toContain('Kq38Q~');
  });

  it('never puts key material in the error message', () => {
    const config = withTenant(
      (t) =>
        (firstCertificate(t).privateKeyPem =
          '-----BEGIN PRIVATE KEY-----\nTUlJRXZRSUJBREFOQmdr\n-----END PRIVATE KEY-----\n'),
    );
    const error = thrownBy(() => parseTenantConfig(config));
    expect(error.message).toBe(
      'Invalid tenant config: tenants.0.apps.0.certificates.0.privateKeyPem: the private key is not a readable unencrypted PEM private key',
    );
  });

  describe('files', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'ms-emulator-config-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports a missing file as unreadable', () => {
      const error = thrownBy(() => loadTenantConfig(join(dir, 'missing.json')));
      expect(error.code).toBe(MicrosoftEmulatorErrorCode.ConfigUnreadable);
      expect(error.message).toBe(`Cannot read tenant config ${join(dir, 'missing.json')}`);
    });

    it('reports a file that is not JSON as invalid', () => {
      const path = join(dir, 'broken.json');
      writeFileSync(path, '{ "tenants": [');
      const error = thrownBy(() => loadTenantConfig(path));
      expect(error.code).toBe(MicrosoftEmulatorErrorCode.ConfigInvalid);
      expect(error.message).toBe(`Tenant config ${path} is not valid JSON`);
    });

    it('reads certificate files named relative to the config file or by absolute path', () => {
      const path = join(dir, 'cert-files.json');
      writeFileSync(join(dir, 'demo.key.pem'), readFileSync(DEMO_CERTIFICATE.privateKeyFile));
      const config = base();
      const certificate = (
        (config.tenants[0]!.apps as Record<string, unknown>[])[0]!.certificates as Record<string, unknown>[]
      )[0]!;
      delete certificate.certificatePem;
      delete certificate.privateKeyPem;
      certificate.certificateFile = DEMO_CERTIFICATE.certificateFile;
      certificate.privateKeyFile = 'demo.key.pem';
      writeFileSync(path, JSON.stringify(config));
      const loaded = loadTenantConfig(path).tenants[0]?.apps[0]?.certificates?.[0];
      expect(loaded?.certificatePem).toBe(readFileSync(DEMO_CERTIFICATE.certificateFile, 'utf8'));
      expect(loaded?.privateKeyPem).toBe(readFileSync(DEMO_CERTIFICATE.privateKeyFile, 'utf8'));
    });

    it('reads certificate files relative to the config file and names a missing one', () => {
      const path = join(dir, 'missing-cert.json');
      const config = base();
      const certificate = (
        (config.tenants[0]!.apps as Record<string, unknown>[])[0]!.certificates as Record<string, unknown>[]
      )[0]!;
      delete certificate.certificatePem;
      delete certificate.privateKeyPem;
      certificate.certificateFile = 'certs/nowhere.pem';
      writeFileSync(path, JSON.stringify(config));
      expect(thrownBy(() => loadTenantConfig(path)).message).toBe(
        `Invalid tenant config ${path}: tenants.0.apps.0.certificates.0.certificateFile: cannot read ${join(dir, 'certs/nowhere.pem')}`,
      );
    });

    it('names the file when its content is invalid', () => {
      const path = join(dir, 'empty.json');
      writeFileSync(path, '{"tenants": []}');
      expect(thrownBy(() => loadTenantConfig(path)).message.startsWith(`Invalid tenant config ${path}: tenants`)).toBe(
        true,
      );
    });
  });

  it('validates the config given to startMicrosoftEmulator', async () => {
    await expect(startMicrosoftEmulator({ config: { tenants: [] } })).rejects.toMatchObject({
      code: MicrosoftEmulatorErrorCode.ConfigInvalid,
    });
  });

  it('refuses to listen on a non-loopback address', async () => {
    await expect(startMicrosoftEmulator({ config: demoConfig(), host: '0.0.0.0' })).rejects.toMatchObject({
      code: MicrosoftEmulatorErrorCode.NotLoopback,
      message: 'The Microsoft emulator listens on loopback only, not on 0.0.0.0',
    });
  });

  it('reports a port already in use', async () => {
    const first = await startMicrosoftEmulator({ config: demoConfig() });
    try {
      const port = Number(new URL(first.loginBaseUrl).port);
      await expect(startMicrosoftEmulator({ config: demoConfig(), loginPort: port })).rejects.toMatchObject({
        code: MicrosoftEmulatorErrorCode.ListenFailed,
        message: `The login listener cannot listen on 127.0.0.1:${port}`,
      });
    } finally {
      await first.close();
    }
  });
});

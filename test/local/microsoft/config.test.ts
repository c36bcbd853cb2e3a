import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTenantConfig, MicrosoftEmulatorError, MicrosoftEmulatorErrorCode, parseTenantConfig, startMicrosoftEmulator } from '../../../local/microsoft';
import { demoConfig, TENANT_JSON } from './helpers';

function thrownBy(action: () => unknown): MicrosoftEmulatorError {
  try {
    action();
  } catch (error) {
    if (error instanceof MicrosoftEmulatorError) return error;
    throw error;
  }
  throw new Error('expected a MicrosoftEmulatorError');
}

describe('Microsoft emulator tenant config', () => {
  it('loads the demo tenant', () => {
    const config = loadTenantConfig(TENANT_JSON);
    const tenant = config.tenants[0];
    expect(config.tenants).toHaveLength(1);
    expect(tenant).toMatchObject({ id: '6b1f3c2a-8d4e-4f7a-9c51-2e7d0a3b5c84', displayName: 'Contoso', domains: ['contoso.onmicrosoft.com'] });
    expect(tenant?.apps.map((app) => [app.displayName, app.adminConsentGranted, app.applicationPermissions])).toEqual([
      ['Issue Mailer (demo)', true, ['Mail.Send', 'Mail.ReadWrite', 'User.Read.All']],
      ['Issue Mailer (awaiting admin consent)', false, ['Mail.Send']],
    ]);
    expect(tenant?.apps[0]?.secrets.map((secret) => secret.expiresOn)).toEqual(['2099-12-31T00:00:00Z', '2024-01-31T00:00:00Z']);
    expect(tenant?.mailboxes.map((mailbox) => [mailbox.userPrincipalName, mailbox.mailboxEnabled])).toEqual([
      ['support@contoso.onmicrosoft.com', true],
      ['noreply@contoso.onmicrosoft.com', false],
    ]);
  });

  const base = () => demoConfig() as unknown as { tenants: Record<string, unknown>[]; [key: string]: unknown };
  const withTenant = (change: (tenant: Record<string, unknown>) => void) => {
    const config = base();
    change(config.tenants[0] as Record<string, unknown>);
    return config;
  };
  const firstApp = (tenant: Record<string, unknown>) => (tenant.apps as Record<string, unknown>[])[0] as Record<string, unknown>;

  it.each<[string, unknown, string]>([
    ['no tenants', { tenants: [] }, 'tenants'],
    ['a tenant id that is not a GUID', withTenant((t) => (t.id = 'contoso')), 'tenants.0.id: tenant id must be a GUID'],
    ['a domain that is not a DNS name', withTenant((t) => (t.domains = ['contoso'])), 'tenants.0.domains.0: domain must be a DNS name'],
    ['an unknown property', withTenant((t) => (t.region = 'EU')), 'tenants.0'],
    ['a secret expiry that is not a date-time', withTenant((t) => ((firstApp(t).secrets as Record<string, unknown>[])[0]!.expiresOn = '2099-12-31')), 'tenants.0.apps.0.secrets.0.expiresOn'],
    ['an empty secret value', withTenant((t) => ((firstApp(t).secrets as Record<string, unknown>[])[0]!.value = '')), 'tenants.0.apps.0.secrets.0.value: secret value must not be empty'],
    ['a duplicate client id', withTenant((t) => (t.apps = [firstApp(t), firstApp(t)])), "tenants.0.apps.1.clientId: clientId in tenant"],
    ['a zero token lifetime', { ...base(), tokenLifetimeSeconds: 0 }, 'tokenLifetimeSeconds'],
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

    it('names the file when its content is invalid', () => {
      const path = join(dir, 'empty.json');
      writeFileSync(path, '{"tenants": []}');
      expect(thrownBy(() => loadTenantConfig(path)).message.startsWith(`Invalid tenant config ${path}: tenants`)).toBe(true);
    });
  });

  it('validates the config given to startMicrosoftEmulator', async () => {
    await expect(startMicrosoftEmulator({ config: { tenants: [] } })).rejects.toMatchObject({ code: MicrosoftEmulatorErrorCode.ConfigInvalid });
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

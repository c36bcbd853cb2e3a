import { createCredentialService } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import { TokenError, TokenErrorCode } from '../../../src/oauth/errors';
import { createWarningService } from '../../../src/warnings/warning-service';
import { createWarningStore } from '../../../src/warnings/warning-store';
import { parsedInput, sequentialIds } from '../support/credentials';
import { MemoryKvStore } from '../support/memory-kv-store';

const START = Date.parse('2026-04-01T06:00:00Z');
const DAY = 86_400_000;

const setup = () => {
  const kv = new MemoryKvStore();
  let now = START;
  const clock = () => now;
  const store = createCredentialStore(kv);
  const credentials = createCredentialService({ store, now: clock, newId: sequentialIds(), env: {} });
  const warnings = createWarningService({
    store: createWarningStore(kv),
    listCredentials: () => store.list(),
    now: clock,
  });
  return { kv, credentials, warnings, advance: (ms: number) => void (now += ms) };
};

const expired = () => new TokenError(TokenErrorCode.ClientSecretExpired, 'x', { aadstsCode: 7000222 });

describe('warning service', () => {
  it('answers the expiry warnings live, before the daily check ever ran', async () => {
    const { warnings, credentials } = setup();
    await credentials.save(parsedInput({ name: 'Soon', secretExpiresOn: '2026-04-21' }));
    await credentials.save(parsedInput({ name: 'Later', secretExpiresOn: '2027-01-01' }));

    await expect(warnings.list()).resolves.toEqual({
      warnings: [
        {
          credentialId: 'cred-1',
          credentialName: 'Soon',
          kind: 'secret-expiring',
          severity: 'warning',
          date: '2026-04-21',
          message:
            'The client secret expires on 2026-04-21 (in 20 days): create a new secret in Certificates & secrets and add it here as the next secret, so mail keeps going out.',
          recordedAt: '2026-04-01T06:00:00.000Z',
        },
      ],
    });
  });

  it('records the warnings daily with the time of the check, keeping when each was first seen', async () => {
    const { warnings, credentials, kv, advance } = setup();
    await credentials.save(parsedInput({ secretExpiresOn: '2026-04-21' }));

    await expect(warnings.runDailyCheck()).resolves.toEqual({ credentials: 1, warnings: 1 });
    advance(DAY);
    await warnings.runDailyCheck();

    expect(kv.plain.get('admin-warnings')).toEqual({
      warnings: [
        expect.objectContaining({
          kind: 'secret-expiring',
          recordedAt: '2026-04-01T06:00:00.000Z',
          message: expect.stringContaining('(in 19 days)') as unknown,
        }),
      ],
      checkedAt: '2026-04-02T06:00:00.000Z',
    });
    await expect(warnings.list()).resolves.toMatchObject({ checkedAt: '2026-04-02T06:00:00.000Z' });
  });

  it('turns an expiring secret into an expired one as the days pass', async () => {
    const { warnings, credentials, advance } = setup();
    await credentials.save(parsedInput({ secretExpiresOn: '2026-04-02' }));
    advance(2 * DAY);
    await expect(warnings.list()).resolves.toMatchObject({
      warnings: [
        {
          kind: 'secret-expired',
          severity: 'error',
          message:
            'The client secret expired on 2026-04-02: create a new secret in Certificates & secrets and paste its Value here.',
        },
      ],
    });
  });

  it('records a token refusal once, with the expiry date, until the credential changes', async () => {
    const { warnings, credentials, kv, advance } = setup();
    await credentials.save(parsedInput({ secretExpiresOn: '2026-03-01' }));
    const credential = await credentials.get('cred-1');

    await warnings.recordTokenRefused(credential, expired());
    kv.resetOperations();
    advance(1000);
    await warnings.recordTokenRefused(credential, expired());
    expect(kv.count('set')).toBe(0);

    const { warnings: listed } = await warnings.list();
    expect(listed.map((w) => [w.kind, w.severity, w.date])).toEqual([
      ['secret-expired', 'error', '2026-03-01'],
      ['token-refused', 'error', '2026-03-01'],
    ]);
    expect(listed[1]?.message).toBe(
      "Mail could not go out: Microsoft refused Issue Mailer's token request. Microsoft says this secret has expired " +
        '(AADSTS7000222). In Microsoft Entra admin center > App registrations > your app > Certificates & secrets, ' +
        'create a new client secret, paste its Value here and update the expiry date.',
    );
    expect(listed[1]).not.toHaveProperty('code');

    advance(1000);
    await credentials.save(parsedInput({ id: 'cred-1', clientSecret: 'NEW-SECRET', secretExpiresOn: '2027-03-01' }));
    await expect(warnings.list()).resolves.toEqual({ warnings: [] });
  });

  it('records an expired-secret refusal without the typed date when that date says the secret still works', async () => {
    const { warnings, credentials } = setup();
    await credentials.save(parsedInput({ secretExpiresOn: '2026-12-25' }));
    await warnings.recordTokenRefused(await credentials.get('cred-1'), expired());

    const refused = (await warnings.list()).warnings.find((warning) => warning.kind === 'token-refused');
    expect(refused).not.toHaveProperty('date');
    expect(refused?.message).toContain('Microsoft says this secret has expired (AADSTS7000222).');
    expect(refused?.message).toContain(
      'The expiry date typed on the form for this credential is wrong: it says the secret is still valid.',
    );
    expect(refused?.message).not.toContain('2026-12-25');
  });

  it('does not record a refusal the next attempt may not meet', async () => {
    const { warnings, credentials, kv } = setup();
    await credentials.save(parsedInput());
    await warnings.recordTokenRefused(
      await credentials.get('cred-1'),
      new TokenError(TokenErrorCode.EndpointTimeout, 'x'),
    );
    expect(kv.plain.has('admin-warnings')).toBe(false);
  });

  it('keeps the news of a promotion for 30 days, through daily checks', async () => {
    const { warnings, credentials, advance } = setup();
    await credentials.save(
      parsedInput({ secretExpiresOn: '2026-03-01', nextClientSecret: 'NEXT', nextSecretExpiresOn: '2027-03-01' }),
    );
    const promoted = await credentials.promoteNextSecret('cred-1', 'NEXT', 'expired');
    await warnings.recordPromotion(promoted);
    await warnings.runDailyCheck();

    await expect(warnings.list()).resolves.toMatchObject({
      warnings: [
        {
          kind: 'secret-promoted',
          severity: 'info',
          date: '2027-03-01',
          recordedAt: '2026-04-01T06:00:00.000Z',
          message:
            'Microsoft refused the client secret as expired, so the next secret took over and mail keeps going out. ' +
            'Delete the old secret in Certificates & secrets, and add a new next secret before this one expires.',
        },
      ],
    });
    advance(31 * DAY);
    await warnings.runDailyCheck();
    await expect(warnings.list()).resolves.toMatchObject({ warnings: [] });
  });

  it('drops the news of a deleted credential', async () => {
    const { warnings, credentials } = setup();
    await credentials.save(parsedInput({ name: 'Kept', secretExpiresOn: '' }));
    await credentials.save(parsedInput({ name: 'Other', secretExpiresOn: '' }));
    await warnings.recordTokenRefused(await credentials.get('cred-2'), expired());
    await warnings.recordTokenRefused(await credentials.get('cred-1'), expired());
    await credentials.remove('cred-2');
    await expect(warnings.list()).resolves.toMatchObject({
      warnings: [{ credentialId: 'cred-1', credentialName: 'Kept', kind: 'token-refused' }],
    });
  });

  it('reads an entry it cannot parse as no warnings', async () => {
    const { warnings, kv } = setup();
    kv.plain.set('admin-warnings', { warnings: 'nope' });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      await expect(warnings.list()).resolves.toEqual({ warnings: [] });
      expect(warn.mock.calls).toEqual([
        ['[issue-mailer] ignoring unreadable admin-warnings: warnings: Invalid input: expected array, received string'],
      ]);
    } finally {
      warn.mockRestore();
    }
  });
});

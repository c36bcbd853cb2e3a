import { daysUntil, expiryWarnings } from '../../../src/warnings/expiry-warnings';
import { storedCredential as credential } from '../support/credentials';

const NOW = Date.parse('2026-05-01T15:30:00Z');

/** The date `days` days after NOW's day. */
const inDays = (days: number): string =>
  new Date(Date.parse('2026-05-01T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);

const summary = (warnings: ReturnType<typeof expiryWarnings>) =>
  warnings.map((w) => [w.kind, w.severity, w.date, w.message]);

describe('expiry warnings', () => {
  it.each([31, 30, 1, 0, -1])('counts %i whole days from today (UTC), whatever the time of day', (days) => {
    expect(daysUntil(inDays(days), NOW)).toBe(days);
    expect(daysUntil(inDays(days), Date.parse('2026-05-01T00:00:00Z'))).toBe(days);
    expect(daysUntil(inDays(days), Date.parse('2026-05-01T23:59:59Z'))).toBe(days);
  });

  it.each([
    [31, []],
    [
      30,
      [
        [
          'secret-expiring',
          'warning',
          inDays(30),
          `The client secret expires on ${inDays(30)} (in 30 days): create a new secret in Certificates & secrets and add it here as the next secret, so mail keeps going out.`,
        ],
      ],
    ],
    [
      1,
      [
        [
          'secret-expiring',
          'warning',
          inDays(1),
          `The client secret expires on ${inDays(1)} (tomorrow): create a new secret in Certificates & secrets and add it here as the next secret, so mail keeps going out.`,
        ],
      ],
    ],
    [
      0,
      [
        [
          'secret-expiring',
          'warning',
          inDays(0),
          `The client secret expires on ${inDays(0)} (today): create a new secret in Certificates & secrets and add it here as the next secret, so mail keeps going out.`,
        ],
      ],
    ],
    [
      -1,
      [
        [
          'secret-expired',
          'error',
          inDays(-1),
          `The client secret expired on ${inDays(-1)}: create a new secret in Certificates & secrets and paste its Value here.`,
        ],
      ],
    ],
  ])('the secret %i days from its expiry', (days, expected) => {
    expect(summary(expiryWarnings(credential({ secretExpiresOn: inDays(days) }), NOW))).toEqual(expected);
  });

  it('fills in the credential and when the warning was computed', () => {
    expect(expiryWarnings(credential({ secretExpiresOn: inDays(-1) }), NOW)[0]).toMatchObject({
      credentialId: 'cred-1',
      credentialName: 'Support mailbox',
      recordedAt: '2026-05-01T15:30:00.000Z',
    });
  });

  it('is calm about an expiring secret when a next secret that outlives it is ready', () => {
    expect(
      summary(
        expiryWarnings(
          credential({ secretExpiresOn: inDays(10), hasNextSecret: true, nextSecretExpiresOn: inDays(400) }),
          NOW,
        ),
      ),
    ).toEqual([
      [
        'secret-expiring',
        'info',
        inDays(10),
        `The client secret expires on ${inDays(10)} (in 10 days); the next secret takes over then.`,
      ],
    ]);
    expect(summary(expiryWarnings(credential({ secretExpiresOn: inDays(-1), hasNextSecret: true }), NOW))).toEqual([
      [
        'secret-expired',
        'warning',
        inDays(-1),
        `The client secret expired on ${inDays(-1)}; the next secret takes over with the next email or connection test.`,
      ],
    ]);
  });

  it.each([
    [31, []],
    [
      30,
      [
        [
          'next-secret-expiring',
          'warning',
          inDays(30),
          `The next secret expires on ${inDays(30)} (in 30 days): create a new secret in Certificates & secrets and replace the next secret.`,
        ],
      ],
    ],
    [
      0,
      [
        [
          'next-secret-expiring',
          'warning',
          inDays(0),
          `The next secret expires on ${inDays(0)} (today): create a new secret in Certificates & secrets and replace the next secret.`,
        ],
      ],
    ],
    [
      -1,
      [
        [
          'next-secret-expired',
          'warning',
          inDays(-1),
          `The next secret expired on ${inDays(-1)}: create a new secret in Certificates & secrets and replace the next secret.`,
        ],
      ],
    ],
  ])('the next secret %i days from its expiry', (days, expected) => {
    expect(
      summary(expiryWarnings(credential({ hasNextSecret: true, nextSecretExpiresOn: inDays(days) }), NOW)),
    ).toEqual(expected);
  });

  const certificate = (notAfter: string) =>
    credential({
      clientAuthMethod: 'certificate',
      hasSecret: false,
      hasPrivateKey: true,
      certificate: {
        thumbprint: 'AB12',
        thumbprintSha256: 'x',
        subject: 'CN=x',
        notBefore: '2025-01-01T00:00:00.000Z',
        notAfter,
      },
    });

  it.each([
    [31, `${inDays(31)}T10:00:00.000Z`, []],
    [
      30,
      `${inDays(30)}T10:00:00.000Z`,
      [
        [
          'certificate-expiring',
          'warning',
          inDays(30),
          `The certificate (thumbprint AB12) expires on ${inDays(30)} (in 30 days): upload a new certificate in Certificates & secrets and paste it here with its private key.`,
        ],
      ],
    ],
    [
      0,
      `${inDays(0)}T20:00:00.000Z`,
      [
        [
          'certificate-expiring',
          'warning',
          inDays(0),
          `The certificate (thumbprint AB12) expires on ${inDays(0)} (today): upload a new certificate in Certificates & secrets and paste it here with its private key.`,
        ],
      ],
    ],
    [
      0,
      `${inDays(0)}T10:00:00.000Z`,
      [
        [
          'certificate-expired',
          'error',
          inDays(0),
          `The certificate (thumbprint AB12) expired on ${inDays(0)}: upload a new certificate in Certificates & secrets and paste it here with its private key.`,
        ],
      ],
    ],
    [
      -1,
      `${inDays(-1)}T10:00:00.000Z`,
      [
        [
          'certificate-expired',
          'error',
          inDays(-1),
          `The certificate (thumbprint AB12) expired on ${inDays(-1)}: upload a new certificate in Certificates & secrets and paste it here with its private key.`,
        ],
      ],
    ],
  ])('the certificate %i days from its expiry (%s)', (_days, notAfter, expected) => {
    expect(summary(expiryWarnings(certificate(notAfter), NOW))).toEqual(expected);
  });

  it('says nothing without dates, and watches only what the method uses', () => {
    expect(expiryWarnings(credential(), NOW)).toEqual([]);
    expect(expiryWarnings(credential({ clientAuthMethod: 'certificate', secretExpiresOn: inDays(-1) }), NOW)).toEqual(
      [],
    );
  });
});

import { type CredentialWarning, type CredentialWarningKind, EXPIRY_WARNING_DAYS } from '../contract/credential-health';
import type { StoredCredential } from '../credentials/stored-credential';

const DAY_MS = 24 * 60 * 60 * 1000;
const SECRETS = 'Certificates & secrets';

/** Whole days from today (UTC) to a YYYY-MM-DD date: 0 on the day itself, negative once it is past. */
export const daysUntil = (date: string, now: number): number => {
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - today) / DAY_MS);
};

const inDays = (days: number): string => (days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`);

type ExpiryWarning = Omit<CredentialWarning, 'credentialId' | 'credentialName' | 'recordedAt'>;

/** The current secret: less urgent when a next secret that outlives it is ready to take over. */
const secretWarning = (credential: StoredCredential, now: number): ExpiryWarning | undefined => {
  const date = credential.secretExpiresOn;
  if (credential.clientAuthMethod !== 'client_secret' || !credential.hasSecret || date === undefined) return undefined;
  const days = daysUntil(date, now);
  if (days > EXPIRY_WARNING_DAYS) return undefined;
  const nextDate = credential.nextSecretExpiresOn;
  const nextReady =
    credential.hasNextSecret && (nextDate === undefined || daysUntil(nextDate, now) > Math.max(days, 0));
  if (days < 0) {
    return nextReady
      ? {
          kind: 'secret-expired',
          severity: 'warning',
          date,
          message: `The client secret expired on ${date}; the next secret takes over with the next email or connection test.`,
        }
      : {
          kind: 'secret-expired',
          severity: 'error',
          date,
          message: `The client secret expired on ${date}: create a new secret in ${SECRETS} and paste its Value here.`,
        };
  }
  return nextReady
    ? {
        kind: 'secret-expiring',
        severity: 'info',
        date,
        message: `The client secret expires on ${date} (${inDays(days)}); the next secret takes over then.`,
      }
    : {
        kind: 'secret-expiring',
        severity: 'warning',
        date,
        message:
          `The client secret expires on ${date} (${inDays(days)}): create a new secret in ${SECRETS} and add it ` +
          'here as the next secret, so mail keeps going out.',
      };
};

const nextSecretWarning = (credential: StoredCredential, now: number): ExpiryWarning | undefined => {
  const date = credential.nextSecretExpiresOn;
  if (credential.clientAuthMethod !== 'client_secret' || !credential.hasNextSecret || date === undefined)
    return undefined;
  const days = daysUntil(date, now);
  if (days > EXPIRY_WARNING_DAYS) return undefined;
  return days < 0
    ? {
        kind: 'next-secret-expired',
        severity: 'warning',
        date,
        message: `The next secret expired on ${date}: create a new secret in ${SECRETS} and replace the next secret.`,
      }
    : {
        kind: 'next-secret-expiring',
        severity: 'warning',
        date,
        message: `The next secret expires on ${date} (${inDays(days)}): create a new secret in ${SECRETS} and replace the next secret.`,
      };
};

const certificateWarning = (credential: StoredCredential, now: number): ExpiryWarning | undefined => {
  const certificate = credential.certificate;
  if (credential.clientAuthMethod !== 'certificate' || certificate === undefined) return undefined;
  const date = certificate.notAfter.slice(0, 10);
  const days = daysUntil(date, now);
  if (days > EXPIRY_WARNING_DAYS) return undefined;
  const which = `The certificate (thumbprint ${certificate.thumbprint})`;
  const fix = `upload a new certificate in ${SECRETS} and paste it here with its private key.`;
  return days < 0 || Date.parse(certificate.notAfter) <= now
    ? { kind: 'certificate-expired', severity: 'error', date, message: `${which} expired on ${date}: ${fix}` }
    : {
        kind: 'certificate-expiring',
        severity: 'warning',
        date,
        message: `${which} expires on ${date} (${inDays(days)}): ${fix}`,
      };
};

export const EXPIRY_KINDS: ReadonlySet<CredentialWarningKind> = new Set([
  'secret-expiring',
  'secret-expired',
  'next-secret-expiring',
  'next-secret-expired',
  'certificate-expiring',
  'certificate-expired',
]);

/**
 * What is about to expire, or has, in a credential: the secret, the next secret and the certificate, from
 * EXPIRY_WARNING_DAYS days before their date on. Computed from the record alone, so it is right at any moment.
 */
export const expiryWarnings = (credential: StoredCredential, now: number): CredentialWarning[] => {
  const recordedAt = new Date(now).toISOString();
  return [secretWarning(credential, now), nextSecretWarning(credential, now), certificateWarning(credential, now)]
    .filter((warning): warning is ExpiryWarning => warning !== undefined)
    .map((warning) => ({ credentialId: credential.id, credentialName: credential.name, ...warning, recordedAt }));
};

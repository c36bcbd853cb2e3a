import type { KeyObject, X509Certificate } from 'node:crypto';

import type { CertificateSummary } from '../contract/credentials';
import { nodeCrypto } from '../shared/node-crypto';
import { CredentialValidationError } from './errors';

export const CERTIFICATE_UNREADABLE_MESSAGE =
  'This certificate could not be read. Paste the PEM certificate you uploaded to Certificates & secrets, from -----BEGIN CERTIFICATE----- to -----END CERTIFICATE-----.';
export const PRIVATE_KEY_UNREADABLE_MESSAGE =
  'This private key could not be read. Paste the PEM private key without a passphrase, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----.';
export const NOT_RSA_MESSAGE =
  'Microsoft Entra certificate credentials use RSA keys: create a certificate with an RSA key of at least 2048 bits.';
export const KEY_MISMATCH_MESSAGE =
  'This private key does not belong to the certificate. Paste the private key the certificate was created with.';
export const KEY_WITHOUT_CERTIFICATE_MESSAGE = 'Paste the certificate that goes with this private key.';
export const CERTIFICATE_WITHOUT_KEY_MESSAGE = 'Paste the private key that goes with this certificate.';
export const certificateExpiredMessage = (date: string): string =>
  `This certificate expired on ${date}. Create a new certificate, upload it to Certificates & secrets and paste it here with its private key.`;

const MIN_RSA_BITS = 2048;

export interface ReadCertificate {
  summary: CertificateSummary;
  /** The key as PKCS#8 PEM, whatever form it was pasted in: the one form the signer reads. */
  privateKeyPem: string;
}

const invalid = (field: 'certificatePem' | 'privateKeyPem', message: string): CredentialValidationError =>
  new CredentialValidationError({ [field]: message });

const parseCertificate = (pem: string): X509Certificate => {
  try {
    return new (nodeCrypto().X509Certificate)(pem);
  } catch {
    throw invalid('certificatePem', CERTIFICATE_UNREADABLE_MESSAGE);
  }
};

const parsePrivateKey = (pem: string): KeyObject => {
  try {
    const key = nodeCrypto().createPrivateKey(pem);
    if (key.type === 'private') return key;
  } catch {
    // Reported below without the key's text.
  }
  throw invalid('privateKeyPem', PRIVATE_KEY_UNREADABLE_MESSAGE);
};

/** The public facts Entra's Certificates & secrets shows: SHA-1 thumbprint in upper-case hex, subject, validity. */
export const summarizeCertificate = (certificate: X509Certificate): CertificateSummary => ({
  thumbprint: certificate.fingerprint.replace(/:/g, '').toUpperCase(),
  thumbprintSha256: nodeCrypto().createHash('sha256').update(certificate.raw).digest('base64url'),
  subject: certificate.subject.split('\n').filter(Boolean).join(', '),
  notBefore: new Date(certificate.validFrom).toISOString(),
  notAfter: new Date(certificate.validTo).toISOString(),
});

/**
 * Reads a pasted certificate and its private key at save time, so a mistake shows on the field rather than as a
 * refused token later: both must parse, the key must be RSA and belong to the certificate, and the certificate must
 * not have expired. Messages never quote what was pasted.
 */
export const readCertificateCredential = (
  certificatePem: string,
  privateKeyPem: string,
  now: number,
): ReadCertificate => {
  const certificate = parseCertificate(certificatePem);
  const key = parsePrivateKey(privateKeyPem);
  const publicKey = certificate.publicKey;
  if (publicKey.asymmetricKeyType !== 'rsa' || (publicKey.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) {
    throw invalid('certificatePem', NOT_RSA_MESSAGE);
  }
  if (key.asymmetricKeyType !== 'rsa') throw invalid('privateKeyPem', NOT_RSA_MESSAGE);
  if (!certificate.checkPrivateKey(key)) throw invalid('privateKeyPem', KEY_MISMATCH_MESSAGE);
  const summary = summarizeCertificate(certificate);
  if (Date.parse(summary.notAfter) <= now)
    throw invalid('certificatePem', certificateExpiredMessage(summary.notAfter.slice(0, 10)));
  return { summary, privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString() };
};

import { createHash, createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';

/** What Entra reads from an uploaded certificate. */
export interface CertificateFacts {
  /** SHA-1 of the DER, upper-case hex: the portal's "Thumbprint". */
  thumbprintHex: string;
  /** base64url SHA-1 of the DER: the `x5t` header of a client assertion. */
  x5t: string;
  /** base64url SHA-256 of the DER: the `x5t#S256` header of a client assertion. */
  x5tS256: string;
  notBefore: Date;
  notAfter: Date;
  subject: string;
  publicKey: KeyObject;
}

const PEM_CERTIFICATE = /^\s*-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----\s*$/;

/** Reads one PEM certificate; throws an Error saying what is wrong (never quoting the input). */
export const readCertificatePem = (pem: string): CertificateFacts => {
  if (!PEM_CERTIFICATE.test(pem)) throw new Error('is not one PEM certificate (-----BEGIN CERTIFICATE-----)');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch (error) {
    throw new Error('is not a readable X.509 certificate', { cause: error });
  }
  const der = certificate.raw;
  return {
    thumbprintHex: createHash('sha1').update(der).digest('hex').toUpperCase(),
    x5t: createHash('sha1').update(der).digest('base64url'),
    x5tS256: createHash('sha256').update(der).digest('base64url'),
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
    subject: certificate.subject,
    publicKey: certificate.publicKey,
  };
};

/** Whether a PEM private key is the one of `publicKey`; throws when the PEM is not a readable key. */
export const privateKeyMatches = (privateKeyPem: string, publicKey: KeyObject): boolean => {
  let derived: KeyObject;
  try {
    derived = createPublicKey(createPrivateKey(privateKeyPem));
  } catch (error) {
    throw new Error('is not a readable unencrypted PEM private key', { cause: error });
  }
  const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'der' });
  return spki(derived).equals(spki(publicKey));
};

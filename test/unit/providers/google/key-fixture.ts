import { generateKeyPairSync, type KeyObject } from 'node:crypto';

/** One RSA key pair per test file, shaped as a Google Cloud JSON key file. */
export const makeServiceAccountKey = (): {
  file: Record<string, string>;
  privateKeyPem: string;
  pkcs1Pem: string;
  publicKey: KeyObject;
} => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    file: {
      type: 'service_account',
      project_id: 'issue-mailer-test',
      private_key_id: '0123456789abcdef0123456789abcdef01234567',
      private_key: privateKeyPem,
      client_email: 'mailer@issue-mailer-test.iam.gserviceaccount.com',
      client_id: '112233445566778899001',
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: 'https://oauth2.googleapis.com/token',
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
      client_x509_cert_url:
        'https://www.googleapis.com/robot/v1/metadata/x509/mailer%40issue-mailer-test.iam.gserviceaccount.com',
      universe_domain: 'googleapis.com',
    },
    privateKeyPem,
    pkcs1Pem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKey,
  };
};

/** The base64 body of a PEM: what must never show up in an error message. */
export const pemBody = (pem: string): string => pem.split('\n')[1] ?? '';

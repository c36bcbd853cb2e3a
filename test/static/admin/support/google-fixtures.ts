import type { CredentialView } from '../../../../src/contract';

/** A service account key file as Google Cloud downloads it; the private key is a placeholder the page never checks. */
export const KEY_FILE_JSON = {
  type: 'service_account',
  project_id: 'issue-mailer-demo',
  private_key_id: '0f3c9a1b2d4e6f708192a3b4c5d6e7f809a1b2c3',
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQ-not-a-real-key\n-----END PRIVATE KEY-----\n',
  client_email: 'issue-mailer@issue-mailer-demo.iam.gserviceaccount.com',
  client_id: '113942816480123456789',
  auth_uri: 'https://accounts.google.com/o/oauth2/auth',
  token_uri: 'https://oauth2.googleapis.com/token',
};

export const KEY_FILE_TEXT = JSON.stringify(KEY_FILE_JSON, null, 2);

export const keyFile = (text: string, name = 'issue-mailer-demo-0f3c9a1b2d4e.json') =>
  new File([text], name, { type: 'application/json' });

export const GOOGLE_SAVED: CredentialView = {
  id: 'cred-g1',
  name: 'Gmail support',
  provider: 'google-workspace',
  grantType: 'jwt_bearer',
  clientAuthMethod: 'client_secret',
  clientId: '113942816480123456789',
  tokenEndpoint: 'https://oauth2.googleapis.com/token',
  scope: 'https://www.googleapis.com/auth/gmail.send',
  senderMailbox: 'support@example-google.test',
  graphBaseUrl: 'https://gmail.googleapis.com',
  hasSecret: false,
  hasNextSecret: false,
  hasPrivateKey: true,
  serviceAccount: {
    clientEmail: 'issue-mailer@issue-mailer-demo.iam.gserviceaccount.com',
    privateKeyId: '0f3c9a1b2d4e6f708192a3b4c5d6e7f809a1b2c3',
    projectId: 'issue-mailer-demo',
    keyUpdatedAt: '2026-12-01T10:00:00Z',
  },
  isDefault: false,
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
};

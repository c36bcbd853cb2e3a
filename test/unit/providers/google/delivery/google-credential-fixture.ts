import type { StoredCredential } from '../../../../../src/credentials/stored-credential';
import { GMAIL_MODIFY_SCOPE, GMAIL_SEND_SCOPE } from '../../../../../src/providers/google/scopes';
import { storedCredential } from '../../../support/credentials';

export const GOOGLE_MAILBOX = 'support@example-google.test';

/** A Google Workspace credential as ctx14's "Stored record" describes it; `incoming` adds gmail.modify. */
export const googleCredential = (overrides: Partial<StoredCredential> = {}, incoming = false): StoredCredential =>
  storedCredential({
    id: 'google-1',
    name: 'Google support',
    provider: 'google-workspace',
    grantType: 'jwt_bearer',
    clientId: '104729384756102938475',
    tokenEndpoint: 'https://oauth2.googleapis.com/token',
    scope: incoming ? `${GMAIL_SEND_SCOPE} ${GMAIL_MODIFY_SCOPE}` : GMAIL_SEND_SCOPE,
    senderMailbox: GOOGLE_MAILBOX,
    graphBaseUrl: 'https://gmail.googleapis.com',
    hasSecret: false,
    hasPrivateKey: true,
    serviceAccount: {
      clientEmail: 'issue-mailer-demo@issue-mailer-demo.iam.gserviceaccount.com',
      privateKeyId: '0123456789abcdef0123456789abcdef01234567',
      projectId: 'issue-mailer-demo',
      keyUpdatedAt: '2026-12-01T00:00:00.000Z',
    },
    ...overrides,
  });

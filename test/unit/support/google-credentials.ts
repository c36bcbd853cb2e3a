import type { GoogleCredentialInput } from '../../../src/contract/google-workspace';
import { makeServiceAccountKey } from '../providers/google/key-fixture';
import { type FetchHandler, jsonResponse } from './fake-fetch';

/** One service account key for a test file (an RSA key takes a moment to make). */
export const GOOGLE_KEY = makeServiceAccountKey();
export const GOOGLE_MAILBOX = 'support@example-google.test';
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/** The saveGoogleCredential payload of a new credential, its key file as Google Cloud downloads it. */
export const googlePayload = (overrides: Partial<GoogleCredentialInput> = {}): GoogleCredentialInput => ({
  name: 'Workspace mailbox',
  provider: 'google-workspace',
  serviceAccountKey: JSON.stringify(GOOGLE_KEY.file, null, 2),
  senderMailbox: GOOGLE_MAILBOX,
  incomingMail: true,
  ...overrides,
});

/** Google as it answers a well set-up service account: a token, the mailbox's profile, a sent message. */
export const defaultGoogle: FetchHandler = (call) => {
  if (call.url === GOOGLE_TOKEN_URL) {
    return jsonResponse(200, { access_token: 'ya29.test-token', token_type: 'Bearer', expires_in: 3599 });
  }
  if (call.url.endsWith('/profile'))
    return jsonResponse(200, { emailAddress: GOOGLE_MAILBOX, messagesTotal: 0, threadsTotal: 0, historyId: '1' });
  return jsonResponse(200, { id: 'msg-1', threadId: 'thread-1', labelIds: ['SENT'] });
};

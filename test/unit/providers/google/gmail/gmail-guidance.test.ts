import {
  GmailError,
  type GmailErrorCode,
  type GmailErrorDetails,
} from '../../../../../src/providers/google/gmail/gmail-errors';
import { gmailGuidance } from '../../../../../src/providers/google/gmail/gmail-guidance';

const CONTEXT = {
  mailbox: 'support@example-google.test',
  clientId: '104729384756102938475',
  scopes: ['https://www.googleapis.com/auth/gmail.send'],
};

const error = (code: GmailErrorCode, details: GmailErrorDetails = {}): GmailError => new GmailError(code, 'x', details);

describe('gmailGuidance', () => {
  it.each([
    [
      error('GMAIL_FORBIDDEN', { status: 403, reason: 'insufficientPermissions' }),
      'Gmail refused the request for lack of a scope (403 insufficientPermissions). In Google Admin console > ' +
        'Security > Access and data control > API controls > Manage Domain Wide Delegation, make sure the client ID ' +
        '104729384756102938475 lists https://www.googleapis.com/auth/gmail.send. Changes there can take up to 24 hours.',
    ],
    [
      error('GMAIL_FORBIDDEN', { status: 403, reason: 'accessNotConfigured' }),
      'The Gmail API is not enabled in the Google Cloud project of the service account (403 accessNotConfigured). ' +
        'In Google Cloud console > APIs & Services > Library, enable the Gmail API, then test again.',
    ],
    [
      error('GMAIL_FORBIDDEN', { status: 403, reason: 'somethingNew' }),
      'Gmail refused to act for the mailbox support@example-google.test (403). The service account may only send as ' +
        "the user it was delegated for: use that user's primary address.",
    ],
    [
      error('GMAIL_RATE_LIMITED', { status: 429, retryAfterSeconds: 30 }),
      'Gmail asked the mailbox support@example-google.test to slow down (429 rateLimitExceeded): Google allows ' +
        '15,000 quota units per user per minute and a send costs 100. Issue Mailer tries again later. Google said to ' +
        'try again in 30 seconds.',
    ],
    [
      error('GMAIL_DAILY_LIMIT', { status: 429 }),
      'The mailbox support@example-google.test reached a Gmail sending limit (2,000 messages a day in Google ' +
        'Workspace, counted over a rolling 24 hours; lower for trial accounts). Mail waits until the limit allows it; ' +
        'per-user limits cannot be raised.',
    ],
    [
      error('GMAIL_BAD_REQUEST', { status: 400, reason: 'failedPrecondition' }),
      'Gmail is not available for the mailbox support@example-google.test (400 failedPrecondition): check in Google ' +
        'Admin console that the user has a Google Workspace licence with Gmail turned on.',
    ],
  ])('%#', (failure, text) => {
    expect(gmailGuidance(failure, CONTEXT)).toBe(text);
  });

  it('has words for every code', () => {
    const codes: GmailErrorCode[] = [
      'GMAIL_RATE_LIMITED',
      'GMAIL_DAILY_LIMIT',
      'GMAIL_FORBIDDEN',
      'GMAIL_UNAUTHORIZED',
      'GMAIL_NOT_FOUND',
      'GMAIL_BAD_REQUEST',
      'GMAIL_MESSAGE_TOO_LARGE',
      'GMAIL_UNAVAILABLE',
      'GMAIL_TIMEOUT',
      'GMAIL_UNREACHABLE',
      'GMAIL_ANSWER_INVALID',
      'GMAIL_ENDPOINT_NOT_ALLOWED',
      'GMAIL_SEND_WINDOW_PASSED',
    ];
    for (const code of codes) expect(gmailGuidance(error(code)).length).toBeGreaterThan(20);
  });
});

import { googleEndpoints } from '../../../../src/providers/google/google-endpoints';

const GOOGLE = { tokenEndpoint: 'https://oauth2.googleapis.com/token', gmailBaseUrl: 'https://gmail.googleapis.com' };
const LOOPBACK_ON = { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' };

describe('googleEndpoints', () => {
  it.each([
    ['no overrides', {}, GOOGLE],
    [
      'overrides without the loopback opt-in',
      { ISSUE_MAILER_GOOGLE_TOKEN_ENDPOINT: 'http://127.0.0.1:4121/token' },
      GOOGLE,
    ],
    [
      'loopback overrides with the opt-in',
      {
        ...LOOPBACK_ON,
        ISSUE_MAILER_GOOGLE_TOKEN_ENDPOINT: 'http://127.0.0.1:4121/token',
        ISSUE_MAILER_GMAIL_BASE_URL: 'http://localhost:4121/',
      },
      { tokenEndpoint: 'http://127.0.0.1:4121/token', gmailBaseUrl: 'http://localhost:4121' },
    ],
    [
      'a host that is not loopback',
      { ...LOOPBACK_ON, ISSUE_MAILER_GOOGLE_TOKEN_ENDPOINT: 'https://evil.example/token' },
      GOOGLE,
    ],
    [
      'credentials in the URL',
      { ...LOOPBACK_ON, ISSUE_MAILER_GMAIL_BASE_URL: 'http://user:pw@127.0.0.1:4121' },
      GOOGLE,
    ],
    ['not a URL', { ...LOOPBACK_ON, ISSUE_MAILER_GMAIL_BASE_URL: 'gmail' }, GOOGLE],
  ])('%s', (_name, env, expected) => {
    expect(googleEndpoints(env)).toEqual(expected);
  });
});

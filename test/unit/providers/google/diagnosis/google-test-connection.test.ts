import { googleCredentialInputSchema } from '../../../../../src/contract/google-workspace';
import { createCredentialService } from '../../../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../../../src/credentials/credential-store';
import type { TestEmailLogged } from '../../../../../src/credentials/diagnosis/test-email-step';
import { testConnection } from '../../../../../src/credentials/test-connection';
import { createRefreshTokenStore } from '../../../../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../../../../src/oauth/token-cache';
import { TokenMemo } from '../../../../../src/oauth/token-memo';
import { connectionDiagnoses } from '../../../../../src/providers/connection-test';
import { planGoogleSave } from '../../../../../src/providers/google-credential-save';
import { sequentialIds } from '../../../support/credentials';
import { fakeFetch, jsonResponse, type RecordedCall } from '../../../support/fake-fetch';
import { fakeJira } from '../../../support/fake-jira';
import { MemoryKvStore } from '../../../support/memory-kv-store';
import { makeServiceAccountKey, pemBody } from '../key-fixture';

const KEY = makeServiceAccountKey();
const NOW = Date.parse('2024-05-06T06:00:00Z');
const MAILBOX = 'support@example-google.test';
const TOKEN_URL = 'https://oauth2.googleapis.com/token';
const PROFILE_URL = 'https://gmail.googleapis.com/gmail/v1/users/support%40example-google.test/profile';
const SEND_URL = 'https://gmail.googleapis.com/upload/gmail/v1/users/me/messages/send?uploadType=multipart';
const SEND_SCOPE = 'https://www.googleapis.com/auth/gmail.send';
const BOTH_SCOPES = `${SEND_SCOPE},https://www.googleapis.com/auth/gmail.modify`;
const DWD = 'Google Admin console > Security > Access and data control > API controls > Manage Domain Wide Delegation';

const TOKEN = () => jsonResponse(200, { access_token: 'ya29.test-token', token_type: 'Bearer', expires_in: 3599 });
const PROFILE = () =>
  jsonResponse(200, { emailAddress: MAILBOX, messagesTotal: 3, threadsTotal: 2, historyId: '1234' });
const SENT = () => jsonResponse(200, { id: 'msg-1', threadId: 'thread-1', labelIds: ['SENT'] });
const gmailError = (status: number, reason: string, message: string) => () =>
  jsonResponse(status, {
    error: { code: status, message, errors: [{ domain: 'global', reason, message }], status: 'PERMISSION_DENIED' },
  });

interface Answers {
  token?: () => Response;
  profile?: () => Response;
  send?: () => Response;
}

const setup = async (answers: Answers = {}, incomingMail = true) => {
  const kv = new MemoryKvStore();
  const credentials = createCredentialService({
    store: createCredentialStore(kv),
    now: () => NOW,
    newId: sequentialIds(),
    env: {},
    planGoogleSave,
  });
  await credentials.saveGoogle(
    googleCredentialInputSchema.parse({
      name: 'Workspace',
      provider: 'google-workspace',
      serviceAccountKey: JSON.stringify(KEY.file),
      senderMailbox: MAILBOX,
      incomingMail,
    }),
  );
  const { fetch, calls } = fakeFetch((call: RecordedCall) => {
    if (call.url === TOKEN_URL) return (answers.token ?? TOKEN)();
    if (call.url === PROFILE_URL) return (answers.profile ?? PROFILE)();
    if (call.url === SEND_URL) return (answers.send ?? SENT)();
    throw new Error(`unexpected ${call.method} ${call.url}`);
  });
  const jira = fakeJira(() => ({
    status: 200,
    body: { accountId: 'admin-1', displayName: 'Alex Admin', emailAddress: 'alex@example.com' },
  }));
  const logged: TestEmailLogged[] = [];
  const tokenCache = createTokenCache(kv);
  const run = (sendTestEmail = false) =>
    testConnection(
      'cred-1',
      {
        credentials,
        tokenCache,
        refreshTokens: createRefreshTokenStore(kv),
        fetch,
        now: () => NOW,
        memo: new TokenMemo(),
        diagnoses: connectionDiagnoses,
        env: {},
        requestJira: jira.requestJira,
        logTestEmail: async (email) => void logged.push(email),
      },
      { sendTestEmail },
    );
  return { kv, credentials, calls, run, logged };
};

const statuses = (result: { steps?: Array<{ key: string; status: string; code?: string }> }) =>
  result.steps?.map((one) => [one.key, one.status, one.code ?? null]);

describe('Test connection of a Google Workspace credential', () => {
  it('passes: a new token, the scopes it proves, the mailbox as Gmail knows it, and a test email', async () => {
    const { calls, run, credentials, logged } = await setup();

    const result = await run(true);

    expect(result).toEqual({
      ok: true,
      code: 'OK',
      message: `Connected: mail can go out from ${MAILBOX}.`,
      testedAt: '2024-05-06T06:00:00.000Z',
      tested: 'saved',
      steps: [
        {
          key: 'token',
          status: 'passed',
          title: 'Token',
          message:
            `Got a token for ${MAILBOX} as the service account mailer@issue-mailer-test.iam.gserviceaccount.com ` +
            '(client ID 112233445566778899001, key 0123456789abcdef0123456789abcdef01234567).',
        },
        {
          key: 'permissions',
          status: 'passed',
          title: 'Permissions',
          message:
            `The Admin console allows client ID 112233445566778899001 the scopes ${BOTH_SCOPES}: Google granted a ` +
            'token for them.',
        },
        {
          key: 'mailbox',
          status: 'passed',
          title: 'Sender mailbox',
          message: `Gmail knows ${MAILBOX}: mail goes out from this mailbox.`,
        },
        {
          key: 'test-email',
          status: 'passed',
          title: 'Test email',
          message: `Sent a test email from ${MAILBOX} to the email address Jira has for you. It should arrive within a minute.`,
        },
      ],
    });
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual([
      `POST ${TOKEN_URL}`,
      `GET ${PROFILE_URL}`,
      `POST ${SEND_URL}`,
    ]);
    expect(calls[1]?.headers['authorization']).toBe('Bearer ya29.test-token');
    const raw = Buffer.from(calls[2]?.bodyBytes ?? new Uint8Array()).toString('utf8');
    expect(raw).toContain('Subject: Issue Mailer test email');
    expect(raw).toContain('To: alex@example.com');
    expect(raw).toContain(`From: ${MAILBOX}`);
    expect(logged).toEqual([
      {
        credentialId: 'cred-1',
        provider: 'google-workspace',
        senderMailbox: MAILBOX,
        to: 'alex@example.com',
        subject: 'Issue Mailer test email',
        requestedBy: { accountId: 'admin-1', name: 'Alex Admin' },
        outcome: { status: 'sent', requestId: undefined },
      },
    ]);
    await expect(credentials.get('cred-1')).resolves.toMatchObject({ lastTest: { ok: true, code: 'OK' } });
  });

  it('asks Google again even with a cached token, and caches the new one for sending', async () => {
    const { calls, run, kv } = await setup();
    await run();
    await run();
    expect(calls.filter((call) => call.url === TOKEN_URL)).toHaveLength(2);
    expect(JSON.stringify(kv.secrets.get('token-cache:cred-1'))).toContain('ya29.test-token');
  });

  it('skips the Gmail profile of a credential that only sends: its scope cannot read it', async () => {
    const { calls, run } = await setup({}, false);
    const result = await run();
    expect(statuses(result)).toEqual([
      ['token', 'passed', null],
      ['permissions', 'passed', null],
      ['mailbox', 'skipped', null],
    ]);
    expect(result.steps?.[1]?.message).toBe(
      `The Admin console allows client ID 112233445566778899001 the scopes ${SEND_SCOPE}: Google granted a token ` +
        'for them. Incoming mail is off, so gmail.modify is not asked for.',
    );
    expect(result.steps?.[2]?.message).toBe(
      'Not checked with Gmail: reading the profile needs gmail.modify, which a credential that only sends does not ' +
        `ask for. Google issued a token for ${MAILBOX}, which proves the mailbox exists and is active.`,
    );
    expect(calls).toHaveLength(1);
    expect(result.ok).toBe(true);
  });

  it.each<[string, () => Response, string, string]>([
    [
      'unauthorized_client',
      () =>
        jsonResponse(400, {
          error: 'unauthorized_client',
          error_description: 'Unauthorized client or scope in request.',
        }),
      'GOOGLE_DELEGATION_MISSING',
      'Google says the service account is not allowed to act for this mailbox (unauthorized_client). In ' +
        `${DWD}, add the numeric Client ID 112233445566778899001 (not the service account's email) with the OAuth ` +
        `scopes ${BOTH_SCOPES}; if the client is already listed, edit it so every one of these scopes is there. ` +
        'Changes there usually apply within minutes but can take up to 24 hours.',
    ],
    [
      'invalid_grant for an unknown user',
      () => jsonResponse(400, { error: 'invalid_grant', error_description: 'Invalid email or User ID' }),
      'GOOGLE_USER_UNKNOWN',
      `The mailbox ${MAILBOX} is not an active user of your Google Workspace (invalid_grant "Invalid email or User ` +
        'ID"). Use the user\'s primary email address, check in Google Admin console > Directory > Users that the ' +
        'user exists and is not suspended, and that the address belongs to your Workspace, not to a consumer Gmail ' +
        'account.',
    ],
    [
      'invalid_grant for a wrong clock',
      () =>
        jsonResponse(400, {
          error: 'invalid_grant',
          error_description:
            'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe.',
        }),
      'GOOGLE_CLOCK_SKEW',
      'Google refused the request as outside a reasonable timeframe (invalid_grant "Invalid JWT: Token must be a ' +
        'short-lived token"). This follows a wrong clock; try again in a few minutes, and if it keeps happening ' +
        'contact Issue Mailer support.',
    ],
  ])('fails on %s with guidance in Google terms, checking nothing else', async (_label, token, code, message) => {
    const { calls, run, credentials } = await setup({ token });

    const result = await run(true);

    expect(result).toMatchObject({ ok: false, code, message });
    expect(statuses(result)).toEqual([
      ['token', 'failed', code],
      ['permissions', 'skipped', null],
      ['mailbox', 'skipped', null],
      ['test-email', 'skipped', null],
    ]);
    expect(calls).toHaveLength(1);
    await expect(credentials.get('cred-1')).resolves.toMatchObject({ lastTest: { ok: false, code } });
  });

  it.each<[string, () => Response, string, string]>([
    [
      '403 insufficientPermissions',
      gmailError(403, 'insufficientPermissions', 'Request had insufficient authentication scopes.'),
      'GMAIL_FORBIDDEN',
      `Gmail refused the request for lack of a scope (403 insufficientPermissions). In ${DWD}, make sure the client ` +
        `ID 112233445566778899001 lists ${BOTH_SCOPES}. Changes there can take up to 24 hours.`,
    ],
    [
      '403 accessNotConfigured',
      gmailError(403, 'accessNotConfigured', 'Gmail API has not been used in project 1 before or it is disabled.'),
      'GMAIL_FORBIDDEN',
      'The Gmail API is not enabled in the Google Cloud project of the service account (403 accessNotConfigured). ' +
        'In Google Cloud console > APIs & Services > Library, enable the Gmail API, then test again.',
    ],
    [
      '429 rateLimitExceeded',
      gmailError(429, 'rateLimitExceeded', 'Too many requests.'),
      'GMAIL_RATE_LIMITED',
      `Gmail asked the mailbox ${MAILBOX} to slow down (429 rateLimitExceeded): Google allows 15,000 quota units ` +
        'per user per minute and a send costs 100. Issue Mailer tries again later.',
    ],
  ])(
    'fails the mailbox on Gmail %s with its guidance, and sends no test email',
    async (_label, profile, code, message) => {
      const { calls, run, logged } = await setup({ profile });

      const result = await run(true);

      expect(result).toMatchObject({ ok: false, code, message });
      expect(statuses(result)).toEqual([
        ['token', 'passed', null],
        ['permissions', 'passed', null],
        ['mailbox', 'failed', code],
        ['test-email', 'skipped', null],
      ]);
      expect(calls.map((call) => call.url)).toEqual([TOKEN_URL, PROFILE_URL]);
      expect(logged).toEqual([]);
    },
  );

  it('fails when Gmail names another address than the mailbox', async () => {
    const { run } = await setup({
      profile: () =>
        jsonResponse(200, {
          emailAddress: 'primary@example-google.test',
          messagesTotal: 3,
          threadsTotal: 2,
          historyId: '1234',
        }),
    });
    const result = await run();
    expect(result).toMatchObject({
      ok: false,
      code: 'GMAIL_MAILBOX_MISMATCH',
      message: `Gmail says the mailbox is primary@example-google.test, not ${MAILBOX}. Enter the user's primary address as the mailbox.`,
    });
  });

  it('fails the mailbox when the profile answer lacks emailAddress, naming the field', async () => {
    const { run } = await setup({
      profile: () => jsonResponse(200, { messagesTotal: 3, threadsTotal: 2, historyId: '1' }),
    });
    const result = await run();
    expect(statuses(result)).toEqual([
      ['token', 'passed', null],
      ['permissions', 'passed', null],
      ['mailbox', 'failed', 'GMAIL_ANSWER_INVALID'],
    ]);
  });

  it('reports a refused test email with Gmail guidance and logs it', async () => {
    const { run, logged } = await setup({
      send: gmailError(429, 'rateLimitExceeded', 'Too many requests.'),
    });
    const result = await run(true);
    expect(statuses(result)).toEqual([
      ['token', 'passed', null],
      ['permissions', 'passed', null],
      ['mailbox', 'passed', null],
      ['test-email', 'failed', 'GMAIL_RATE_LIMITED'],
    ]);
    expect(logged.map((email) => email.outcome)).toEqual([
      {
        status: 'failed',
        error: {
          code: 'GMAIL_RATE_LIMITED',
          message:
            `Gmail asked the mailbox ${MAILBOX} to slow down (429 rateLimitExceeded): Google allows 15,000 quota ` +
            'units per user per minute and a send costs 100. Issue Mailer tries again later.',
        },
        requestId: undefined,
      },
    ]);
  });

  it('says so when the private key is gone from secret storage, never asking Google', async () => {
    const { kv, calls, run } = await setup();
    kv.secrets.delete('credential-private-key:cred-1');
    const result = await run();
    expect(statuses(result)).toEqual([
      ['token', 'failed', 'PRIVATE_KEY_MISSING'],
      ['permissions', 'skipped', null],
      ['mailbox', 'skipped', null],
    ]);
    expect(calls).toHaveLength(0);
  });

  it('sends the assertion signed with the stored key and never the key itself', async () => {
    const { calls, run } = await setup();
    await run(true);
    const sent = calls.map((call) => call.body + Buffer.from(call.bodyBytes ?? new Uint8Array()).toString()).join('');
    expect(sent).toContain('grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer');
    expect(sent).not.toContain(pemBody(KEY.privateKeyPem));
  });
});

import { TraceUnavailableError } from '../../../src/delivery/errors';
import type { OutgoingMessage } from '../../../src/mail-model/outgoing-message';
import { createRefreshTokenStore } from '../../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../../src/oauth/token-cache';
import { TokenMemo } from '../../../src/oauth/token-memo';
import { GoogleTokenError } from '../../../src/providers/google/errors';
import { GmailError } from '../../../src/providers/google/gmail/gmail-errors';
import {
  createMailSender,
  createMailTrace,
  createPeopleDirectory,
  type MailSenderDeps,
} from '../../../src/providers/mail-sender';
import { MemoryKvStore } from '../support/memory-kv-store';
import { GOOGLE_MAILBOX, googleCredential } from './google/delivery/google-credential-fixture';
import { makeServiceAccountKey } from './google/key-fixture';
import { empty, json, recordingFetch, type SeenRequest } from './microsoft/graph/graph-fakes';

const NOW = Date.parse('2026-12-07T01:00:00Z');
const GOOGLE_TOKEN = 'https://oauth2.googleapis.com/token';
const GMAIL = 'https://gmail.googleapis.com';
const SEND = `${GMAIL}/upload/gmail/v1/users/me/messages/send?uploadType=multipart`;
const KEY = makeServiceAccountKey();

const message: OutgoingMessage = {
  subject: '[DEMO-1] Hello',
  html: '<p>Hi</p>',
  to: ['ann@example.com'],
  headers: [{ name: 'x-issue-mailer-issue', value: 'DEMO-1' }],
  internetMessageId: '<e-1.demo-1@example-google.test>',
};

/** Google: the token endpoint hands out token-1, token-2, ...; Gmail answers through `gmail`. */
const world = (gmail: (request: SeenRequest) => Response, token?: () => Response) => {
  let issued = 0;
  const refusals: Array<{ credentialId: string; code: string }> = [];
  const { fetch, requests } = recordingFetch((request) => {
    if (request.url === GOOGLE_TOKEN) {
      issued += 1;
      return token?.() ?? json(200, { token_type: 'Bearer', expires_in: 3599, access_token: `token-${issued}` });
    }
    return gmail(request);
  });
  const deps: MailSenderDeps = {
    credentials: {
      readSecret: async () => {
        throw new Error('a Google credential has no secret');
      },
      readNextSecret: async () => undefined,
      readPrivateKey: async () => KEY.privateKeyPem,
      promoteNextSecret: async () => {
        throw new Error('no next secret');
      },
    },
    tokenCache: createTokenCache(new MemoryKvStore()),
    refreshTokens: createRefreshTokenStore(new MemoryKvStore()),
    fetch,
    now: () => NOW,
    sleep: async () => undefined,
    memo: new TokenMemo(),
    env: {},
    onGoogleTokenRefused: async (credential, error) => {
      refusals.push({ credentialId: credential.id, code: error.code });
    },
  };
  return { deps, requests, refusals };
};

const rejection = async (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );

describe('the mail sender of a Google Workspace credential', () => {
  it("sends through Gmail's multipart upload with the credential's token and reports Gmail's message id", async () => {
    const { deps, requests } = world(() => json(200, { id: 'g-1', threadId: 't-1', labelIds: ['SENT'] }));
    const result = await createMailSender(deps)(googleCredential(), message);
    expect(result).toEqual({
      requestId: undefined,
      clientRequestId: '',
      attempts: 1,
      delivery: 'gmail-multipart',
      internetMessageId: '<e-1.demo-1@example-google.test>',
      messageId: 'g-1',
    });
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${GOOGLE_TOKEN}`, `POST ${SEND}`]);
    expect(requests[1]?.headers['authorization']).toBe('Bearer token-1');
    const body = requests[1]?.bytes.toString('utf8') ?? '';
    expect(body).toContain(`From: ${GOOGLE_MAILBOX}\r\n`);
    expect(body).toContain('Message-ID: <e-1.demo-1@example-google.test>\r\n');
  });

  it('does not send once the pacing slot has passed', async () => {
    const { deps, requests } = world(() => json(200, { id: 'g-1', threadId: 't-1', labelIds: ['SENT'] }));
    const error = await rejection(createMailSender(deps)(googleCredential(), message, { sendBy: NOW - 1 }));
    expect(error).toBeInstanceOf(GmailError);
    expect((error as GmailError).code).toBe('GMAIL_SEND_WINDOW_PASSED');
    expect(requests.map((r) => r.url)).toEqual([GOOGLE_TOKEN]);
  });

  it.each([
    ['unauthorized_client', 'Unauthorized client or scope in request.', 'GOOGLE_DELEGATION_MISSING', 1],
    ['invalid_grant', 'Invalid email or User ID', 'GOOGLE_USER_UNKNOWN', 1],
  ])('reports a refused token (%s) to the admin page, then fails with it', async (error, description, code, told) => {
    const { deps, requests, refusals } = world(
      () => empty(500),
      () => json(400, { error, error_description: description }),
    );
    const failure = await rejection(createMailSender(deps)(googleCredential(), message));
    expect(failure).toBeInstanceOf(GoogleTokenError);
    expect((failure as GoogleTokenError).code).toBe(code);
    expect(refusals).toEqual(Array.from({ length: told }, () => ({ credentialId: 'google-1', code })));
    expect(requests).toHaveLength(1);
  });

  it('does not report a token endpoint that was only unavailable', async () => {
    const { deps, refusals } = world(
      () => empty(500),
      () => empty(503),
    );
    const failure = await rejection(createMailSender(deps)(googleCredential(), message));
    expect((failure as GoogleTokenError).code).toBe('GOOGLE_TOKEN_ENDPOINT_ERROR');
    expect(refusals).toEqual([]);
  });

  it("finds nobody in a directory it has no scope for, without a call (people search offers Jira's users)", async () => {
    const { deps, requests } = world(() => empty(500));
    await expect(createPeopleDirectory(deps)(googleCredential(), 'meg')).resolves.toEqual([]);
    expect(requests).toEqual([]);
  });
});

describe('the mailbox trace of a Google Workspace credential', () => {
  const LIST = `${GMAIL}/gmail/v1/users/me/messages?q=rfc822msgid%3Ae-1.demo-1%40example-google.test&maxResults=10&includeSpamTrash=true`;

  it.each([
    [
      'a sent copy',
      { messages: [{ id: 'g-7', threadId: 't-7' }], resultSizeEstimate: 1 },
      { found: 'sent', messageId: 'g-7', requestId: undefined },
    ],
    ['nothing (Gmail leaves "messages" out)', { resultSizeEstimate: 0 }, { found: 'nothing', requestId: undefined }],
  ])('looks the Message-ID up with rfc822msgid: and finds %s', async (_case, answer, trace) => {
    const { deps, requests } = world(() => json(200, answer));
    await expect(
      createMailTrace(deps).find(googleCredential({}, true), '<e-1.demo-1@example-google.test>'),
    ).resolves.toEqual(trace);
    expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${GOOGLE_TOKEN}`, `GET ${LIST}`]);
  });

  it('names the field when the answer lists a message without an id', async () => {
    const { deps } = world(() => json(200, { messages: [{ threadId: 't-7' }], resultSizeEstimate: 1 }));
    const error = await rejection(createMailTrace(deps).find(googleCredential({}, true), '<e-1@x.test>'));
    expect(error).toBeInstanceOf(GmailError);
    expect((error as GmailError).code).toBe('GMAIL_ANSWER_INVALID');
    expect((error as GmailError).message).toBe(
      'GET gmail.googleapis.com/gmail/v1/users/me/messages answered 200: response field "messages[0].id" must be a non-empty string.',
    );
  });

  it('cannot look with gmail.send alone, and says so without asking Google', async () => {
    const { deps, requests } = world(() => empty(500));
    const error = await rejection(createMailTrace(deps).find(googleCredential(), '<e-1@x.test>'));
    expect(error).toBeInstanceOf(TraceUnavailableError);
    expect((error as TraceUnavailableError).code).toBe('MAILBOX_TRACE_UNAVAILABLE');
    expect((error as TraceUnavailableError).message).toBe(
      'The Google Workspace credential "Google support" may only send (gmail.send), so the sender\'s mailbox cannot ' +
        'be searched for the earlier attempt. Allowing gmail.modify (incoming mail) lets Issue Mailer check.',
    );
    expect(requests).toEqual([]);
  });

  it('has no drafts to delete', async () => {
    const { deps, requests } = world(() => empty(500));
    await expect(createMailTrace(deps).deleteDraft(googleCredential({}, true), 'g-7')).resolves.toBeUndefined();
    expect(requests).toEqual([]);
  });
});

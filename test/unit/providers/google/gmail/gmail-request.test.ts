import { readSentMessage } from '../../../../../src/providers/google/gmail/gmail-answers';
import { gmailErrorFromResponse } from '../../../../../src/providers/google/gmail/gmail-error-response';
import { GmailError } from '../../../../../src/providers/google/gmail/gmail-errors';
import {
  gmailRequest,
  type GmailRequestDeps,
  gmailUrlProblem,
} from '../../../../../src/providers/google/gmail/gmail-request';
import {
  MAX_GMAIL_MESSAGE_BYTES,
  planGmailUpload,
  sendGmailMessage,
  SIMPLE_UPLOAD_MAX_BYTES,
} from '../../../../../src/providers/google/gmail/gmail-sender';
import type { FetchLike } from '../../../../../src/shared/seams';

const WHERE = 'POST gmail.googleapis.com/upload/gmail/v1/users/me/messages/send';
const URL = 'https://gmail.googleapis.com/upload/gmail/v1/users/me/messages/send?uploadType=multipart';
const NOW = Date.parse('2026-12-07T01:00:00.000Z');

const body = (code: number, reason: string, message: string, status: string): string =>
  JSON.stringify({ error: { code, message, errors: [{ message, domain: 'global', reason }], status } });

describe('gmailErrorFromResponse', () => {
  const cases: Array<[string, number, string, string, string, boolean]> = [
    ['400 invalidArgument', 400, 'invalidArgument', 'Invalid To header', 'GMAIL_BAD_REQUEST', false],
    ['400 failedPrecondition', 400, 'failedPrecondition', 'Precondition check failed.', 'GMAIL_BAD_REQUEST', false],
    ['401 authError', 401, 'authError', 'Invalid Credentials', 'GMAIL_UNAUTHORIZED', false],
    ['403 insufficientPermissions', 403, 'insufficientPermissions', 'x', 'GMAIL_FORBIDDEN', false],
    ['403 domainPolicy', 403, 'domainPolicy', 'x', 'GMAIL_FORBIDDEN', false],
    ['403 accessNotConfigured', 403, 'accessNotConfigured', 'x', 'GMAIL_FORBIDDEN', false],
    ['403 forbidden', 403, 'forbidden', 'Delegation denied for a@b.c', 'GMAIL_FORBIDDEN', false],
    ['403 rateLimitExceeded', 403, 'rateLimitExceeded', 'Rate Limit Exceeded', 'GMAIL_RATE_LIMITED', true],
    ['403 userRateLimitExceeded', 403, 'userRateLimitExceeded', 'User Rate Limit Exceeded', 'GMAIL_RATE_LIMITED', true],
    ['403 dailyLimitExceeded', 403, 'dailyLimitExceeded', 'Daily Limit Exceeded', 'GMAIL_DAILY_LIMIT', false],
    ['429 rateLimitExceeded', 429, 'rateLimitExceeded', 'Quota exceeded for quota metric', 'GMAIL_RATE_LIMITED', true],
    [
      '429 sending limit',
      429,
      'rateLimitExceeded',
      'User-rate limit exceeded.  Retry after 2026-12-07T02:00:00.000Z (Mail sending)',
      'GMAIL_DAILY_LIMIT',
      false,
    ],
    ['404 notFound', 404, 'notFound', 'Requested entity was not found.', 'GMAIL_NOT_FOUND', false],
    ['500 backendError', 500, 'backendError', 'x', 'GMAIL_UNAVAILABLE', true],
    ['503 backendError', 503, 'backendError', 'x', 'GMAIL_UNAVAILABLE', true],
  ];
  it.each(cases)('%s', (_name, status, reason, message, code, transient) => {
    const error = gmailErrorFromResponse({
      where: WHERE,
      status,
      headers: new Headers(),
      text: body(status, reason, message, 'SOME_STATUS'),
      now: NOW,
    });
    expect([error.code, error.status, error.reason, error.googleStatus, error.transient]).toEqual([
      code,
      status,
      reason,
      'SOME_STATUS',
      transient,
    ]);
    expect(error.message).toBe(`${WHERE} answered ${status} (${reason}, SOME_STATUS).`);
  });

  it('takes the time to retry from Retry-After, else from a sending-limit message', () => {
    const limited = gmailErrorFromResponse({
      where: WHERE,
      status: 429,
      headers: new Headers(),
      text: body(
        429,
        'rateLimitExceeded',
        'User-rate limit exceeded.  Retry after 2026-12-07T02:00:00.000Z (Mail sending)',
        'RESOURCE_EXHAUSTED',
      ),
      now: NOW,
    });
    expect(limited.retryAfterSeconds).toBe(3600);
    const throttled = gmailErrorFromResponse({
      where: WHERE,
      status: 429,
      headers: new Headers({ 'Retry-After': '17' }),
      text: 'not json',
      now: NOW,
    });
    expect([throttled.code, throttled.reason, throttled.retryAfterSeconds, throttled.message]).toEqual([
      'GMAIL_RATE_LIMITED',
      undefined,
      17,
      `${WHERE} answered 429.`,
    ]);
  });
});

describe('readSentMessage', () => {
  const cases: Array<[string, string]> = [
    ['{', 'the body is not JSON.'],
    ['[]', 'the body is not a JSON object.'],
    ['{"threadId":"t","labelIds":[]}', 'response field "id" must be a non-empty string.'],
    ['{"id":"a","threadId":"","labelIds":[]}', 'response field "threadId" must be a non-empty string.'],
    ['{"id":"a","threadId":"t","labelIds":"SENT"}', 'response field "labelIds" must be an array of non-empty strings.'],
  ];
  it.each(cases)('refuses %s', (text, problem) => {
    expect(() => readSentMessage(text, `${WHERE} answered 200`)).toThrow(
      new GmailError('GMAIL_ANSWER_INVALID', `${WHERE} answered 200: ${problem}`),
    );
  });

  it('reads id, threadId and labelIds', () => {
    expect(readSentMessage('{"id":"a1","threadId":"t1","labelIds":["SENT"],"x":1}', 'x')).toEqual({
      id: 'a1',
      threadId: 't1',
      labelIds: ['SENT'],
    });
  });
});

interface Call {
  url: string;
  auth: string | null;
}

const fakeDeps = (answers: Array<() => Response>, now = () => NOW) => {
  const calls: Call[] = [];
  const forced: boolean[] = [];
  const fetch: FetchLike = (url, init) => {
    calls.push({ url, auth: new Headers(init.headers).get('authorization') });
    const next = answers.shift();
    if (next === undefined) throw new Error('no more answers');
    return Promise.resolve(next());
  };
  const deps: GmailRequestDeps = {
    fetch,
    now,
    tokenProvider: {
      getAccessToken: (options) => {
        forced.push(options?.forceRefresh === true);
        return Promise.resolve(options?.forceRefresh === true ? 'fresh' : 'cached');
      },
    },
  };
  return { deps, calls, forced };
};

const json = (status: number, value: unknown) => () =>
  new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json' } });

describe('gmailRequest', () => {
  it('after a 401 gets one fresh token and tries once more', async () => {
    const { deps, calls, forced } = fakeDeps([json(401, {}), json(200, { ok: 1 })]);
    const answer = await gmailRequest({ method: 'POST', url: URL, body: 'x', expect: [200] }, deps);
    expect([answer.status, answer.attempts]).toEqual([200, 2]);
    expect(calls.map((call) => call.auth)).toEqual(['Bearer cached', 'Bearer fresh']);
    expect(forced).toEqual([false, true]);
  });

  it('a second 401 is GMAIL_UNAUTHORIZED', async () => {
    const { deps } = fakeDeps([
      json(401, {}),
      () => new Response(body(401, 'authError', 'Invalid Credentials', 'UNAUTHENTICATED'), { status: 401 }),
    ]);
    const error = await gmailRequest({ method: 'POST', url: URL, expect: [200] }, deps).catch((e: unknown) => e);
    expect(error).toEqual(new GmailError('GMAIL_UNAUTHORIZED', `${WHERE} answered 401 (authError, UNAUTHENTICATED).`));
  });

  it('sends nothing once sendBy has passed', async () => {
    const { deps, calls } = fakeDeps([json(200, {})]);
    const error = await gmailRequest({ method: 'POST', url: URL, expect: [200], sendBy: NOW - 1 }, deps).catch(
      (e: unknown) => e,
    );
    expect(error).toEqual(
      new GmailError('GMAIL_SEND_WINDOW_PASSED', `${WHERE} not sent: its time to leave had passed (0 tries made).`),
    );
    expect(calls).toEqual([]);
  });

  it('maps a network failure and a timeout', async () => {
    const down = fakeDeps([
      () => {
        throw new TypeError('fetch failed');
      },
    ]);
    const unreachable = await gmailRequest({ method: 'POST', url: URL, expect: [200] }, down.deps).catch(
      (e: unknown) => e,
    );
    expect(unreachable).toEqual(new GmailError('GMAIL_UNREACHABLE', `${WHERE} failed: no answer from the server.`));
    const slow = fakeDeps([
      () => {
        throw new DOMException('late', 'TimeoutError');
      },
    ]);
    const timeout = await gmailRequest(
      { method: 'POST', url: URL, expect: [200], unsure: 'the mail may or may not have been sent' },
      slow.deps,
    ).catch((e: unknown) => e);
    expect(timeout).toEqual(
      new GmailError('GMAIL_TIMEOUT', `${WHERE} timed out; the mail may or may not have been sent.`),
    );
  });

  it('calls Google only, or loopback when the environment allows it', () => {
    expect(gmailUrlProblem(URL, {})).toBeUndefined();
    expect(gmailUrlProblem('https://www.googleapis.com/upload/x', {})).toBeUndefined();
    expect(gmailUrlProblem('http://127.0.0.1:4021/upload/x', {})).toBe(
      'only https://gmail.googleapis.com and https://www.googleapis.com are allowed.',
    );
    expect(
      gmailUrlProblem('http://127.0.0.1:4021/upload/x', { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' }),
    ).toBeUndefined();
    // Forge lets the backend reach manifest.yml's egress origins only: no other googleapis.com host.
    expect(gmailUrlProblem('https://storage.googleapis.com/upload/x', {})).toBe(
      'only https://gmail.googleapis.com and https://www.googleapis.com are allowed.',
    );
    expect(gmailUrlProblem('https://evil.example/googleapis.com', {})).toBe(
      'only https://gmail.googleapis.com and https://www.googleapis.com are allowed.',
    );
  });
});

describe('planGmailUpload', () => {
  it.each([
    [1, { uploadType: 'multipart' }],
    [SIMPLE_UPLOAD_MAX_BYTES, { uploadType: 'multipart' }],
    [SIMPLE_UPLOAD_MAX_BYTES + 1, { uploadType: 'resumable' }],
    [MAX_GMAIL_MESSAGE_BYTES, { uploadType: 'resumable' }],
    [MAX_GMAIL_MESSAGE_BYTES + 1, { tooLarge: true }],
  ])('%d bytes', (bytes, plan) => {
    expect(planGmailUpload(bytes)).toEqual(plan);
  });

  it('refuses a message over 35 MB before anything is sent or read', async () => {
    const { deps, calls } = fakeDeps([]);
    let opened = 0;
    const error = await sendGmailMessage(
      { address: 'support@example-google.test' },
      {
        subject: 's',
        html: '<p>x</p>',
        to: ['a@example.com'],
        attachments: [
          {
            name: 'huge.bin',
            contentType: 'application/octet-stream',
            size: 28 * 1024 * 1024,
            open: () => {
              opened += 1;
              return Promise.reject(new Error('not to be read'));
            },
          },
        ],
      },
      deps,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GmailError);
    expect((error as GmailError).code).toBe('GMAIL_MESSAGE_TOO_LARGE');
    expect((error as GmailError).message).toMatch(
      /^POST gmail\.googleapis\.com\/upload\/gmail\/v1\/users\/me\/messages\/send not sent: the message is about \d+ bytes, over Gmail's 36700160\.$/,
    );
    expect([calls.length, opened]).toEqual([0, 0]);
  });

  it('sends threadId in the multipart metadata and reads the answer', async () => {
    let sent = '';
    const { deps } = fakeDeps([json(200, { id: 'm1', threadId: 't1', labelIds: ['SENT'] })]);
    const fetch = deps.fetch;
    const result = await sendGmailMessage(
      { address: 'support@example-google.test' },
      { subject: 's', html: '<p>x</p>', to: ['a@example.com'], internetMessageId: '<a@b.c>' },
      {
        ...deps,
        newBoundary: () => 'B',
        fetch: (url, init) => {
          sent = Buffer.from(init.body as Uint8Array).toString('utf8');
          expect(new Headers(init.headers).get('content-type')).toBe('multipart/related; boundary=issue-mailer-B');
          expect(url).toBe(URL);
          return fetch(url, init);
        },
      },
      { threadId: 't1' },
    );
    expect(
      sent.startsWith(
        '--issue-mailer-B\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n{"threadId":"t1"}\r\n--issue-mailer-B\r\nContent-Type: message/rfc822\r\n\r\n',
      ),
    ).toBe(true);
    expect(sent.endsWith('\r\n--issue-mailer-B--\r\n')).toBe(true);
    expect(result).toEqual({
      messageId: 'm1',
      threadId: 't1',
      labelIds: ['SENT'],
      internetMessageId: '<a@b.c>',
      attempts: 1,
      uploadType: 'multipart',
    });
  });
});

import type { GetAccessTokenOptions, TokenProvider } from '../../../../../src/oauth/token-provider';
import { GraphError, SendWindowPassedError } from '../../../../../src/providers/microsoft/graph/errors';
import {
  MAX_REQUEST_BYTES,
  sendMail,
  type SendMailDeps,
  type SendMailRequest,
} from '../../../../../src/providers/microsoft/graph/mail-client';
import { sequenceFetch, timeoutError } from '../../../support/fake-fetch';
import { fixtureResponse, graphFixture } from '../../../support/fixtures';

const NOW = Date.parse('2024-03-08T10:22:05Z');
const URL_ = 'https://graph.microsoft.com/v1.0/users/support%40contoso.com/sendMail';
const WHERE = 'POST graph.microsoft.com/v1.0/users/support%40contoso.com/sendMail';

const request: SendMailRequest = {
  mailbox: 'support@contoso.com',
  message: {
    subject: '[DEMO-1] Login page',
    html: '<p>Hello</p>',
    to: ['ada@example.com'],
    cc: ['grace@example.com'],
    bcc: ['alan@example.com'],
  },
  saveToSentItems: true,
};

const tokenProvider = (...tokens: string[]) => {
  const calls: Array<GetAccessTokenOptions | undefined> = [];
  const provider: TokenProvider = {
    getAccessToken: async (options) => {
      calls.push(options);
      return tokens[Math.min(calls.length - 1, tokens.length - 1)] ?? 'token';
    },
  };
  return { provider, calls };
};

const setup = (answers: Array<Response | Error>, tokens = tokenProvider('token-1', 'token-2')) => {
  const { fetch, calls } = sequenceFetch(answers);
  let now = NOW;
  const sleeps: number[] = [];
  const deps: SendMailDeps = {
    fetch,
    tokenProvider: tokens.provider,
    graphBaseUrl: 'https://graph.microsoft.com/v1.0/',
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    newClientRequestId: () => 'client-req-1',
    env: {},
  };
  return { deps, calls, sleeps, tokens };
};

const accepted = (): Response => new Response(null, { status: 202, headers: { 'request-id': 'accepted-req-1' } });

const failure = async (promise: Promise<unknown>): Promise<GraphError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GraphError)) throw new Error(`expected a GraphError, got ${String(error)}`);
  expect(error.message).not.toMatch(/token-\d/);
  return error;
};

describe('sendMail', () => {
  it('posts the message to /users/{mailbox}/sendMail with the bearer token and reads 202', async () => {
    const { deps, calls } = setup([accepted()]);

    await expect(sendMail(request, deps)).resolves.toEqual({
      requestId: 'accepted-req-1',
      clientRequestId: 'client-req-1',
      attempts: 1,
    });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: URL_,
      method: 'POST',
      headers: {
        authorization: 'Bearer token-1',
        'content-type': 'application/json',
        accept: 'application/json',
        'client-request-id': 'client-req-1',
      },
      redirect: 'error',
      hasSignal: true,
    });
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual({
      message: {
        subject: '[DEMO-1] Login page',
        body: { contentType: 'HTML', content: '<p>Hello</p>' },
        toRecipients: [{ emailAddress: { address: 'ada@example.com' } }],
        ccRecipients: [{ emailAddress: { address: 'grace@example.com' } }],
        bccRecipients: [{ emailAddress: { address: 'alan@example.com' } }],
      },
      saveToSentItems: true,
    });
  });

  it('encodes the mailbox as one path segment', async () => {
    const { deps, calls } = setup([accepted()]);
    await sendMail({ ...request, mailbox: 'a/b?c@contoso.com' }, deps);
    expect(calls[0]?.url).toBe('https://graph.microsoft.com/v1.0/users/a%2Fb%3Fc%40contoso.com/sendMail');
  });

  it('retries a 429 after the seconds Retry-After gives', async () => {
    const { deps, calls, sleeps } = setup([fixtureResponse(graphFixture('throttled_concurrency')), accepted()]);
    await expect(sendMail(request, deps)).resolves.toMatchObject({ attempts: 2 });
    expect(sleeps).toEqual([1000]);
    expect(calls).toHaveLength(2);
  });

  it('retries a 503 until the HTTP date Retry-After gives', async () => {
    const { deps, sleeps } = setup([
      new Response('', { status: 503, headers: { 'Retry-After': 'Fri, 08 Mar 2024 10:22:08 GMT' } }),
      accepted(),
    ]);
    await expect(sendMail(request, deps)).resolves.toMatchObject({ attempts: 2 });
    expect(sleeps).toEqual([3000]);
  });

  it('backs off without Retry-After and gives up after the last retry with GRAPH_UNAVAILABLE', async () => {
    const answer = () => new Response('', { status: 504 });
    const { deps, calls, sleeps } = setup([answer(), answer(), answer()]);
    const error = await failure(sendMail(request, deps));

    expect(error).toMatchObject({
      code: 'GRAPH_UNAVAILABLE',
      status: 504,
      retryAfterSeconds: undefined,
      message: `${WHERE} answered 504.`,
    });
    expect(sleeps).toEqual([1000, 2000]);
    expect(calls).toHaveLength(3);
  });

  it('fails at once with GRAPH_THROTTLED and the wait when Retry-After exceeds the budget', async () => {
    const { deps, calls, sleeps } = setup([
      fixtureResponse(graphFixture('throttled_concurrency'), { 'Retry-After': '60', 'request-id': 'req-429' }),
    ]);
    const error = await failure(sendMail(request, deps));

    expect(error).toMatchObject({
      code: 'GRAPH_THROTTLED',
      status: 429,
      graphCode: 'ApplicationThrottled',
      retryAfterSeconds: 60,
      requestId: 'req-429',
      message: `${WHERE} answered 429 ApplicationThrottled (request-id req-429).`,
    });
    expect(sleeps).toEqual([]);
    expect(calls).toHaveLength(1);
  });

  it('gets a fresh token once after a 401 and sends again', async () => {
    const tokens = tokenProvider('token-1', 'token-2');
    const { deps, calls } = setup([fixtureResponse(graphFixture('expired_token')), accepted()], tokens);

    await expect(sendMail(request, deps)).resolves.toMatchObject({ attempts: 2 });
    expect(tokens.calls).toEqual([undefined, { forceRefresh: true }]);
    expect(calls.map((call) => call.headers['authorization'])).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('sends nothing once its time to leave has passed when the token is ready', async () => {
    const tokens = tokenProvider('token-1');
    const { deps, calls } = setup([accepted()], tokens);
    let at = NOW;
    // The token took 2 ms longer than the send may wait.
    const slowToken: TokenProvider = {
      getAccessToken: async (options) => {
        const token = await tokens.provider.getAccessToken(options);
        at = NOW + 1_002;
        return token;
      },
    };

    const sent = sendMail({ ...request, sendBy: NOW + 1_000 }, { ...deps, now: () => at, tokenProvider: slowToken });

    await expect(sent).rejects.toThrow(SendWindowPassedError);
    await expect(sent).rejects.toMatchObject({
      code: 'GRAPH_SEND_WINDOW_PASSED',
      message: `${WHERE} not sent: its time to leave had passed (0 tries made).`,
    });
    expect(calls).toHaveLength(0);
  });

  it('sends again after a 401 only while its time to leave has not passed', async () => {
    const tokens = tokenProvider('token-1', 'token-2');
    const { deps, calls } = setup([fixtureResponse(graphFixture('expired_token')), accepted()], tokens);
    let at = NOW;
    let tokenReads = 0;
    // The fresh token comes after the send's time to leave.
    const provider: TokenProvider = {
      getAccessToken: async (options) => {
        tokenReads += 1;
        if (tokenReads === 2) at = NOW + 1_500;
        return tokens.provider.getAccessToken(options);
      },
    };

    const sent = sendMail({ ...request, sendBy: NOW + 1_250 }, { ...deps, now: () => at, tokenProvider: provider });

    await expect(sent).rejects.toMatchObject({
      code: 'GRAPH_SEND_WINDOW_PASSED',
      message: `${WHERE} not sent: its time to leave had passed (1 tries made).`,
    });
    expect(calls.map((call) => call.headers['authorization'])).toEqual(['Bearer token-1']);
    expect(tokens.calls).toEqual([undefined, { forceRefresh: true }]);
  });

  it('sends as usual before its time to leave', async () => {
    const { deps, calls } = setup([accepted()]);

    await expect(sendMail({ ...request, sendBy: NOW }, deps)).resolves.toMatchObject({ attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it('answers GRAPH_UNAUTHORIZED when the fresh token is refused too', async () => {
    const tokens = tokenProvider('token-1', 'token-2');
    const { deps } = setup(
      [fixtureResponse(graphFixture('expired_token')), fixtureResponse(graphFixture('no_permissions_in_token'))],
      tokens,
    );
    const error = await failure(sendMail(request, deps));

    expect(error).toMatchObject({
      code: 'GRAPH_UNAUTHORIZED',
      graphCode: 'NoPermissionsInAccessToken',
      requestId: 'a17cb89a-96b2-47cc-81aa-50eb23e52ce0',
    });
    expect(tokens.calls).toEqual([undefined, { forceRefresh: true }]);
  });

  it.each([
    ['mail_access_denied', 'GRAPH_ACCESS_DENIED'],
    ['app_access_policy_denied', 'GRAPH_APP_ACCESS_POLICY_DENIED'],
    ['invalid_user', 'GRAPH_MAILBOX_NOT_FOUND'],
    ['mailbox_not_enabled', 'GRAPH_MAILBOX_NOT_ENABLED'],
    ['invalid_recipients', 'GRAPH_INVALID_RECIPIENTS'],
    ['request_too_large', 'GRAPH_REQUEST_TOO_LARGE'],
    ['mime_bad_base64', 'GRAPH_BAD_REQUEST'],
  ])('does not retry %s and answers %s', async (name, code) => {
    const { deps, calls } = setup([fixtureResponse(graphFixture(name))]);
    const error = await failure(sendMail(request, deps));
    expect(error.code).toBe(code);
    expect(calls).toHaveLength(1);
  });

  it('answers GRAPH_RESPONSE_INVALID for a success status other than 202', async () => {
    const { deps } = setup([new Response('{}', { status: 200 })]);
    const error = await failure(sendMail(request, deps));
    expect(error).toMatchObject({
      code: 'GRAPH_RESPONSE_INVALID',
      status: 200,
      message: `${WHERE} answered 200; expected 202 Accepted.`,
    });
  });

  it('answers GRAPH_UNREACHABLE when fetch fails, without retrying (the mail may have gone out)', async () => {
    const cause = new TypeError('fetch failed');
    const { deps, calls } = setup([cause]);
    const error = await failure(sendMail(request, deps));
    expect(error).toMatchObject({
      code: 'GRAPH_UNREACHABLE',
      clientRequestId: 'client-req-1',
      cause,
      message: `${WHERE} failed: no answer from the server.`,
    });
    expect(calls).toHaveLength(1);
  });

  it('answers GRAPH_TIMEOUT when the request times out', async () => {
    const { deps } = setup([timeoutError()]);
    const error = await failure(sendMail(request, deps));
    expect(error).toMatchObject({
      code: 'GRAPH_TIMEOUT',
      message: `${WHERE} timed out; the mail may or may not have been sent.`,
    });
  });

  it('refuses a request over 4 MB before calling Graph', async () => {
    const { deps, calls } = setup([]);
    const html = 'x'.repeat(MAX_REQUEST_BYTES);
    const error = await failure(sendMail({ ...request, message: { ...request.message, html } }, deps));
    expect(error).toMatchObject({
      code: 'GRAPH_REQUEST_TOO_LARGE',
      message: `${WHERE} not sent: the request is over 4 MB.`,
    });
    expect(calls).toHaveLength(0);
  });

  it('refuses a Graph base URL outside the egress policy before asking for a token', async () => {
    const tokens = tokenProvider('token-1');
    const { deps, calls } = setup([], tokens);
    const error = await failure(sendMail(request, { ...deps, graphBaseUrl: 'https://graph.example.com/v1.0' }));
    expect(error).toMatchObject({ code: 'ENDPOINT_NOT_ALLOWED' });
    expect(calls).toHaveLength(0);
    expect(tokens.calls).toHaveLength(0);
  });

  it('talks to a loopback stand-in when the environment allows it', async () => {
    const { deps, calls } = setup([accepted()]);
    await sendMail(request, {
      ...deps,
      graphBaseUrl: 'http://127.0.0.1:4010/v1.0',
      env: { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' },
    });
    expect(calls[0]?.url).toBe('http://127.0.0.1:4010/v1.0/users/support%40contoso.com/sendMail');
  });
});

import { APP_KEY, OTHER_KEY } from '../support/certificates';
import { certificateInput, credentialInput, SECRET } from '../support/credentials';
import type { FetchHandler, RecordedCall } from '../support/fake-fetch';

const NEXT = 'NEXT-SECRET-MARKER-xyz';
import { createRefreshTokenStore } from '../../../src/oauth/refresh-token-store';
import { jsonResponse, timeoutError } from '../support/fake-fetch';
import { fixtureResponse, tokenFixtures } from '../support/fixtures';
import { defaultGoogle, GOOGLE_KEY, GOOGLE_TOKEN_URL, googlePayload } from '../support/google-credentials';
import { adminRequest, emailIdOf, issueRequest, resolverWorld } from '../support/resolvers';

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

/** Everything written to the console while `run` runs, as one text. */
const captureConsole = async (run: () => Promise<void>): Promise<string> => {
  const lines: string[] = [];
  const spies = CONSOLE_METHODS.map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      lines.push(
        args
          .map((arg) =>
            arg instanceof Error
              ? `${arg.name} ${arg.message} ${String(arg.stack)}`
              : typeof arg === 'string'
                ? arg
                : JSON.stringify(arg),
          )
          .join(' '),
      );
    }),
  );
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.join('\n');
};

/** What the outbox keeps and logs: the email log's records and the worker's log lines. */
const outboxText = (world: ReturnType<typeof resolverWorld>): string =>
  JSON.stringify([...world.entities.values.values()]) + world.logLines.join('\n');

/** Token endpoints that repeat what they were sent, the worst a misconfigured or hostile endpoint could do. */
const echoingEndpoints: Array<[string, FetchHandler]> = [
  [
    'an AADSTS error quoting the request',
    (call) =>
      jsonResponse(401, {
        error: 'invalid_client',
        error_codes: [7000215],
        error_description: `AADSTS7000215: got ${call.body}`,
      }),
  ],
  ['an OAuth error value quoting the request', (call) => jsonResponse(400, { error: call.body })],
  ['an HTML page quoting the request', (call) => new Response(`<html>${call.body}</html>`, { status: 500 })],
  [
    'a 200 HTML page quoting the request',
    (call) => new Response(`<html>${call.body}</html>`, { status: 200, headers: { 'Content-Type': 'text/html' } }),
  ],
  ['a 200 JSON answer missing the token, quoting the request', (call) => jsonResponse(200, { token_type: call.body })],
  [
    'a network error quoting the request',
    (call) => {
      throw new TypeError(`fetch failed for ${call.body}`);
    },
  ],
  [
    'a timeout',
    () => {
      throw timeoutError();
    },
  ],
  [
    'a token that is the secret',
    () => jsonResponse(200, { token_type: 'Bearer', expires_in: 3599, access_token: SECRET }),
  ],
];

const fixtureEndpoints: Array<[string, FetchHandler]> = tokenFixtures.map(([name, entry]) => [
  `fixture ${name}`,
  () => fixtureResponse(entry),
]);

describe('the client secret never leaves the backend', () => {
  it.each([...echoingEndpoints, ...fixtureEndpoints])(
    'through save, list and test connection with %s',
    async (_label, microsoft) => {
      const world = resolverWorld({ microsoft });
      const answers: unknown[] = [];

      const output = await captureConsole(async () => {
        answers.push(await world.admin.saveCredential(adminRequest(credentialInput())));
        answers.push(
          await world.admin.saveCredential(adminRequest(credentialInput({ clientSecret: SECRET.repeat(100) }))),
        );
        answers.push(
          await world.admin.saveCredential(adminRequest(credentialInput({ clientSecret: SECRET, clientId: SECRET }))),
        );
        answers.push(
          await world.admin.saveCredential(
            adminRequest(credentialInput({ id: 'cred-1', clientSecret: `${SECRET}-2`, scope: SECRET })),
          ),
        );
        answers.push(await world.admin.saveCredential(adminRequest({ ...credentialInput(), [SECRET]: SECRET })));
        answers.push(await world.admin.listCredentials(adminRequest({})));
        answers.push(await world.admin.testConnection(adminRequest({ id: 'cred-1' })));
        answers.push(await world.admin.listCredentials(adminRequest({})));
        answers.push(await world.issueAction.getEmailDraft(issueRequest({})));
        answers.push(
          await world.issueAction.sendIssueEmail(issueRequest({ to: ['ada@example.com'], subject: 's', message: 'm' })),
        );
        answers.push(await world.drainOutbox());
        answers.push(await world.issueAction.getEmailStatus(issueRequest({ emailId: emailIdOf(1) })));
      });

      expect(answers[0]).toMatchObject({ ok: true });
      const text = JSON.stringify(answers);
      expect(text).not.toContain(SECRET);
      expect(output).not.toContain(SECRET);
      expect(world.kv.plainText()).not.toContain(SECRET);
      expect(outboxText(world)).not.toContain(SECRET);
      // An unknown field is refused without repeating its name, which here is the marker.
      expect(answers[4]).toEqual({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: 'The request was not valid. Reload the page and try again.' },
      });
    },
  );

  it.each([...echoingEndpoints, ...fixtureEndpoints])(
    'nor does the next secret, through save, list, test and send with %s',
    async (_label, microsoft) => {
      const world = resolverWorld({ microsoft });
      const answers: unknown[] = [];
      const output = await captureConsole(async () => {
        answers.push(
          await world.admin.saveCredential(
            adminRequest(credentialInput({ clientSecret: 'current-value', nextClientSecret: NEXT })),
          ),
        );
        answers.push(
          await world.admin.saveCredential(
            adminRequest(
              credentialInput({
                id: 'cred-1',
                clientSecret: '',
                nextClientSecret: `${NEXT}-2`,
                nextSecretExpiresOn: '2027-01-01',
              }),
            ),
          ),
        );
        answers.push(
          await world.admin.saveCredential(
            adminRequest(credentialInput({ id: 'cred-1', clientSecret: '', nextClientSecret: NEXT.repeat(100) })),
          ),
        );
        answers.push(await world.admin.listCredentials(adminRequest({})));
        answers.push(await world.admin.testConnection(adminRequest({ id: 'cred-1', sendTestEmail: true })));
        answers.push(
          await world.issueAction.sendIssueEmail(issueRequest({ to: ['ada@example.com'], subject: 's', message: 'm' })),
        );
        answers.push(await world.drainOutbox());
        answers.push(await world.admin.getEmailLogEntry(adminRequest({ emailId: emailIdOf(1) })));
        answers.push(await world.admin.listCredentials(adminRequest({})));
        answers.push(await world.admin.listWarnings(adminRequest({})));
      });
      expect(answers[0]).toMatchObject({ ok: true });
      expect(JSON.stringify(answers)).not.toContain(NEXT);
      expect(output).not.toContain(NEXT);
      expect(world.kv.plainText()).not.toContain(NEXT);
      expect(outboxText(world)).not.toContain(NEXT);
    },
  );

  it.each([...echoingEndpoints, ...fixtureEndpoints])(
    'nor does the private key, through save, list, test and send with %s',
    async (_label, microsoft) => {
      const world = resolverWorld({ microsoft });
      const keyBody = APP_KEY.split('\n')[1] ?? 'missing';
      const markedKey = `-----BEGIN PRIVATE KEY-----\n${SECRET}\n-----END PRIVATE KEY-----`;
      const answers: unknown[] = [];
      const output = await captureConsole(async () => {
        answers.push(await world.admin.saveCredential(adminRequest(certificateInput())));
        answers.push(await world.admin.saveCredential(adminRequest(certificateInput({ privateKeyPem: markedKey }))));
        answers.push(
          await world.admin.saveCredential(adminRequest(certificateInput({ id: 'cred-1', privateKeyPem: OTHER_KEY }))),
        );
        answers.push(
          await world.admin.saveCredential(adminRequest(certificateInput({ privateKeyPem: `${SECRET}${APP_KEY}` }))),
        );
        answers.push(await world.admin.listCredentials(adminRequest({})));
        answers.push(await world.admin.testConnection(adminRequest({ id: 'cred-1', sendTestEmail: true })));
        answers.push(
          await world.issueAction.sendIssueEmail(issueRequest({ to: ['ada@example.com'], subject: 's', message: 'm' })),
        );
        answers.push(await world.drainOutbox());
        answers.push(await world.admin.getEmailLogEntry(adminRequest({ emailId: emailIdOf(1) })));
        answers.push(await world.admin.listWarnings(adminRequest({})));
      });
      expect(answers[0]).toMatchObject({ ok: true, data: { hasPrivateKey: true } });
      expect(answers[1]).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      const text = JSON.stringify(answers);
      for (const marker of [SECRET, keyBody, 'PRIVATE KEY-----\\nMII']) {
        expect(text).not.toContain(marker);
        expect(output).not.toContain(marker);
        expect(world.kv.plainText()).not.toContain(marker);
        expect(outboxText(world)).not.toContain(marker);
      }
      expect(world.microsoft.calls.map((call) => call.body).join('\n')).not.toContain(keyBody);
    },
  );

  it('through sendIssueEmail when Graph refuses the token twice', async () => {
    const world = resolverWorld({
      microsoft: (call) =>
        call.url.includes('/oauth2/')
          ? jsonResponse(200, { token_type: 'Bearer', expires_in: 3599, access_token: SECRET })
          : jsonResponse(401, {
              error: {
                code: 'InvalidAuthenticationToken',
                message: `Bad token ${call.headers['authorization'] ?? ''}`,
              },
            }),
    });
    const answers: unknown[] = [];
    const output = await captureConsole(async () => {
      answers.push(await world.admin.saveCredential(adminRequest(credentialInput())));
      answers.push(
        await world.issueAction.sendIssueEmail(issueRequest({ to: ['ada@example.com'], subject: 's', message: 'm' })),
      );
      answers.push(await world.drainOutbox());
      answers.push(await world.admin.getEmailLogEntry(adminRequest({ emailId: emailIdOf(1) })));
      answers.push(await world.issueAction.listEmailHistory(issueRequest({})));
    });
    expect(answers[1]).toMatchObject({ ok: true, data: { status: 'queued' } });
    expect(answers[2]).toEqual(['failed']);
    expect(answers[3]).toMatchObject({
      ok: true,
      data: { status: 'failed', lastError: { code: 'GRAPH_UNAUTHORIZED' } },
    });
    expect(JSON.stringify(answers)).not.toContain(SECRET);
    expect(output).not.toContain(SECRET);
    expect(world.kv.plainText()).not.toContain(SECRET);
    expect(outboxText(world)).not.toContain(SECRET);
  });
});

describe("a Google service account's private key never leaves the backend", () => {
  const keyFileText = JSON.stringify(GOOGLE_KEY.file, null, 2);
  const pemLines = GOOGLE_KEY.privateKeyPem.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));
  // The key as the key file's JSON writes it (newlines escaped), and the file itself.
  const markers = [SECRET, ...pemLines, JSON.stringify(GOOGLE_KEY.privateKeyPem).slice(1, 80), keyFileText];
  const markedPem = `-----BEGIN PRIVATE KEY-----\n${SECRET}\n-----END PRIVATE KEY-----\n`;

  const gmailRefusal =
    (status: number, reason: string) =>
    (call: RecordedCall): Response =>
      jsonResponse(status, {
        error: { code: status, message: `refused ${call.body}`, errors: [{ reason, message: call.body }] },
      });

  const googleCases: Array<[string, FetchHandler]> = [
    ['Google answering well', defaultGoogle],
    ...echoingEndpoints.map(([label, handler]): [string, FetchHandler] => [
      `a token endpoint giving ${label}`,
      (call, index) => (call.url === GOOGLE_TOKEN_URL ? handler(call, index) : defaultGoogle(call, index)),
    ]),
    [
      'Google refusing the delegation',
      (call, index) =>
        call.url === GOOGLE_TOKEN_URL
          ? jsonResponse(400, { error: 'unauthorized_client', error_description: `Unauthorized client ${call.body}` })
          : defaultGoogle(call, index),
    ],
    [
      'Gmail answering 403 to the profile',
      (call, index) =>
        call.url.endsWith('/profile') ? gmailRefusal(403, 'insufficientPermissions')(call) : defaultGoogle(call, index),
    ],
    [
      'Gmail answering 429 to the test email',
      (call, index) =>
        call.url.includes('/messages/send') ? gmailRefusal(429, 'rateLimitExceeded')(call) : defaultGoogle(call, index),
    ],
  ];

  it.each(googleCases)('through save, list and test connection with %s', async (_label, google) => {
    const world = resolverWorld({ microsoft: google });
    const answers: unknown[] = [];
    const output = await captureConsole(async () => {
      answers.push(await world.admin.saveGoogleCredential(adminRequest(googlePayload())));
      answers.push(
        await world.admin.saveGoogleCredential(
          adminRequest(
            googlePayload({ serviceAccountKey: JSON.stringify({ ...GOOGLE_KEY.file, private_key: markedPem }) }),
          ),
        ),
      );
      answers.push(
        await world.admin.saveGoogleCredential(adminRequest(googlePayload({ serviceAccountKey: `${keyFileText}x` }))),
      );
      answers.push(
        await world.admin.saveGoogleCredential(
          adminRequest(
            googlePayload({ serviceAccountKey: keyFileText.slice(0, keyFileText.indexOf(pemLines[3] ?? '')) }),
          ),
        ),
      );
      answers.push(
        await world.admin.saveGoogleCredential(
          adminRequest(
            googlePayload({
              serviceAccountKey: JSON.stringify({
                ...GOOGLE_KEY.file,
                type: GOOGLE_KEY.privateKeyPem,
                client_id: SECRET,
              }),
            }),
          ),
        ),
      );
      answers.push(
        await world.admin.saveGoogleCredential(
          adminRequest(
            googlePayload({
              serviceAccountKey: JSON.stringify({ ...GOOGLE_KEY.file, private_key: GOOGLE_KEY.pkcs1Pem }),
            }),
          ),
        ),
      );
      answers.push(await world.admin.saveGoogleCredential(adminRequest({ ...googlePayload(), [SECRET]: SECRET })));
      answers.push(
        await world.admin.saveGoogleCredential(adminRequest(googlePayload({ id: 'cred-1', serviceAccountKey: '' }))),
      );
      answers.push(await world.admin.listCredentials(adminRequest({})));
      answers.push(await world.admin.testConnection(adminRequest({ id: 'cred-1', sendTestEmail: true })));
      answers.push(await world.admin.listCredentials(adminRequest({})));
      answers.push(await world.admin.listWarnings(adminRequest({})));
    });
    expect(answers[0]).toMatchObject({ ok: true, data: { hasPrivateKey: true } });
    for (const refusal of answers.slice(1, 7)) {
      expect(refusal).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
    const text = JSON.stringify(answers);
    for (const marker of markers) {
      expect(text).not.toContain(marker);
      expect(output).not.toContain(marker);
      expect(world.kv.plainText()).not.toContain(marker);
      expect(outboxText(world)).not.toContain(marker);
    }
    expect(world.kv.secrets.get('credential-private-key:cred-1')).toBe(GOOGLE_KEY.privateKeyPem);
    expect(world.microsoft.calls.map((call) => call.body).join('\n')).not.toContain(pemLines[0]);
  });
});

describe("a signed-in mailbox's refresh token never leaves the backend", () => {
  const REFRESH = 'REFRESH-TOKEN-MARKER-rt9';

  it.each([...echoingEndpoints, ...fixtureEndpoints])(
    'through list, test connection, sending and warnings with %s',
    async (_label, microsoft) => {
      const world = resolverWorld({ microsoft });
      const answers: unknown[] = [];
      const output = await captureConsole(async () => {
        const saved = await world.admin.saveCredential(
          adminRequest(
            credentialInput({
              grantType: 'authorization_code',
              scope: '',
              authorizationEndpoint: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/authorize',
            }),
          ),
        );
        answers.push(saved);
        // The sign-in as the oauth-callback web trigger leaves it: the refresh token in secret storage, who signed in.
        await createRefreshTokenStore(world.kv).save('cred-1', REFRESH, Date.parse('2030-05-01T00:00:00Z'));
        await world.credentials.recordAuthorization('cred-1', {
          mailbox: 'support@contoso.com',
          userId: 'u-1',
          authorizedAt: '2030-05-01T00:00:00.000Z',
        });
        answers.push(await world.admin.listCredentials(adminRequest({})));
        answers.push(await world.admin.testConnection(adminRequest({ id: 'cred-1', sendTestEmail: true })));
        answers.push(
          await world.issueAction.sendIssueEmail(issueRequest({ to: ['ada@example.com'], subject: 's', message: 'm' })),
        );
        answers.push(await world.drainOutbox());
        answers.push(await world.admin.getEmailLogEntry(adminRequest({ emailId: emailIdOf(1) })));
        answers.push(await world.admin.listWarnings(adminRequest({})));
      });
      expect(answers[0]).toMatchObject({ ok: true, data: { id: 'cred-1', grantType: 'authorization_code' } });
      // The refresh token went to the token endpoint, so the echoing ones did have it to repeat.
      expect(world.microsoft.calls.some((call) => call.body.includes(REFRESH))).toBe(true);
      expect(JSON.stringify(answers)).not.toContain(REFRESH);
      expect(output).not.toContain(REFRESH);
      expect(world.kv.plainText()).not.toContain(REFRESH);
      expect(outboxText(world)).not.toContain(REFRESH);
    },
  );
});

import PostalMime from 'postal-mime';

import type { OutgoingMessage } from '../../../src/mail-model/outgoing-message';
import type { TokenProvider } from '../../../src/oauth/token-provider';
import { GmailError } from '../../../src/providers/google/gmail/gmail-errors';
import {
  type GmailSendDeps,
  type GmailSendOptions,
  sendGmailMessage,
} from '../../../src/providers/google/gmail/gmail-sender';
import { GMAIL_SEND_SCOPE } from '../../../src/providers/google/scopes';
import { DEMO_CLIENT_ID, type GoogleWorld, startGoogleWorld, SUPPORT } from './helpers';

const LABELS_SCOPE = 'https://www.googleapis.com/auth/gmail.labels';
const ENV = { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' };

let world: GoogleWorld;
beforeEach(async () => {
  world = await startGoogleWorld();
});
afterEach(async () => {
  await world.emulator.close();
});

const tokens = (scopes: readonly string[] = [GMAIL_SEND_SCOPE], subject = SUPPORT): TokenProvider => ({
  getAccessToken: async () => (await world.token({ scopes, subject })).accessToken,
});

const deps = (overrides: Partial<GmailSendDeps> = {}): GmailSendDeps => ({
  fetch: (url, init) => globalThis.fetch(url, init),
  tokenProvider: tokens(),
  now: () => world.clock.ms,
  env: ENV,
  baseUrl: world.emulator.url,
  newBoundary: () => 'b-1',
  ...overrides,
});

const demo2 = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  subject: '[DEMO-2] Drucker im 2. Stock',
  html: '<p>Grüße <img src="cid:logo@im"></p>',
  to: ['ann@example.com'],
  bcc: ['audit@example.com'],
  headers: [{ name: 'x-issue-mailer-issue', value: 'DEMO-2' }],
  internetMessageId: '<e-1.demo-2@example-google.test>',
  attachments: [
    {
      name: 'logo.png',
      contentType: 'image/png',
      bytes: Uint8Array.from([137, 80, 78, 71]),
      isInline: true,
      contentId: 'logo@im',
    },
    { name: 'report.txt', contentType: 'text/plain', bytes: Buffer.from('Seite 1\n') },
  ],
  ...overrides,
});

const send = (message: OutgoingMessage, extra: Partial<GmailSendDeps> = {}, options: GmailSendOptions = {}) =>
  sendGmailMessage({ address: SUPPORT, displayName: 'Support' }, message, deps(extra), options);

const failure = async (promise: Promise<unknown>): Promise<GmailError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GmailError)) throw new Error(`expected a GmailError, got ${String(error)}`);
  return error;
};

const rawPost = async (path: string, scopes: readonly string[], subject = SUPPORT) => {
  const token = (await world.token({ scopes, subject })).accessToken;
  const response = await fetch(`${world.emulator.url}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      raw: Buffer.from('From: a@b.c\r\nTo: x@y.z\r\nSubject: s\r\n\r\nhi\r\n').toString('base64url'),
    }),
  });
  return { status: response.status, body: JSON.parse(await response.text()) as unknown };
};

describe('Gmail send on the emulator', () => {
  it('sends DEMO-2 by the multipart upload: the stored MIME has the same headers and bytes', async () => {
    const result = await send(demo2());
    expect(result).toEqual({
      messageId: expect.stringMatching(/^[0-9a-f]{16}$/) as unknown,
      threadId: result.messageId,
      labelIds: ['SENT'],
      internetMessageId: '<e-1.demo-2@example-google.test>',
      attempts: 1,
      uploadType: 'multipart',
    });
    const [stored] = world.emulator.sentMessages(SUPPORT);
    expect(stored?.id).toBe(result.messageId);
    const parsed = stored?.parsed;
    expect(parsed?.subject).toBe('[DEMO-2] Drucker im 2. Stock');
    expect(parsed?.messageId).toBe('<e-1.demo-2@example-google.test>');
    expect(parsed?.bcc).toEqual([{ address: 'audit@example.com', name: '' }]);
    expect(parsed?.headers.find((h) => h.key === 'x-issue-mailer-issue')?.value).toBe('DEMO-2');
    expect(
      parsed?.attachments.map((a) => [
        a.filename,
        a.contentId ?? null,
        Buffer.from(a.content as ArrayBuffer).toString('hex'),
      ]),
    ).toEqual([
      ['logo.png', '<logo@im>', '89504e47'],
      ['report.txt', null, Buffer.from('Seite 1\n').toString('hex')],
    ]);
    expect(world.emulator.deliveryStats()).toEqual({ sent: 1, refused: {} });
  });

  it('sends a 12 MB streamed attachment by the resumable upload, resuming a dropped chunk', async () => {
    const big = Buffer.alloc(12 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 1) big[i] = (i * 31) % 251;
    let opened = 0;
    world.emulator.dropNextUploadChunk();
    const result = await send(
      demo2({
        attachments: [
          {
            name: 'dump.bin',
            contentType: 'application/octet-stream',
            size: big.length,
            open: async () => {
              opened += 1;
              return (async function* () {
                for (let at = 0; at < big.length; at += 1 << 20) yield big.subarray(at, at + (1 << 20));
              })();
            },
          },
        ],
      }),
      { chunkBytes: 4 * 1024 * 1024 },
    );
    expect(result.uploadType).toBe('resumable');
    expect(opened).toBe(1);
    // ~16.4 MB of MIME: the start, 3 chunks of 4 MiB and the last, the status query and the dropped chunk's rest
    expect(result.attempts).toBe(7);
    const [stored] = world.emulator.sentMessages(SUPPORT);
    const attachment = stored?.parsed.attachments[0];
    expect(attachment?.filename).toBe('dump.bin');
    expect(Buffer.from(attachment?.content as ArrayBuffer).equals(big)).toBe(true);
  });

  it('keeps the threadId of a reply whose References and Subject match', async () => {
    const first = await send(demo2({ attachments: [] }));
    const reply = await send(
      demo2({
        subject: 'Re: [DEMO-2] Drucker im 2. Stock',
        internetMessageId: '<e-2.demo-2@example-google.test>',
        attachments: [],
      }),
      {},
      {
        threadId: first.threadId,
        threading: { inReplyTo: '<e-1.demo-2@example-google.test>', references: ['<e-1.demo-2@example-google.test>'] },
      },
    );
    expect(reply.threadId).toBe(first.threadId);
    const other = await send(
      demo2({ subject: 'Something else', internetMessageId: '<e-3@x.test>', attachments: [] }),
      {},
      {
        threadId: first.threadId,
        threading: { inReplyTo: '<e-1.demo-2@example-google.test>' },
      },
    );
    expect(other.threadId).toBe(other.messageId);
  });

  it("refuses another user's mailbox with 403 as Google answers delegated tokens", async () => {
    const answer = await rawPost('/gmail/v1/users/helpdesk%40example-google.test/messages/send', [GMAIL_SEND_SCOPE]);
    expect(answer).toEqual({
      status: 403,
      body: {
        error: {
          code: 403,
          message: 'Delegation denied for helpdesk@example-google.test',
          errors: [
            { message: 'Delegation denied for helpdesk@example-google.test', domain: 'global', reason: 'forbidden' },
          ],
          status: 'PERMISSION_DENIED',
        },
      },
    });
  });

  it('refuses a token without a send scope: 403 insufficientPermissions', async () => {
    world.emulator.setDelegation(DEMO_CLIENT_ID, [GMAIL_SEND_SCOPE, LABELS_SCOPE]);
    const answer = await rawPost('/gmail/v1/users/me/messages/send', [LABELS_SCOPE]);
    expect(answer).toEqual({
      status: 403,
      body: {
        error: {
          code: 403,
          message: 'Request had insufficient authentication scopes.',
          errors: [
            {
              message: 'Request had insufficient authentication scopes.',
              domain: 'global',
              reason: 'insufficientPermissions',
            },
          ],
          status: 'PERMISSION_DENIED',
        },
      },
    });
    const error = await failure(send(demo2(), { tokenProvider: tokens([LABELS_SCOPE]) }));
    expect([error.code, error.status, error.reason, error.transient]).toEqual([
      'GMAIL_FORBIDDEN',
      403,
      'insufficientPermissions',
      false,
    ]);
    expect(error.message).toBe(
      `POST ${world.emulator.url.replace('http://', '')}/upload/gmail/v1/users/me/messages/send answered 403 (insufficientPermissions, PERMISSION_DENIED).`,
    );
  });

  it('answers 429 over the per-user quota units a minute', async () => {
    world.emulator.setGmailLimits({ unitsPerUserPerMinute: 250 });
    await send(demo2());
    await send(demo2());
    const error = await failure(send(demo2()));
    expect([error.code, error.status, error.reason, error.googleStatus, error.transient]).toEqual([
      'GMAIL_RATE_LIMITED',
      429,
      'rateLimitExceeded',
      'RESOURCE_EXHAUSTED',
      true,
    ]);
    world.clock.advanceSeconds(61);
    await expect(send(demo2())).resolves.toMatchObject({ labelIds: ['SENT'] });
  });

  it('answers the sending limit over the messages of a rolling day, with the time to retry', async () => {
    world.emulator.setGmailLimits({ messagesPerDay: 2 });
    await send(demo2());
    world.clock.advanceSeconds(3600);
    await send(demo2());
    const error = await failure(send(demo2()));
    expect([error.code, error.status, error.reason, error.transient, error.retryAfterSeconds]).toEqual([
      'GMAIL_DAILY_LIMIT',
      429,
      'rateLimitExceeded',
      false,
      23 * 3600,
    ]);
    expect(world.emulator.deliveryStats()).toEqual({ sent: 2, refused: { rateLimitExceeded: 1 } });
    world.clock.advanceSeconds(23 * 3600 + 1);
    await expect(send(demo2())).resolves.toMatchObject({ labelIds: ['SENT'] });
  });

  it('draws faults from a seeded mix', async () => {
    world.emulator.setFaultMix({
      probability: 1,
      kinds: ['unavailable'],
      retryAfterSeconds: 0,
      slowDelayMs: 0,
      seed: 7,
    });
    const error = await failure(send(demo2()));
    expect([error.code, error.status, error.reason, error.transient]).toEqual([
      'GMAIL_UNAVAILABLE',
      503,
      'backendError',
      true,
    ]);
    world.emulator.setFaultMix({
      probability: 1,
      kinds: ['rateLimit'],
      retryAfterSeconds: 30,
      slowDelayMs: 0,
      seed: 7,
    });
    const throttled = await failure(send(demo2()));
    expect([throttled.code, throttled.retryAfterSeconds]).toEqual(['GMAIL_RATE_LIMITED', 30]);
    world.emulator.setFaultMix(undefined);
    await expect(send(demo2())).resolves.toMatchObject({ labelIds: ['SENT'] });
    expect(world.emulator.deliveryStats()).toEqual({ sent: 1, refused: { backendError: 1, rateLimitExceeded: 1 } });
  });

  it('serves messages.get with format=raw and the mailbox page', async () => {
    const sent = await send(demo2());
    const token = (await world.token()).accessToken;
    world.emulator.setDelegation(DEMO_CLIENT_ID, [GMAIL_SEND_SCOPE, 'https://www.googleapis.com/auth/gmail.modify']);
    const modify = (await world.token({ scopes: ['https://www.googleapis.com/auth/gmail.modify'] })).accessToken;
    const get = (bearer: string) =>
      fetch(`${world.emulator.url}/gmail/v1/users/me/messages/${sent.messageId}?format=raw`, {
        headers: { Authorization: `Bearer ${bearer}` },
      });
    expect((await get(token)).status).toBe(403);
    const answer = (await (await get(modify)).json()) as { raw: string; labelIds: string[] };
    expect(answer.labelIds).toEqual(['SENT']);
    const parsed = await PostalMime.parse(Buffer.from(answer.raw, 'base64url'));
    expect(parsed.messageId).toBe('<e-1.demo-2@example-google.test>');
    const page = await (await fetch(`${world.emulator.url}/mailbox/${encodeURIComponent(SUPPORT)}`)).text();
    expect(page).toContain('[DEMO-2] Drucker im 2. Stock');
    expect(page).toContain(`/mailbox/${encodeURIComponent(SUPPORT)}/${sent.messageId}/attachments/1`);
  });

  it('escapes what the mailbox page shows', async () => {
    await send(demo2({ subject: '<script>alert(1)</script>', attachments: [] }));
    const page = await (await fetch(`${world.emulator.url}/mailbox/${encodeURIComponent(SUPPORT)}`)).text();
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(page).not.toContain('<script>');
  });

  it('answers the resumable protocol: chunk size rule, status query, unknown session', async () => {
    const token = (await world.token()).accessToken;
    const start = await fetch(`${world.emulator.url}/upload/gmail/v1/users/me/messages/send?uploadType=resumable`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json; charset=UTF-8' },
      body: '{}',
    });
    const session = start.headers.get('location') ?? '';
    expect([
      start.status,
      session.startsWith(
        `${world.emulator.url}/upload/gmail/v1/users/me/messages/send?uploadType=resumable&upload_id=`,
      ),
    ]).toEqual([200, true]);
    const put = (range: string, body: Uint8Array<ArrayBuffer>, url = session) =>
      fetch(url, { method: 'PUT', headers: { 'Content-Range': range }, body, redirect: 'manual' });
    const odd = await put('bytes 0-9/*', new Uint8Array(10));
    expect([odd.status, ((await odd.json()) as { error: { message: string } }).error.message]).toEqual([
      400,
      'Invalid request. The chunk size must be a multiple of 262144 bytes.',
    ]);
    const first = await put('bytes 0-262143/*', new Uint8Array(262_144).fill(65));
    expect([first.status, first.headers.get('range')]).toEqual([308, 'bytes=0-262143']);
    const query = await put('bytes */*', new Uint8Array(0));
    expect([query.status, query.headers.get('range')]).toEqual([308, 'bytes=0-262143']);
    const gone = await put('bytes */*', new Uint8Array(0), `${session}x`);
    expect(gone.status).toBe(404);
  });
});

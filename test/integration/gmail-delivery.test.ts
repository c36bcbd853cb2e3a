import type { StoredCredential } from '../../src/credentials/stored-credential';
import type { OutgoingMessage } from '../../src/mail-model/outgoing-message';
import { createRefreshTokenStore } from '../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../src/oauth/token-cache';
import { TokenMemo } from '../../src/oauth/token-memo';
import { failureKind } from '../../src/outbox/failure-kind';
import { GmailError } from '../../src/providers/google/gmail/gmail-errors';
import { GMAIL_SEND_SCOPE } from '../../src/providers/google/scopes';
import { createMailSender, createPeopleDirectory, type MailSenderDeps } from '../../src/providers/mail-sender';
import { DEMO_CLIENT_ID, DEMO_KEY, type GoogleWorld, startGoogleWorld, SUPPORT } from '../local/google/helpers';
import { googleCredential } from '../unit/providers/google/delivery/google-credential-fixture';
import { MemoryKvStore } from '../unit/support/memory-kv-store';

/*
 * The provider seam (src/delivery/mail-sender.ts) against the Google emulator: the demo service account's token by
 * the JWT bearer grant, then Gmail's upload. The emulator keeps postal-mime's parse of each sent message.
 */

let world: GoogleWorld;
beforeEach(async () => {
  world = await startGoogleWorld();
});
afterEach(async () => {
  await world.emulator.close();
});

/** The demo credential as the admin page would store it, the key in (fake) secret storage. */
const credential = (): StoredCredential =>
  googleCredential({
    clientId: DEMO_CLIENT_ID,
    scope: GMAIL_SEND_SCOPE,
    senderMailbox: SUPPORT,
    serviceAccount: {
      clientEmail: DEMO_KEY.publicPart.clientEmail,
      privateKeyId: DEMO_KEY.publicPart.privateKeyId,
      projectId: DEMO_KEY.publicPart.projectId,
      keyUpdatedAt: '2026-12-01T00:00:00.000Z',
    },
  });

const deps = (): MailSenderDeps => ({
  credentials: {
    readSecret: async () => {
      throw new Error('a Google credential has no secret');
    },
    readNextSecret: async () => undefined,
    readPrivateKey: async () => DEMO_KEY.privateKeyPem,
    promoteNextSecret: async () => {
      throw new Error('no next secret');
    },
  },
  tokenCache: createTokenCache(new MemoryKvStore()),
  refreshTokens: createRefreshTokenStore(new MemoryKvStore()),
  fetch: (url, init) => globalThis.fetch(url, init),
  now: () => world.clock.ms,
  memo: new TokenMemo(),
  // How the local host points the app at its Google emulator (src/providers/google/google-endpoints.ts).
  env: {
    ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1',
    ISSUE_MAILER_GOOGLE_TOKEN_ENDPOINT: world.emulator.tokenUrl,
    ISSUE_MAILER_GMAIL_BASE_URL: world.emulator.url,
  },
});

/** 6 MiB of a pattern: over Gmail's 5 MB for the multipart upload, so the message goes resumable. */
const BIG = Buffer.alloc(6 * 1024 * 1024);
for (let i = 0; i < BIG.length; i += 1) BIG[i] = (i * 17) % 253;
const SMALL = Buffer.from('Ausdruck der Seite 1\n', 'utf8');

const demo2 = (): OutgoingMessage => ({
  subject: '[DEMO-2] Drucker im 2. Stock',
  html: '<p>Grüße aus dem Support</p>',
  to: ['ann@example.com'],
  cc: ['cy@example.com'],
  bcc: ['audit@example.com'],
  headers: [
    { name: 'x-issue-mailer-issue', value: 'DEMO-2' },
    { name: 'x-issue-mailer-auto-submitted', value: 'auto-generated' },
  ],
  internetMessageId: '<e-2.demo-2@example-google.test>',
  attachments: [
    { name: 'seite-1.txt', contentType: 'text/plain', bytes: SMALL },
    {
      name: 'scan.bin',
      contentType: 'application/octet-stream',
      size: BIG.length,
      // Streamed as the outbox streams Jira's attachments: opened only while the message is uploaded.
      open: async () =>
        (async function* pieces() {
          for (let at = 0; at < BIG.length; at += 1 << 20) yield BIG.subarray(at, at + (1 << 20));
        })(),
    },
  ],
});

describe('sending through Gmail with a Google Workspace credential', () => {
  it('delivers DEMO-2 with two attachments, one over 5 MB, by the resumable upload: same bytes and headers', async () => {
    const result = await createMailSender(deps())(credential(), demo2());

    expect(result.delivery).toBe('gmail-resumable');
    expect(result.internetMessageId).toBe('<e-2.demo-2@example-google.test>');
    expect(result.requestId).toBeUndefined();
    const sent = world.emulator.sentMessages(SUPPORT);
    expect(sent).toHaveLength(1);
    const [stored] = sent;
    expect(stored?.id).toBe(result.messageId);
    expect(stored?.labelIds).toEqual(['SENT']);
    const parsed = stored?.parsed;
    expect(parsed?.from).toEqual({ address: SUPPORT, name: '' });
    expect(parsed?.to).toEqual([{ address: 'ann@example.com', name: '' }]);
    expect(parsed?.cc).toEqual([{ address: 'cy@example.com', name: '' }]);
    expect(parsed?.bcc).toEqual([{ address: 'audit@example.com', name: '' }]);
    expect(parsed?.subject).toBe('[DEMO-2] Drucker im 2. Stock');
    expect(parsed?.messageId).toBe('<e-2.demo-2@example-google.test>');
    expect(parsed?.html).toBe('<p>Grüße aus dem Support</p>');
    const header = (name: string) => parsed?.headers.filter((h) => h.key === name).map((h) => h.value);
    expect(header('x-issue-mailer-issue')).toEqual(['DEMO-2']);
    expect(header('auto-submitted')).toEqual(['auto-generated']);
    expect(
      parsed?.attachments.map((a) => [a.filename, a.mimeType, Buffer.from(a.content as ArrayBuffer).byteLength]),
    ).toEqual([
      ['seite-1.txt', 'text/plain', SMALL.byteLength],
      ['scan.bin', 'application/octet-stream', BIG.byteLength],
    ]);
    expect(Buffer.from(parsed?.attachments[0]?.content as ArrayBuffer).equals(SMALL)).toBe(true);
    expect(Buffer.from(parsed?.attachments[1]?.content as ArrayBuffer).equals(BIG)).toBe(true);
  });

  it('sends a small email by the multipart upload, with one token for two sends', async () => {
    const send = createMailSender(deps());
    const small = { ...demo2(), attachments: [] };
    const first = await send(credential(), { ...small, internetMessageId: '<e-3@example-google.test>' });
    const second = await send(credential(), { ...small, internetMessageId: '<e-4@example-google.test>' });
    expect([first.delivery, second.delivery]).toEqual(['gmail-multipart', 'gmail-multipart']);
    expect(world.emulator.sentMessages(SUPPORT).map((m) => m.parsed.messageId)).toEqual([
      '<e-3@example-google.test>',
      '<e-4@example-google.test>',
    ]);
    expect(world.emulator.requestCounts()).toEqual({ token: 1 });
  });

  it("waits out Gmail's daily sending limit rather than spending the email's attempts", async () => {
    world.emulator.setGmailLimits({ messagesPerDay: 1 });
    const send = createMailSender(deps());
    const small = { ...demo2(), attachments: [] };
    await send(credential(), small);
    const error = await send(credential(), { ...small, internetMessageId: '<e-5@example-google.test>' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GmailError);
    expect((error as GmailError).code).toBe('GMAIL_DAILY_LIMIT');
    // The emulator says "Retry after <time>" as Gmail does: a rolling day after the first send, on a clock that stood.
    expect((error as GmailError).retryAfterSeconds).toBe(86_400);
    expect(failureKind(error)).toEqual({ kind: 'paused', retryAfterSeconds: 86_400 });
    expect(world.emulator.sentMessages(SUPPORT)).toHaveLength(1);
  });

  it('refuses when the Admin console no longer allows the scope, before anything reaches Gmail', async () => {
    world.emulator.setDelegation(DEMO_CLIENT_ID, undefined);
    const error = await createMailSender(deps())(credential(), demo2()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'GoogleTokenError', code: 'GOOGLE_DELEGATION_MISSING' });
    expect(failureKind(error)).toEqual({ kind: 'final' });
    expect(world.emulator.sentMessages(SUPPORT)).toEqual([]);
  });

  it('searches no directory for a Google credential', async () => {
    await expect(createPeopleDirectory(deps())(credential(), 'ann')).resolves.toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { join } from 'node:path';

import { generatedContent, generatedSha256 } from '../../local/jira';
import { loadTenantConfig, startMicrosoftEmulator } from '../../local/microsoft';
import type { EmulatedApp, EmulatedTenant, MicrosoftEmulator } from '../../local/microsoft/types';
import type { StoredCredential } from '../../src/credentials/stored-credential';
import { openAttachment } from '../../src/jira/attachment-content';
import type { RequestJira } from '../../src/jira/jira-client';
import type { MailMessage, StreamedAttachment } from '../../src/mail-model/outgoing-message';
import { createRefreshTokenStore } from '../../src/oauth/refresh-token-store';
import type { TokenCache } from '../../src/oauth/token-cache';
import type { AccessToken } from '../../src/oauth/token-client';
import { TokenMemo } from '../../src/oauth/token-memo';
import { UPLOAD_CHUNK_BYTES } from '../../src/providers/microsoft/delivery/delivery-plan';
import {
  createGraphMailSender,
  type GraphMailSenderDeps,
  type SendAs,
} from '../../src/providers/microsoft/delivery/graph-mail-sender';
import { type FetchLike, globalFetch } from '../../src/shared/seams';
import { MemoryKvStore } from '../unit/support/memory-kv-store';

const ROOT = join(__dirname, '..', '..');
const SUPPORT = 'support@contoso.onmicrosoft.com';
const sha256 = (bytes: Uint8Array | Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Deterministic bytes, so a misplaced or lost byte changes the hash. */
const pattern = (size: number, seed: number): Uint8Array => {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * seed + (i >> 11)) & 0xff;
  return bytes;
};

/** Forge secret storage's part in caching tokens, in memory. */
const memoryTokenCache = (): TokenCache => {
  const entries = new Map<string, { fingerprint: string; token: AccessToken }>();
  return {
    get: async (id, fingerprint, now) => {
      const entry = entries.get(id);
      return entry !== undefined && entry.fingerprint === fingerprint && entry.token.expiresAt > now
        ? entry.token
        : undefined;
    },
    put: async (id, fingerprint, token) => {
      entries.set(id, { fingerprint, token });
    },
    clear: async (id) => {
      entries.delete(id);
    },
  };
};

describe('attachments of any size through Microsoft Graph, against the emulator', () => {
  let microsoft: MicrosoftEmulator;
  let sendAs: SendAs;
  let credential: StoredCredential;
  let senderDeps: GraphMailSenderDeps;

  beforeAll(async () => {
    const config = loadTenantConfig(join(ROOT, 'local', 'microsoft', 'tenant.json'));
    microsoft = await startMicrosoftEmulator({ config });
    const tenant = config.tenants[0] as EmulatedTenant;
    const app = tenant.apps.find((candidate) => candidate.adminConsentGranted) as EmulatedApp;
    const secret = app.secrets.find((candidate) => Date.parse(candidate.expiresOn) > Date.now())?.value ?? '';
    credential = {
      version: 2,
      id: 'cred-it',
      name: 'Contoso support',
      provider: 'microsoft365',
      grantType: 'client_credentials',
      clientAuthMethod: 'client_secret',
      clientId: app.clientId,
      tokenEndpoint: `${microsoft.loginBaseUrl}/${tenant.id}/oauth2/v2.0/token`,
      scope: 'https://graph.microsoft.com/.default',
      senderMailbox: SUPPORT,
      graphBaseUrl: `${microsoft.graphBaseUrl}/v1.0`,
      hasSecret: true,
      hasNextSecret: false,
      hasPrivateKey: false,
      isDefault: true,
      createdAt: '2030-01-01T00:00:00.000Z',
      updatedAt: '2030-01-01T00:00:00.000Z',
    };
    senderDeps = {
      credentials: {
        readSecret: async () => secret,
        readNextSecret: async () => undefined,
        readPrivateKey: async () => {
          throw new Error('a client secret credential has no key');
        },
        promoteNextSecret: async () => {
          throw new Error('no next secret');
        },
      },
      tokenCache: memoryTokenCache(),
      refreshTokens: createRefreshTokenStore(new MemoryKvStore()),
      memo: new TokenMemo(),
      fetch: globalFetch,
      now: () => Date.now(),
      env: { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' },
    };
    sendAs = createGraphMailSender(senderDeps);
  });

  afterAll(() => microsoft.close());

  beforeEach(() => microsoft.resetCounts());

  it('sends a 3,401,005-byte and a 712-byte attachment through a draft and an upload session, byte for byte', async () => {
    const logs = pattern(3_401_005, 31);
    const note = pattern(712, 7);
    const message: MailMessage = {
      subject: '[DEMO-2] Crash logs',
      html: '<p>Logs attached.</p>',
      to: ['reader@example.com'],
      attachments: [
        { name: 'crash.log', contentType: 'text/plain', bytes: logs },
        { name: 'note.bin', contentType: 'application/octet-stream', bytes: note },
      ],
      headers: [{ name: 'x-issue-mailer-issue', value: 'DEMO-2' }],
      internetMessageId: '<e-big.demo-2@contoso.onmicrosoft.com>',
    };

    const result = await sendAs(credential, message);

    expect(result).toMatchObject({
      delivery: 'draft',
      internetMessageId: '<e-big.demo-2@contoso.onmicrosoft.com>',
      messageId: expect.stringMatching(/^AAMkAG/),
    });
    // Create, createUploadSession, one PUT, the small attachment, send; and one token.
    expect(microsoft.requestCounts()).toEqual({ token: 1, graph: 5 });
    const stored = microsoft.sentMessages(SUPPORT).at(-1);
    expect(stored?.message.subject).toBe('[DEMO-2] Crash logs');
    expect(stored?.message.internetMessageId).toBe('<e-big.demo-2@contoso.onmicrosoft.com>');
    expect(stored?.message.internetMessageHeaders).toEqual([{ name: 'x-issue-mailer-issue', value: 'DEMO-2' }]);
    const attachments = stored?.message.attachments ?? [];
    expect(attachments.map(({ name, contentType, size }) => ({ name, contentType, size }))).toEqual([
      { name: 'crash.log', contentType: 'text/plain', size: 3_401_005 },
      { name: 'note.bin', contentType: 'application/octet-stream', size: 712 },
    ]);
    expect(attachments.map((attachment) => sha256(Buffer.from(attachment.contentBytes, 'base64')))).toEqual([
      sha256(logs),
      sha256(note),
    ]);
  });

  it('streams a generated 10 MiB Jira attachment into the upload session: each chunk read just before its PUT, byte for byte', async () => {
    const size = 10 * 1024 * 1024;
    const content = generatedContent(5, size);
    const jira = { pulled: 0 };
    // Jira's answer to GET /attachment/content/{id}?redirect=false: a body made only as it is read.
    const requestJira: RequestJira = async () => {
      const reader = content.stream().getReader();
      const body = new ReadableStream<Uint8Array>(
        {
          pull: async (controller) => {
            const step = await reader.read();
            if (step.done) controller.close();
            else {
              jira.pulled += step.value.byteLength;
              controller.enqueue(step.value);
            }
          },
        },
        { highWaterMark: 0 },
      );
      return new Response(body, { status: 200, headers: { 'Content-Length': String(size) } });
    };
    const puts: Array<{ range: string; pulledBefore: number }> = [];
    const fetch: FetchLike = (url, init) => {
      if (init.method === 'PUT')
        puts.push({
          range: String((init.headers as Record<string, string>)['Content-Range']),
          pulledBefore: jira.pulled,
        });
      return globalFetch(url, init);
    };
    const streamingSender = createGraphMailSender({ ...senderDeps, fetch });
    const attachment: StreamedAttachment = {
      name: 'capture.bin',
      contentType: 'application/octet-stream',
      size,
      open: () => openAttachment('10200', size, requestJira),
    };

    const result = await streamingSender(credential, {
      subject: '[DEMO-5] Capture',
      html: '<p>Capture.</p>',
      to: ['reader@example.com'],
      attachments: [attachment],
    });

    expect(result.delivery).toBe('draft');
    expect(puts.map(({ range }) => range)).toEqual([
      'bytes 0-3932159/10485760',
      'bytes 3932160-7864319/10485760',
      'bytes 7864320-10485759/10485760',
    ]);
    puts.forEach(({ pulledBefore }, k) => {
      const end = Math.min((k + 1) * UPLOAD_CHUNK_BYTES, size);
      // Chunk k is read, and at most one 64 KiB piece of Jira's body beyond it.
      expect(pulledBefore).toBeGreaterThanOrEqual(end);
      expect(pulledBefore).toBeLessThanOrEqual(end + 64 * 1024);
    });
    const stored = microsoft.sentMessages(SUPPORT).find((sent) => sent.message.subject === '[DEMO-5] Capture');
    const bytes = Buffer.from(stored?.message.attachments?.[0]?.contentBytes ?? '', 'base64');
    expect(sha256(bytes)).toBe(generatedSha256(5, size));
  });

  it('sends a small message in one sendMail with its x- header and Message-ID', async () => {
    const result = await sendAs(credential, {
      subject: '[DEMO-1] Small',
      html: '<p>Hi</p>',
      to: ['reader@example.com'],
      attachments: [{ name: 'tiny.txt', contentType: 'text/plain', bytes: new TextEncoder().encode('tiny') }],
      headers: [{ name: 'x-issue-mailer-issue', value: 'DEMO-1' }],
      internetMessageId: '<e-small.demo-1@contoso.onmicrosoft.com>',
    });

    expect(result).toEqual({
      requestId: expect.any(String),
      clientRequestId: expect.any(String),
      attempts: 1,
      delivery: 'single',
      internetMessageId: '<e-small.demo-1@contoso.onmicrosoft.com>',
      messageId: undefined,
    });
    expect(microsoft.requestCounts()).toEqual({ token: 0, graph: 1 });
    const stored = microsoft.sentMessages(SUPPORT).at(-1);
    expect(stored?.message.internetMessageId).toBe('<e-small.demo-1@contoso.onmicrosoft.com>');
    expect(stored?.message.internetMessageHeaders).toEqual([{ name: 'x-issue-mailer-issue', value: 'DEMO-1' }]);
    expect(
      stored?.message.attachments?.map((attachment) => [
        attachment.name,
        Buffer.from(attachment.contentBytes, 'base64').toString(),
      ]),
    ).toEqual([['tiny.txt', 'tiny']]);
  });
});

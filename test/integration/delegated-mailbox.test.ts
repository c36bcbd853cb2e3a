import { delegatedTokenProvider } from '../../src/credentials/delegated-token';
import type { StoredCredential } from '../../src/credentials/stored-credential';
import { testConnection, type TestConnectionDeps } from '../../src/credentials/test-connection';
import { exchangeAuthorizationCode } from '../../src/oauth/authorization-code-client';
import { createRefreshTokenStore, type RefreshTokenStore } from '../../src/oauth/refresh-token-store';
import { createTokenCache } from '../../src/oauth/token-cache';
import { TokenMemo } from '../../src/oauth/token-memo';
import { connectionDiagnoses } from '../../src/providers/connection-test';
import {
  createGraphMailSender,
  type GraphMailSenderDeps,
} from '../../src/providers/microsoft/delivery/graph-mail-sender';
import type { FetchLike } from '../../src/shared/seams';
import { watchSignIns } from '../../src/warnings/authorization-watch';
import { createWarningService } from '../../src/warnings/warning-service';
import { createWarningStore } from '../../src/warnings/warning-store';
import {
  authorizeParams,
  newPkce,
  REDIRECT_URI,
  signInForCode,
  startCodeDemo,
  SUPPORT,
} from '../local/microsoft/auth-code-helpers';
import { type Demo, validSecret } from '../local/microsoft/helpers';
import { fakeJira } from '../unit/support/fake-jira';
import { MemoryKvStore } from '../unit/support/memory-kv-store';

const ENV = { ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' };
const SUPPORT_ID = '8c6e4a2f-0d1b-4e3c-9a5f-7b8d2e1c4f63';

/** Deterministic bytes, so a misplaced or lost byte changes what arrives. */
const pattern = (size: number): Uint8Array => {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 13 + (i >> 9)) & 0xff;
  return bytes;
};

/** Every request the app makes, as `METHOD /path` (no host, no query). */
const recordingFetch =
  (seen: string[]): FetchLike =>
  (url, init) => {
    seen.push(`${init.method ?? 'GET'} ${new URL(url).pathname}`);
    return fetch(url, init);
  };

describe('sending and testing as the signed-in mailbox, against the Microsoft emulator', () => {
  let demo: Demo;
  let kv: MemoryKvStore;
  let refreshTokens: RefreshTokenStore;
  let credential: StoredCredential;
  let seen: string[];
  let firstRefreshToken: string;

  const now = () => demo.clock.now().getTime();

  /** The app's deps, as the composition roots build them, over the emulator and in-memory storage. */
  const senderDeps = (): GraphMailSenderDeps => ({
    credentials: {
      readSecret: async () => validSecret(demo.app),
      readNextSecret: async () => undefined,
      readPrivateKey: async () => {
        throw new Error('a client secret credential has no key');
      },
      promoteNextSecret: async () => {
        throw new Error('no next secret');
      },
    },
    tokenCache: createTokenCache(kv),
    refreshTokens,
    memo: new TokenMemo(),
    fetch: recordingFetch(seen),
    now,
    sleep: async () => undefined,
    env: ENV,
  });

  beforeEach(async () => {
    demo = await startCodeDemo();
    kv = new MemoryKvStore();
    refreshTokens = createRefreshTokenStore(kv);
    seen = [];
    // What helper A's callback does after "Authorize": sign in, redeem the code with the app's client, store the grant.
    const pkce = newPkce();
    const { code } = await signInForCode(demo, authorizeParams(demo, pkce));
    const tokenEndpoint = demo.tokenUrl;
    const tokens = await exchangeAuthorizationCode(
      {
        tokenEndpoint,
        clientId: demo.app.clientId,
        clientSecret: validSecret(demo.app),
        code,
        redirectUri: REDIRECT_URI,
        codeVerifier: pkce.verifier,
      },
      { fetch, now, env: ENV },
    );
    firstRefreshToken = tokens.refreshToken;
    await refreshTokens.save('cred-me', tokens.refreshToken, now());
    const authorizedAt = demo.clock.now().toISOString();
    credential = {
      version: 2,
      id: 'cred-me',
      name: 'Support (signed in)',
      provider: 'microsoft365',
      grantType: 'authorization_code',
      clientAuthMethod: 'client_secret',
      clientId: demo.app.clientId,
      tokenEndpoint,
      authorizationEndpoint: `${demo.emulator.loginBaseUrl}/${demo.tenant.id}/oauth2/v2.0/authorize`,
      scope: 'https://graph.microsoft.com/.default',
      senderMailbox: SUPPORT.upn,
      graphBaseUrl: `${demo.emulator.graphBaseUrl}/v1.0`,
      hasSecret: true,
      hasNextSecret: false,
      hasPrivateKey: false,
      authorization: { mailbox: SUPPORT.upn, userId: SUPPORT_ID, displayName: 'Contoso Support', authorizedAt },
      isDefault: false,
      createdAt: authorizedAt,
      updatedAt: authorizedAt,
    };
    demo.emulator.resetCounts();
  });

  afterEach(() => demo.emulator.close());

  it("sends through POST /me/sendMail into the signed-in mailbox's Sent Items, storing the rotated refresh token", async () => {
    const result = await createGraphMailSender(senderDeps())(credential, {
      subject: '[DEMO-16] Sent as the signed-in mailbox',
      html: '<p>Hello</p>',
      to: ['reader@example.com'],
    });

    expect(result.delivery).toBe('single');
    const tenantPath = new URL(demo.tokenUrl).pathname;
    expect(seen).toEqual([`POST ${tenantPath}`, 'POST /v1.0/me/sendMail']);
    expect(demo.emulator.sentMessages(SUPPORT.upn).map((sent) => sent.message.subject)).toEqual([
      '[DEMO-16] Sent as the signed-in mailbox',
    ]);
    expect(demo.emulator.sentMessages('sales@contoso.onmicrosoft.com')).toEqual([]);
    const stored = await refreshTokens.read('cred-me');
    expect(stored).toEqual(expect.any(String));
    expect(stored).not.toBe(firstRefreshToken);
    expect(await refreshTokens.readUse('cred-me')).toEqual({ authorizedAt: now(), lastUsedAt: now() });
  });

  it('sends a message over 4 MB through a draft, an upload session and send, all under /me', async () => {
    const big = pattern(3_500_000);
    const result = await createGraphMailSender(senderDeps())(credential, {
      subject: '[DEMO-2] Logs, signed in',
      html: '<p>Logs attached.</p>',
      to: ['reader@example.com'],
      attachments: [{ name: 'crash.log', contentType: 'text/plain', bytes: big }],
    });

    expect(result.delivery).toBe('draft');
    const graphCalls = seen.filter((call) => !call.includes('/oauth2/'));
    expect(graphCalls[0]).toBe('POST /v1.0/me/messages');
    expect(graphCalls[1]).toMatch(/^POST \/v1\.0\/me\/messages\/[^/]+\/attachments\/createUploadSession$/);
    expect(graphCalls.filter((call) => call.startsWith('PUT '))).toHaveLength(1);
    expect(graphCalls.at(-1)).toMatch(/^POST \/v1\.0\/me\/messages\/[^/]+\/send$/);
    expect(graphCalls.some((call) => call.includes('/users/'))).toBe(false);
    const sent = demo.emulator.sentMessages(SUPPORT.upn).at(-1);
    expect(sent?.message.subject).toBe('[DEMO-2] Logs, signed in');
    expect(sent?.message.attachments?.map((attachment) => attachment.size)).toEqual([3_500_000]);
  });

  const testDeps = (recorded: unknown[]): TestConnectionDeps => {
    const deps = senderDeps();
    const jira = fakeJira(() => ({
      status: 200,
      body: { accountId: 'admin-1', displayName: 'Ada Admin', emailAddress: 'ada.admin@example.com' },
    }));
    return {
      ...deps,
      credentials: {
        ...deps.credentials,
        get: async () => credential,
        recordTestResult: async (_id, result) => {
          recorded.push(result);
        },
      },
      requestJira: jira.requestJira,
      diagnoses: connectionDiagnoses,
    };
  };

  it('passes Test connection: renewed sign-in, delegated permissions, GET /me, a test email through /me/sendMail', async () => {
    const recorded: unknown[] = [];
    const result = await testConnection('cred-me', testDeps(recorded), { sendTestEmail: true });

    expect(result).toMatchObject({ ok: true, code: 'OK', tested: 'saved' });
    expect(result.authorizeAgain).toBeUndefined();
    expect(result.steps?.map((step) => [step.key, step.status, step.message])).toEqual([
      ['token', 'passed', `Renewed the sign-in of ${SUPPORT.upn} for ${demo.app.clientId}, with the client secret.`],
      ['permissions', 'passed', 'The token carries the delegated permissions Mail.Send, Mail.ReadWrite and User.Read.'],
      ['mailbox', 'passed', `Signed in as ${SUPPORT.upn} (Contoso Support): mail goes out from this mailbox.`],
      [
        'test-email',
        'passed',
        `Sent a test email from ${SUPPORT.upn} to the email address Jira has for you. It should arrive within a minute.`,
      ],
    ]);
    expect(seen.filter((call) => !call.includes('/oauth2/'))).toEqual(['GET /v1.0/me', 'POST /v1.0/me/sendMail']);
    expect(demo.emulator.sentMessages(SUPPORT.upn).at(-1)?.message.toRecipients).toEqual([
      { emailAddress: { address: 'ada.admin@example.com' } },
    ]);
    expect(recorded).toEqual([result]);
  });

  it("fails Test connection with OAUTH_GRANT_REVOKED and authorizeAgain after the mailbox's sessions are revoked", async () => {
    demo.clock.advanceSeconds(60);
    demo.emulator.revokeSignInSessions(SUPPORT.upn);
    const recorded: unknown[] = [];

    const result = await testConnection('cred-me', testDeps(recorded));

    expect(result).toMatchObject({ ok: false, code: 'OAUTH_GRANT_REVOKED', authorizeAgain: true, tested: 'saved' });
    expect(result.message).toBe(
      "Microsoft revoked the mailbox's sign-in (AADSTS50173): its sessions were revoked, or an admin reset its " +
        'password. Open the credential and choose Authorize again, then sign in with the mailbox Issue Mailer should send as.',
    );
    expect(result.steps?.map((step) => [step.key, step.status])).toEqual([
      ['token', 'failed'],
      ['permissions', 'skipped'],
      ['mailbox', 'skipped'],
    ]);
    expect(seen.filter((call) => !call.includes('/oauth2/'))).toEqual([]);
    expect(recorded).toEqual([result]);
  });

  const DAY_SECONDS = 86_400;

  const warningsOf = () =>
    createWarningService({ store: createWarningStore(kv), listCredentials: async () => [credential], now });

  const watch = () => {
    const warnings = warningsOf();
    const deps = senderDeps();
    return watchSignIns({
      listCredentials: async () => [credential],
      readUse: (id) => refreshTokens.readUse(id),
      refresh: async (watched) => {
        // The expiry check's refresh: the same token provider as sending, forced past the caches.
        await delegatedTokenProvider(watched, deps).getAccessToken({
          forceRefresh: true,
        });
      },
      record: (watched, outcome) => warnings.recordAuthorizationWatch(watched, outcome),
      now,
    });
  };

  it.each([
    { days: 29, summary: { watched: 1, refreshed: 0, failed: 0 }, tokenRequests: 0, kinds: [] },
    { days: 31, summary: { watched: 1, refreshed: 1, failed: 0 }, tokenRequests: 1, kinds: [] },
    { days: 91, summary: { watched: 1, refreshed: 0, failed: 1 }, tokenRequests: 1, kinds: ['authorization-lost'] },
  ])(
    'the daily watch after $days days unused: $summary.refreshed renewed, warnings $kinds',
    async ({ days, summary, tokenRequests, kinds }) => {
      demo.clock.advanceSeconds(days * DAY_SECONDS);
      const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
      try {
        await expect(watch()).resolves.toEqual(summary);
      } finally {
        warn.mockRestore();
      }
      expect(demo.emulator.requestCounts()).toEqual({ token: tokenRequests, graph: 0 });
      const { warnings } = await warningsOf().list();
      expect(warnings.map((warning) => warning.kind)).toEqual(kinds);
      if (days === 31) expect((await refreshTokens.readUse('cred-me'))?.lastUsedAt).toBe(now());
      if (days === 91) {
        expect(warnings[0]?.message).toBe(
          `Microsoft no longer accepts the sign-in of ${SUPPORT.upn}, so no mail goes out with this credential. ` +
            "The mailbox's sign-in expired after 90 days without use (AADSTS700082). Open the credential and choose " +
            'Authorize again, then sign in with the mailbox Issue Mailer should send as.',
        );
      }
    },
  );

  it('records an authorization-lost warning when sending meets a revoked sign-in, once', async () => {
    demo.clock.advanceSeconds(60);
    demo.emulator.revokeSignInSessions(SUPPORT.upn);
    const warnings = warningsOf();
    const send = createGraphMailSender({
      ...senderDeps(),
      onAuthorizationRefused: (refused, error) => warnings.recordAuthorizationRefused(refused, error),
    });
    const message = { subject: 'Lost', html: '<p>x</p>', to: ['reader@example.com'] };

    await expect(send(credential, message)).rejects.toMatchObject({ code: 'OAUTH_GRANT_REVOKED' });
    await expect(send(credential, message)).rejects.toMatchObject({ code: 'OAUTH_GRANT_REVOKED' });

    const listed = await warnings.list();
    expect(listed.warnings.map(({ kind, severity }) => ({ kind, severity }))).toEqual([
      { kind: 'authorization-lost', severity: 'error' },
    ]);
    expect(demo.emulator.sentMessages(SUPPORT.upn)).toEqual([]);
  });
});

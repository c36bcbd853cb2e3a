import { sendIssueEmailSchema } from '../../../src/contract/issue-email';
import { createCredentialService } from '../../../src/credentials/credential-service';
import { createCredentialStore } from '../../../src/credentials/credential-store';
import { NoCredentialConfiguredError } from '../../../src/credentials/errors';
import { getEmailDraft } from '../../../src/mail/email-draft';
import { MailValidationError } from '../../../src/mail/errors';
import { createGraphMailSender } from '../../../src/mail/graph-mail-sender';
import { normalizeRecipients } from '../../../src/mail/recipients';
import { sendIssueEmail } from '../../../src/mail/send-issue-email';
import { resolveSiteUrl } from '../../../src/mail/site-url';
import { createTokenCache } from '../../../src/oauth/token-cache';
import { TokenMemo } from '../../../src/oauth/token-memo';
import { parsedInput, SECRET, sequentialIds } from '../support/credentials';
import { fakeFetch, jsonResponse } from '../support/fake-fetch';
import { issueSnapshot } from '../support/issue';
import { MemoryKvStore } from '../support/memory-kv-store';

const NOW = Date.parse('2024-05-06T06:00:00Z');
const TOKEN_URL = 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token';
const SEND_URL = 'https://graph.microsoft.com/v1.0/users/support%40contoso.com/sendMail';

const input = (overrides: Record<string, unknown> = {}) =>
  sendIssueEmailSchema.parse({ to: ['ada@example.com'], subject: '[DEMO-1] Login page', message: 'Please look', ...overrides });

/** Real credential service, token provider and Graph client over in-memory storage and a fake Microsoft. */
const setup = async (withCredential = true) => {
  const kv = new MemoryKvStore();
  let now = NOW;
  const credentials = createCredentialService({ store: createCredentialStore(kv), now: () => now, newId: sequentialIds() });
  if (withCredential) await credentials.save(parsedInput());
  const { fetch, calls } = fakeFetch((call) => {
    if (call.url === TOKEN_URL) return jsonResponse(200, { token_type: 'Bearer', expires_in: 3599, access_token: 'token-1' });
    if (call.url === SEND_URL) return new Response(null, { status: 202 });
    throw new Error(`unexpected ${call.url}`);
  });
  const jiraReads: string[] = [];
  /** Each call is a fresh process: a new memo, as on a cold Forge invocation. */
  const deps = () => ({
    credentials,
    readIssue: async (key: string) => {
      jiraReads.push(key);
      return issueSnapshot({ key });
    },
    sendAs: createGraphMailSender({ credentials, tokenCache: createTokenCache(kv), fetch, now: () => now, memo: new TokenMemo(), env: {} }),
    now: () => now,
  });
  return { kv, calls, deps, jiraReads, credentials, advance: (ms: number) => (now += ms) };
};

describe('sendIssueEmail', () => {
  it('reads the issue, composes the email and sends it from the default credential mailbox', async () => {
    const { calls, deps, jiraReads } = await setup();

    const sent = await sendIssueEmail(
      { issueKey: 'DEMO-1', input: input({ cc: ['grace@example.com'] }), siteUrl: 'https://example.atlassian.net', timeZone: 'UTC' },
      deps(),
    );

    expect(sent).toEqual({ issueKey: 'DEMO-1', sentAt: '2024-05-06T06:00:00.000Z', recipientCount: 2 });
    expect(jiraReads).toEqual(['DEMO-1']);
    expect(calls.map((call) => call.url)).toEqual([TOKEN_URL, SEND_URL]);
    const body = JSON.parse(calls[1]?.body ?? '') as {
      message: { subject: string; body: { content: string }; toRecipients: unknown; ccRecipients: unknown; bccRecipients: unknown };
      saveToSentItems: boolean;
    };
    expect(body.saveToSentItems).toBe(true);
    expect(body.message.subject).toBe('[DEMO-1] Login page');
    expect(body.message.toRecipients).toEqual([{ emailAddress: { address: 'ada@example.com' } }]);
    expect(body.message.ccRecipients).toEqual([{ emailAddress: { address: 'grace@example.com' } }]);
    expect(body.message.bccRecipients).toEqual([]);
    expect(body.message.body.content).toContain('Please look');
    expect(body.message.body.content).toContain('https://example.atlassian.net/browse/DEMO-1');
    expect(calls[0]?.body).toContain(`client_secret=${SECRET}`);
  });

  it('sends 100 emails from 100 fresh processes with one token request and two storage reads per email', async () => {
    const { calls, deps, kv, advance } = await setup();
    kv.resetOperations();

    for (let i = 0; i < 100; i += 1) {
      await sendIssueEmail({ issueKey: 'DEMO-1', input: input() }, deps());
      if (i === 0) kv.resetOperations();
      advance(20_000);
    }

    expect(calls.filter((call) => call.url === TOKEN_URL)).toHaveLength(1);
    expect(calls.filter((call) => call.url === SEND_URL)).toHaveLength(100);
    expect(kv.count()).toBe(99 * 2);
    expect(kv.count('query')).toBe(99);
    expect(kv.count('getSecret')).toBe(99);
  });

  it('answers NOT_CONFIGURED without a credential and sends nothing', async () => {
    const { calls, deps } = await setup(false);
    await expect(sendIssueEmail({ issueKey: 'DEMO-1', input: input() }, deps())).rejects.toBeInstanceOf(NoCredentialConfiguredError);
    expect(calls).toHaveLength(0);
  });

  it('links to the site from the issue when the context has no site URL', async () => {
    const { calls, deps } = await setup();
    await sendIssueEmail({ issueKey: 'DEMO-1', input: input(), siteUrl: undefined }, deps());
    expect(calls[1]?.body).toContain('https://example.atlassian.net/browse/DEMO-1');
  });

  it('counts each address once and keeps it in the most visible list', async () => {
    const { calls, deps } = await setup();
    const sent = await sendIssueEmail(
      { issueKey: 'DEMO-1', input: input({ to: ['Ada@example.com', 'ada@example.com'], cc: ['ADA@example.com', 'g@example.com'], bcc: ['g@example.com'] }) },
      deps(),
    );
    expect(sent.recipientCount).toBe(2);
    const body = JSON.parse(calls[1]?.body ?? '') as { message: { toRecipients: unknown[]; ccRecipients: unknown[]; bccRecipients: unknown[] } };
    expect([body.message.toRecipients.length, body.message.ccRecipients.length, body.message.bccRecipients.length]).toEqual([1, 1, 0]);
  });
});

describe('normalizeRecipients', () => {
  it('refuses more than 500 recipients in all', () => {
    const many = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}@example.com`);
    expect(() => normalizeRecipients({ to: many('t', 300), cc: many('c', 200), bcc: [] })).not.toThrow();
    const error = (() => {
      try {
        normalizeRecipients({ to: many('t', 300), cc: many('c', 200), bcc: many('b', 1) });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(MailValidationError);
    expect(error).toMatchObject({ fieldErrors: { to: 'A message can have at most 500 recipients in To, Cc and Bcc together.' } });
  });
});

describe('resolveSiteUrl', () => {
  it.each([
    ['https://example.atlassian.net/', 'https://other.example/rest/api/3/issue/1', 'https://example.atlassian.net'],
    [undefined, 'https://example.atlassian.net/rest/api/3/issue/1', 'https://example.atlassian.net'],
    ['javascript:alert(1)', 'http://127.0.0.1:4000/rest/api/3/issue/1', 'http://127.0.0.1:4000'],
    [42, 'not a url', ''],
  ])('context %j, self %s -> %s', (context, self, expected) => {
    expect(resolveSiteUrl(context, self)).toBe(expected);
  });
});

describe('getEmailDraft', () => {
  it('offers the default subject and the sender mailbox', async () => {
    const { deps } = await setup();
    await expect(getEmailDraft('DEMO-1', deps())).resolves.toEqual({
      issueKey: 'DEMO-1',
      issueSummary: 'Login page shows a blank screen',
      subject: '[DEMO-1] Login page shows a blank screen',
      senderMailbox: 'support@contoso.com',
    });
  });

  it('says null for the sender mailbox when nothing is configured', async () => {
    const { deps } = await setup(false);
    await expect(getEmailDraft('DEMO-1', deps())).resolves.toMatchObject({ senderMailbox: null });
  });
});

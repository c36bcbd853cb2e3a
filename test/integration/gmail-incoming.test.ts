import { createHandlerStateStore } from '../../src/incoming/connection/handler-state';
import type { IncomingJob } from '../../src/incoming/notifications/incoming-jobs';
import { handleIncomingJob } from '../../src/incoming/worker/handle-incoming-job';
import type { IncomingWorkerDeps } from '../../src/incoming/worker/worker-deps';
import { createTokenCache } from '../../src/oauth/token-cache';
import { TokenMemo } from '../../src/oauth/token-memo';
import { sendThroughGmail } from '../../src/providers/google/delivery/gmail-delivery';
import { gmailInboundMailbox } from '../../src/providers/google/gmail/gmail-inbound-mailbox';
import { type GmailDeliveryDeps, gmailReadDeps } from '../../src/providers/google/gmail-client';
import { gmailConnection } from '../../src/providers/google/incoming/gmail-connection';
import { openGmailConnection, openGmailProcessMailbox } from '../../src/providers/google/incoming/open-gmail';
import { DEMO_CLIENT_ID, DEMO_KEY, type GoogleWorld, startGoogleWorld, SUPPORT } from '../local/google/helpers';
import { FakeMailbox, processWorld } from '../unit/incoming/process/process-world';
import { adfText } from '../unit/incoming/support/adf-text';
import { handlerView } from '../unit/incoming/worker/worker-world';
import { googleCredential } from '../unit/providers/google/delivery/google-credential-fixture';
import { MemoryKvStore } from '../unit/support/memory-kv-store';

/*
 * Issue 16, Done-when "Incoming mail through Google": the app emails DEMO-1 through Gmail (the emulator), the
 * customer replies (the emulator's deliverMail, with In-Reply-To/References), and the worker's own jobs (connect,
 * the scheduled delta, the queued message) turn the reply into exactly one comment, as they do for Graph.
 */

let world: GoogleWorld;
beforeEach(async () => {
  world = await startGoogleWorld();
});
afterEach(async () => {
  await world.emulator.close();
});

const REPLY = 'Thanks, it works now.\n\nOn Mon, 7 Dec 2026, Support wrote:\n> We are on it.\n';

const setup = () => {
  const credential = googleCredential(
    {
      clientId: DEMO_CLIENT_ID,
      serviceAccount: {
        clientEmail: DEMO_KEY.publicPart.clientEmail,
        privateKeyId: DEMO_KEY.publicPart.privateKeyId,
        projectId: DEMO_KEY.publicPart.projectId,
        keyUpdatedAt: '2026-12-01T00:00:00.000Z',
      },
    },
    true,
  );
  const kv = new MemoryKvStore();
  const states = createHandlerStateStore(kv, () => undefined);
  const gmail: GmailDeliveryDeps = {
    credentials: { readPrivateKey: async () => DEMO_KEY.privateKeyPem },
    tokenCache: createTokenCache(kv),
    memo: new TokenMemo(),
    fetch: (url, init) => globalThis.fetch(url, init),
    now: () => world.clock.ms,
    env: {
      ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1',
      ISSUE_MAILER_GOOGLE_TOKEN_ENDPOINT: world.emulator.tokenUrl,
      ISSUE_MAILER_GMAIL_BASE_URL: world.emulator.url,
    },
  };
  const processing = processWorld();
  processing.jira.seed('DEMO-1');
  const view = handlerView({ credentialId: credential.id, folder: 'Inbox', projectKey: 'DEMO' });
  const pushed: IncomingJob[] = [];
  const connection = openGmailConnection(credential, { ...gmail, states, now: () => world.clock.ms });
  const deps: IncomingWorkerDeps = {
    handlers: { get: async (id) => (id === view.id ? view : undefined) },
    connection: async () => gmailConnection(connection),
    processing: async (one) => {
      const labelId = (await states.get(one.id))?.folderId ?? 'INBOX';
      // The process world's deps with Gmail's mailbox in place of its fake one.
      const base = processing.depsFor(new FakeMailbox(SUPPORT), one, {
        ownMailboxes: async () => [SUPPORT],
        now: () => world.clock.ms,
      });
      return { ...base, mailbox: openGmailProcessMailbox(credential, labelId, gmail) };
    },
    queue: { push: async (jobs) => void pushed.push(...jobs) },
    now: () => world.clock.ms,
    budgetMs: 150_000,
    log: () => undefined,
  };
  return { credential, gmail, states, processing, view, pushed, connection, deps };
};

type World = ReturnType<typeof setup>;

/** DEMO-1's email as the outbox sends it, and the history's note of it (what a reply's In-Reply-To finds). */
const emailDemo1 = async (w: World): Promise<string> => {
  const internetMessageId = '<e-1.demo-1@example-google.test>';
  const sent = await sendThroughGmail(
    w.credential,
    {
      subject: '[DEMO-1] Printer on floor 2',
      html: '<p>We are on it.</p>',
      to: ['ann@example.com'],
      cc: [],
      bcc: [],
      headers: [{ name: 'x-issue-mailer-issue', value: 'DEMO-1' }],
      internetMessageId,
    },
    w.gmail,
  );
  w.processing.threads.set(internetMessageId, { issueId: '10001', issueKey: 'DEMO-1', emailId: 'e-1' });
  return sent.messageId ?? '';
};

const run = (w: World, job: IncomingJob) => handleIncomingJob(job, w.deps);

describe('incoming mail through Google Workspace', () => {
  it('a reply to DEMO-1 becomes one comment; the message is labelled processed and read; the next poll adds nothing', async () => {
    const w = setup();
    const sentId = await emailDemo1(w);

    // Connecting stores the position only: the email just sent is not taken.
    expect(await run(w, { kind: 'connect', handlerId: w.view.id })).toEqual({
      job: 'connect',
      outcome: 'queued',
      messages: 0,
    });
    const connected = await w.states.get(w.view.id);
    expect([connected?.folderId, connected?.subscriptionId, connected?.deltaLink]).toEqual([
      'INBOX',
      undefined,
      await w.connection.mailbox.currentHistoryId(),
    ]);

    world.clock.advanceSeconds(60);
    const delivered = await world.emulator.deliverMail({ replyTo: sentId, fromName: 'Ann Example', text: REPLY });
    if (!delivered.ok) throw new Error(delivered.reason);
    const replyId = delivered.message.id;

    expect(await run(w, { kind: 'delta', handlerId: w.view.id })).toEqual({
      job: 'delta',
      outcome: 'queued',
      messages: 1,
    });
    expect(w.pushed).toEqual([{ kind: 'notified', handlerId: w.view.id, messageIds: [replyId] }]);
    expect((await w.states.get(w.view.id))?.deltaLink).toBe(delivered.message.historyId);

    const processed = await run(w, w.pushed[0]!);
    expect(processed).toMatchObject({ job: 'notified', outcome: 'processed' });
    const issue = w.processing.jira.issue('DEMO-1');
    expect(issue.comments).toHaveLength(1);
    expect(adfText(issue.comments[0]!.body as Parameters<typeof adfText>[0])).toBe(
      'Ann Example <ann@example.com> wrote on 7 Dec 2026, 01:01 UTC:\n\nThanks, it works now.',
    );
    expect(w.processing.jira.issues.size).toBe(1);

    const after = await w.connection.mailbox.findLabel('Processed by Issue Mailer');
    expect(after?.type).toBe('user');
    const read = await openGmailProcessMailbox(w.credential, 'INBOX', w.gmail).readMessage(replyId);
    expect(read.message.isRead).toBe(true);
    const labels = (await gmailInboundMailbox(SUPPORT, gmailReadDeps(w.credential, w.gmail)).readMessage(replyId)).gmail
      .labelIds;
    expect([...labels].sort()).toEqual([after?.id]);

    w.pushed.length = 0;
    expect(await run(w, { kind: 'delta', handlerId: w.view.id })).toEqual({
      job: 'delta',
      outcome: 'queued',
      messages: 0,
    });
    expect(w.pushed).toEqual([]);
    expect(w.processing.jira.issue('DEMO-1').comments).toHaveLength(1);
  });
});

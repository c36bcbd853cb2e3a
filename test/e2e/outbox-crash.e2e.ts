/**
 * The crash test of the outbox: the app's process (runtime, queue and worker) is killed with SIGKILL at each step
 * of sending, and a new process on the same data folder takes over, as Forge runs a timed-out event again. No
 * email may be lost and none sent twice; the one case the app cannot decide (the mailbox cannot be searched
 * after an attempt that may have gone out) must end logged as DELIVERY_UNCERTAIN, not sent again.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

import { loadTenantConfig, startMicrosoftEmulator } from '../../local/microsoft';
import type { EmulatedTenant, MicrosoftEmulator, SendHookPoint } from '../../local/microsoft/types';
import type { DeliveryEvent, EmailLogEntry } from '../../src/contract/email-log';
import type { SentIssueEmail } from '../../src/contract/issue-email';
import { SUPPORT_MAILBOX } from './support/admin-page';
import type { Answer } from './support/forge-invoke';

const ROOT = path.resolve(__dirname, '../..');

interface AppProcess {
  call: <T>(module: 'admin' | 'issue', functionKey: string, payload: unknown) => Promise<Answer<T>>;
  kill: () => Promise<void>;
  stop: () => Promise<void>;
}

/** Starts test/e2e/support/outbox-process.ts on `dataDir` and waits until it runs. */
const startApp = async (dataDir: string): Promise<AppProcess> => {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'support', 'outbox-process.ts'), JSON.stringify({ dataDir })],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.stderr.on('data', () => undefined);
  const pending = new Map<number, (line: { answer?: unknown; error?: string }) => void>();
  let ready: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (ready = resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const message = JSON.parse(line) as { ready?: boolean; id?: number; answer?: unknown; error?: string };
    if (message.ready === true) ready();
    if (message.id !== undefined) pending.get(message.id)?.(message);
  });
  await Promise.race([
    started,
    exited.then(() => Promise.reject(new Error('the app process exited before it was ready'))),
  ]);
  let next = 0;
  return {
    call: <T>(module: 'admin' | 'issue', functionKey: string, payload: unknown) =>
      new Promise<Answer<T>>((resolve, reject) => {
        next += 1;
        pending.set(next, (message) =>
          message.error === undefined ? resolve(message.answer as Answer<T>) : reject(new Error(message.error)),
        );
        child.stdin.write(`${JSON.stringify({ id: next, module, functionKey, payload })}\n`);
      }),
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
};

const data = <T>(answer: Answer<T>): T => {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.data;
};

let microsoft: MicrosoftEmulator;
let tenant: EmulatedTenant;
let dataDir: string;
let app: AppProcess | undefined;

beforeAll(async () => {
  process.env.ISSUE_MAILER_ALLOW_LOOPBACK_HTTP = '1';
  const config = loadTenantConfig(path.join(ROOT, 'local', 'microsoft', 'tenant.json'));
  microsoft = await startMicrosoftEmulator({ config });
  tenant = config.tenants[0] as EmulatedTenant;
  dataDir = await mkdtemp(path.join(tmpdir(), 'issue-mailer-crash-'));
  app = await startApp(dataDir);
  const demo = tenant.apps.find((candidate) => candidate.adminConsentGranted);
  const secret = demo?.secrets.find((candidate) => Date.parse(candidate.expiresOn) > Date.now());
  data(
    await app.call('admin', 'saveCredential', {
      name: 'Contoso support',
      provider: 'microsoft365',
      grantType: 'client_credentials',
      clientId: demo?.clientId,
      clientSecret: secret?.value,
      tokenEndpoint: `${microsoft.loginBaseUrl}/${tenant.id}/oauth2/v2.0/token`,
      scope: 'https://graph.microsoft.com/.default',
      senderMailbox: SUPPORT_MAILBOX,
      graphBaseUrl: `${microsoft.graphBaseUrl}/v1.0`,
    }),
  );
}, 60_000);

afterAll(async () => {
  microsoft.setSendHook(undefined);
  await app?.stop();
  await microsoft?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const sentWith = (subject: string): number =>
  microsoft.sentMessages(SUPPORT_MAILBOX).filter((message) => message.message.subject === subject).length;

/** Sends an email through the running process, killing it with SIGKILL when Graph reaches `point`. */
const sendAndKillAt = async (point: SendHookPoint, subject: string): Promise<string> => {
  const running = app;
  if (running === undefined) throw new Error('no app process');
  let armed = true;
  const killed = new Promise<void>((resolve) => {
    microsoft.setSendHook(async (reached) => {
      if (!armed || reached !== point) return;
      armed = false;
      await running.kill();
      resolve();
      // Before Graph accepted it, the request dies with the process: nothing is stored.
      if (point === 'before-accept') throw new Error('the app process was killed');
    });
  });
  const queued = data(
    await running.call<SentIssueEmail>('issue', 'sendIssueEmail', { to: ['reader@example.com'], subject, message: '' }),
  );
  await killed;
  microsoft.setSendHook(undefined);
  app = undefined;
  return queued.emailId;
};

/** Restarts the app on the same data and waits until the email is sent or failed. */
const restartAndSettle = async (emailId: string): Promise<EmailLogEntry> => {
  app = await startApp(dataDir);
  for (;;) {
    const entry = data(await app.call<EmailLogEntry>('admin', 'getEmailLogEntry', { emailId }));
    if (entry.status === 'sent' || entry.status === 'failed') return entry;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

const notes = (events: readonly DeliveryEvent[]): string[] => events.map((event) => `${event.status}: ${event.note}`);

describe('the outbox when its worker is killed', () => {
  it('killed after Graph accepted the email (202) but before recording it: found in Sent Items, sent once', async () => {
    const subject = '[DEMO-1] crash after accept';
    const emailId = await sendAndKillAt('after-accept', subject);
    expect(sentWith(subject)).toBe(1);

    const entry = await restartAndSettle(emailId);
    expect(entry.status).toBe('sent');
    expect(sentWith(subject)).toBe(1);
    expect(entry.attempts).toBe(1);
    expect(notes(entry.events)).toEqual([
      'queued: Queued by Alex Admin.',
      'sending: Attempt 1: handing the email to Microsoft 365.',
      "retrying: Attempt 1 stopped before its outcome was recorded; the sender's mailbox is checked before any new attempt.",
      "sent: Found in the sender's Sent Items: the earlier attempt went out.",
    ]);
  }, 120_000);

  it('killed before Graph had the email: not found in the mailbox, sent once after the grace period', async () => {
    const subject = '[DEMO-1] crash before accept';
    const emailId = await sendAndKillAt('before-accept', subject);
    expect(sentWith(subject)).toBe(0);

    const entry = await restartAndSettle(emailId);
    expect(entry.status).toBe('sent');
    expect(sentWith(subject)).toBe(1);
    expect(entry.attempts).toBe(2);
    const lines = notes(entry.events);
    expect(lines.slice(0, 3)).toEqual([
      'queued: Queued by Alex Admin.',
      'sending: Attempt 1: handing the email to Microsoft 365.',
      "retrying: Attempt 1 stopped before its outcome was recorded; the sender's mailbox is checked before any new attempt.",
    ]);
    expect(lines.slice(-3)).toEqual([
      "retrying: Not in the sender's mailbox: the earlier attempt did not go out. Sending again.",
      'sending: Attempt 2: handing the email to Microsoft 365.',
      'sent: Sent: Microsoft 365 accepted the email (202 Accepted).',
    ]);
  }, 180_000);

  it('killed after Graph accepted it, with the mailbox unsearchable afterwards: logged as undecided, never sent again', async () => {
    const subject = '[DEMO-1] crash, mailbox unsearchable';
    const emailId = await sendAndKillAt('after-accept', subject);
    // Every search of the mailbox the new process makes gets 503 (Retry-After 1), until its attempts are spent.
    microsoft.injectFault({ target: 'graph', kind: 'unavailable', count: Infinity, retryAfterSeconds: 1 });
    try {
      const entry = await restartAndSettle(emailId);
      expect(entry.status).toBe('failed');
      expect(entry.lastError).toEqual({
        code: 'DELIVERY_UNCERTAIN',
        message:
          "Issue Mailer lost contact with Microsoft 365 during an attempt and could not check the sender's mailbox " +
          "afterwards, so it cannot tell whether this email went out. Check the sender's Sent Items before resending.",
      });
      expect(entry.canResend).toBe(true);
      expect(sentWith(subject)).toBe(1);
    } finally {
      microsoft.clearFaults();
    }
  }, 180_000);
});

/**
 * Calls per email: every issue email goes the way it goes on Forge. "Send" is a resolver invocation that stores
 * the email and pushes a job on the outbox queue; the queue's consumer (the email worker) is invoked for each job,
 * and paces, pushes again, sends. Every invocation runs in a fresh process, as Forge runs each in a fresh
 * container, against one SQLite kvs file, one queue.sqlite and the Microsoft emulator (Exchange limits on).
 * Counts what reached the emulator, and what each email cost in worker invocations and kvs operations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createLocalQueue } from '../local/host/queue';
import { type ChildInvokeOutcome, type ConsumerInvocationRequest, invokeInChildProcess } from '../local/host/runtime';
import { createChildConsumerInvoker } from '../local/host/runtime/child-invoke-consumer';
import type { ChildInvokeBase } from '../local/host/runtime/child-invoke-protocol';
import { type AppCode, handlerModulePath } from '../local/host/server/app-handlers';
import { type AppManifest, loadAppManifest } from '../local/host/server/manifest-modules';
import { loadTenantConfig, startMicrosoftEmulator } from '../local/microsoft';
import { SLOT_SPACING_MS } from '../src/outbox/mailbox-pacer';
import { benchCredential } from './bench-credential';
import { type ColdCallFigures, coldCallFigures, type ColdCallSpec, measureColdCalls } from './cold-calls';

export interface MinMeanMax {
  min: number;
  mean: number;
  max: number;
}

export interface CallsPerEmailFigures {
  emails: number;
  /** Emails whose record ended `sent` (the admin's email log, status sent). */
  delivered: number;
  /** Messages the emulator accepted from the sender mailbox; equals `delivered` when every email went out once. */
  sentByEmulator: number;
  /** "Send" invocations that answered queued. */
  queued: number;
  tokenRequests: number;
  graphRequests: number;
  graphRequestsPerEmail: number;
  /** Email worker (queue consumer) invocations, all emails together. */
  workerInvocations: number;
  workerInvocationsPerEmail: MinMeanMax;
  /** What the worker's invocations answered (`outcome`), by outcome. */
  workerOutcomes: Record<string, number>;
  /** Of the "Send" invocation and all worker invocations of one email. */
  kvsOperationsPerEmail: MinMeanMax;
  /** Of the "Send" invocation alone. */
  sendKvsOperationsPerEmail: MinMeanMax;
  /** The emulator's Exchange-limit 429s (4 concurrent requests, 30 messages in 60 s per mailbox); zero when the outbox paces right. */
  limitRefusals: { concurrency: number; messageRate: number };
  /** Most messages the emulator accepted from the mailbox in any 60 s. */
  maxSendsIn60s: number;
  /** The queue's own retries and drops (an invocation that failed or asked for a retry), not the outbox's paced pushes. */
  queueRetries: number;
  queueDrops: number;
  /** From the first "Send" to the last email settled. */
  wallSeconds: number;
  /**
   * Cold invocations, load and call: opening the admin page and the dialog and following an email (COLD_ROUNDS
   * each, interleaved), and every "Send" and worker run of the emails above.
   */
  coldCalls: ColdCallFigures[];
}

const ROOT = join(__dirname, '..');
const SITE_URL = 'http://127.0.0.1:4000';
const ADMIN_ACCOUNT_ID = process.env.BENCH_ADMIN_ACCOUNT_ID;
/** Rounds of the read-only cold calls (admin page, dialog, status): each a fresh process. */
const COLD_ROUNDS = 10;
/** How long after the last expected slot the bench waits for the queue to settle before it gives up. */
const SETTLE_MARGIN_MS = 5 * 60_000;

const adminAccountId = async (): Promise<string> => {
  if (ADMIN_ACCOUNT_ID) return ADMIN_ACCOUNT_ID;
  const { createJiraEmulator } = await import('../local/jira');
  const admin = createJiraEmulator({ siteUrl: SITE_URL })
    .users()
    .find((u) => u.isAdmin);
  if (!admin) throw new Error('the local Jira has no admin user');
  return admin.accountId;
};

const spread = (values: readonly number[]): MinMeanMax => {
  if (values.length === 0) return { min: 0, mean: 0, max: 0 };
  return {
    min: Math.min(...values),
    mean: values.reduce((a, b) => a + b, 0) / values.length,
    max: Math.max(...values),
  };
};

/** The most timestamps that fall in any window of `windowMs` (timestamps sorted). */
const maxInWindow = (times: readonly number[], windowMs: number): number => {
  let most = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= windowMs) start += 1;
    most = Math.max(most, end - start + 1);
  }
  return most;
};

/** A function's handler as manifest.yml names it (`file.export`): the module that holds it in `code`, and the export. */
const functionHandler = (
  manifest: AppManifest,
  code: AppCode,
  functionKey: string,
): { module: string; export: string } => {
  const handler = manifest.functions.get(functionKey) ?? '';
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) throw new Error(`manifest.yml: function ${functionKey} has no file.export handler`);
  return { module: handlerModulePath(code, handler.slice(0, dot)), export: handler.slice(dot + 1) };
};

/** Function key -> its handler, for every queue consumer. */
const consumerHandlers = (manifest: AppManifest, code: AppCode): Map<string, { module: string; export: string }> =>
  new Map(manifest.consumers.map((c) => [c.functionKey, functionHandler(manifest, code, c.functionKey)]));

/** A resolver's ResolverResult data, or undefined when the invocation or the resolver failed. */
const dataOf = <T>(outcome: ChildInvokeOutcome): T | undefined => {
  if (!outcome.answer.ok) return undefined;
  const result = outcome.answer.result as { ok?: boolean; data?: T } | undefined;
  return result?.ok ? result.data : undefined;
};

const withDeadline = <T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(what())), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
};

/**
 * `code`: the TypeScript sources, or the bundles Forge's bundler made (what Forge runs; `npm run bench` passes
 * those). Each function's handler is the one manifest.yml names.
 */
export const measureCallsPerEmail = async (emails = 100, code: AppCode = 'sources'): Promise<CallsPerEmailFigures> => {
  const config = loadTenantConfig(join(ROOT, 'local', 'microsoft', 'tenant.json'));
  // Exchange's limits stay on: the outbox is meant to pace within them.
  const microsoft = await startMicrosoftEmulator({ config, limits: true });
  const credential = benchCredential(config, microsoft.loginBaseUrl, microsoft.graphBaseUrl);

  const manifest = await loadAppManifest(join(ROOT, 'manifest.yml'));
  const dir = mkdtempSync(join(tmpdir(), 'issue-mailer-bench-'));
  const base: Omit<ChildInvokeBase, 'handler'> = {
    dbPath: join(dir, 'forge.sqlite'),
    queueDbPath: join(dir, 'queue.sqlite'),
    entities: manifest.entities.map(({ name, indexes }) => ({ name, ...(indexes ? { indexes } : {}) })),
    jira: { siteUrl: SITE_URL },
    allowImpersonation: manifest.allowImpersonation,
  };
  const env = { ...process.env, ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' };
  const accountId = await adminAccountId();
  const resolverCall = (
    functionKey: string,
    resolverFunctionKey: string,
    payload: unknown,
    extension: Record<string, unknown>,
  ) =>
    invokeInChildProcess(
      {
        ...base,
        handler: functionHandler(manifest, code, functionKey),
        request: { functionKey, resolverFunctionKey, payload, moduleKey: functionKey, accountId, extension },
      },
      { env },
    );
  const adminCall = (resolverFunctionKey: string, payload: unknown) =>
    resolverCall('admin-resolver', resolverFunctionKey, payload, { type: 'jira:adminPage' });
  const dialogCall = (resolverFunctionKey: string, payload: unknown, number = 1) =>
    resolverCall('issue-action-resolver', resolverFunctionKey, payload, {
      type: 'jira:issueAction',
      issue: { key: `DEMO-${number}`, id: String(10000 + number) },
      project: { key: 'DEMO' },
    });

  // Per email id: the kvs operations of its "Send" invocation, and of each worker invocation for it.
  const sendKvs = new Map<string, number>();
  const workerKvs = new Map<string, number[]>();
  const workerOutcomes: Record<string, number> = {};
  const sendOutcomes: ChildInvokeOutcome[] = [];
  const workerRuns: ChildInvokeOutcome[] = [];
  const workerFailures: string[] = [];
  const onWorkerOutcome = (request: ConsumerInvocationRequest, outcome: ChildInvokeOutcome) => {
    const emailId = typeof request.body.emailId === 'string' ? request.body.emailId : '(no email id)';
    workerKvs.set(emailId, [...(workerKvs.get(emailId) ?? []), outcome.answer.stats.kvsOperations]);
    workerRuns.push(outcome);
    const answer = outcome.answer.ok
      ? (outcome.answer.result as { outcome?: unknown; _retry?: unknown } | undefined)
      : undefined;
    const kind = !outcome.answer.ok
      ? `threw ${outcome.answer.error.name}`
      : typeof answer?.outcome === 'string'
        ? answer.outcome
        : answer?._retry === true
          ? 'asked for a retry'
          : 'other';
    workerOutcomes[kind] = (workerOutcomes[kind] ?? 0) + 1;
    if (!outcome.answer.ok && workerFailures.length < 3)
      workerFailures.push(outcome.stderr.trim().split('\n').slice(-5).join('\n'));
  };

  const queueLog: string[] = [];
  const queue = createLocalQueue({
    dbPath: join(dir, 'queue.sqlite'),
    consumers: manifest.consumers,
    log: (line) => queueLog.push(line),
  });
  try {
    const saved = await adminCall('saveCredential', credential.input);
    if (dataOf(saved) === undefined) throw new Error('could not save the benchmark credential');
    // What the admin page's first call asks (the credentials tab and the warnings) and the dialog's (the draft).
    const opening = await measureColdCalls(
      [
        {
          call: 'open the admin page (loadAdminView)',
          functionKey: 'admin-resolver',
          invoke: () => adminCall('loadAdminView', { parts: ['credentials', 'warnings'] }),
        },
        {
          call: 'open the dialog (getEmailDraft)',
          functionKey: 'issue-action-resolver',
          invoke: () => dialogCall('getEmailDraft', {}),
        },
      ] satisfies ColdCallSpec[],
      COLD_ROUNDS,
    );
    microsoft.resetCounts();
    microsoft.resetDeliveryStats();

    const workers = createChildConsumerInvoker({
      base,
      handlers: consumerHandlers(manifest, code),
      spawn: { env },
      onOutcome: onWorkerOutcome,
    });
    queue.start({ runtime: workers, handlers: workers.handlers });

    const started = Date.now();
    let queued = 0;
    for (let i = 0; i < emails; i += 1) {
      // DEMO-1 to DEMO-5; DEMO-1's description embeds an attachment, which the worker reads as the sender
      // (asUser(accountId), allowed by manifest.yml's allowImpersonation).
      const outcome = await dialogCall(
        'sendIssueEmail',
        { to: [`reader${i}@example.com`], subject: `Benchmark ${i}`, message: 'Sent by npm run bench.' },
        (i % 5) + 1,
      );
      sendOutcomes.push(outcome);
      const sent = dataOf<{ emailId: string; status: string }>(outcome);
      if (sent?.status === 'queued') queued += 1;
      sendKvs.set(sent?.emailId ?? `(send ${i} failed)`, outcome.answer.stats.kvsOperations);
    }
    // Every email needs its own sending slot; the queue is given that long, and a margin, to settle.
    await withDeadline(
      queue.whenIdle(),
      emails * SLOT_SPACING_MS + SETTLE_MARGIN_MS,
      () => `the outbox queue did not settle: ${JSON.stringify(queue.status())}`,
    );
    const wallSeconds = (Date.now() - started) / 1000;

    let delivered = 0;
    let cursor: string | undefined;
    do {
      const page = dataOf<{ items: unknown[]; cursor?: string }>(
        await adminCall('listEmailLog', { status: 'sent', limit: 100, ...(cursor ? { cursor } : {}) }),
      );
      if (!page) throw new Error('listEmailLog failed');
      delivered += page.items.length;
      cursor = page.cursor;
    } while (cursor !== undefined);

    const counts = microsoft.requestCounts();
    const stats = microsoft.deliveryStats();
    const sentByEmulator = microsoft.sentMessages(credential.mailbox).length;
    if (delivered !== sentByEmulator) {
      console.warn(
        `calls per email: the email log has ${delivered} sent, the emulator accepted ${sentByEmulator}: they should agree`,
      );
    }
    if (workerFailures.length > 0)
      console.warn(`calls per email: worker invocations failed, e.g.:\n${workerFailures.join('\n---\n')}`);
    if (queueLog.length > 0) console.warn(`calls per email: the queue logged:\n${queueLog.slice(0, 10).join('\n')}`);

    const emailIds = [...sendKvs.keys()];
    const followed = emailIds[0] ?? '';
    const following = await measureColdCalls(
      [
        {
          call: 'follow an email (getEmailStatus)',
          functionKey: 'issue-action-resolver',
          invoke: () => dialogCall('getEmailStatus', { emailId: followed }),
        },
      ],
      COLD_ROUNDS,
    );
    const status = queue.status();
    return {
      emails,
      delivered,
      sentByEmulator,
      queued,
      tokenRequests: counts.token,
      graphRequests: counts.graph,
      graphRequestsPerEmail: counts.graph / emails,
      workerInvocations: [...workerKvs.values()].reduce((sum, ops) => sum + ops.length, 0),
      workerInvocationsPerEmail: spread(emailIds.map((id) => workerKvs.get(id)?.length ?? 0)),
      workerOutcomes,
      kvsOperationsPerEmail: spread(
        emailIds.map((id) => (sendKvs.get(id) ?? 0) + (workerKvs.get(id) ?? []).reduce((a, b) => a + b, 0)),
      ),
      sendKvsOperationsPerEmail: spread(emailIds.map((id) => sendKvs.get(id) ?? 0)),
      limitRefusals: stats.limitRefusals,
      maxSendsIn60s: maxInWindow(stats.acceptedSends[credential.mailbox] ?? [], 60_000),
      queueRetries: status.retried,
      queueDrops: status.dropped,
      wallSeconds,
      coldCalls: [
        ...opening,
        coldCallFigures('send (sendIssueEmail)', 'issue-action-resolver', sendOutcomes),
        ...following,
        coldCallFigures('deliver (a worker run)', 'email-worker', workerRuns),
      ],
    };
  } finally {
    await queue.close();
    await microsoft.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

/** The line to print before the measurement starts: pacing makes it take minutes. */
export const callsPerEmailNotice = (emails: number): string => {
  const minutes = (emails * SLOT_SPACING_MS) / 60_000;
  return (
    `Calls per email: ${emails} emails through the outbox queue, one fresh process per invocation. The outbox paces a ` +
    `mailbox to about ${Math.round(60_000 / SLOT_SPACING_MS)} emails a minute (Exchange allows 30), so this takes about ` +
    `${minutes.toFixed(1)} min of real time.`
  );
};

if (require.main === module) {
  const emails = Number(process.argv[2] ?? 10);
  console.log(callsPerEmailNotice(emails));
  void measureCallsPerEmail(emails).then(
    (f) => console.log(JSON.stringify(f, null, 2)),
    (error: unknown) => {
      console.error('calls per email failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

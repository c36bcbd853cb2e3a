/**
 * The fault test of the outbox, through the local host: 500 emails while Microsoft answers 30 % of Graph requests
 * with 429 (Retry-After 1 to 3 s), 503 or a slow answer, and every token is expired once mid-run. Every email must
 * end sent exactly once (counted in the emulator's mailbox) or failed with a reason in the email log.
 *
 * The emails go from two mailboxes, 250 each (people choose the From mailbox in "Email this issue"), so the pacing
 * of each is measured while the other's runs beside it. Each worker run waits up to 1.5 s for its slot (the queue
 * brings it early, outbox-queue.ts), which no warped clock may skip: with two mailboxes those waits overlap, and
 * the test takes half the time.
 *
 * Exchange paces one mailbox to 30 messages a minute, so 250 emails take about 9 minutes. The test does not
 * wait them out: the global Date is a warped clock that jumps ahead whenever the queue has nothing due and
 * nothing running (every waiting email is delayed on the queue, none is busy) and no "Send" is running: time never
 * jumps under an invocation, which on Forge would have seen it pass at real speed. The app, the queue, the emulator's
 * limits and its statistics all read that same clock, so throughput and the 60 s windows are measured in it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { type LocalHost, startLocalHost } from '../../local/host';
import type { CredentialView } from '../../src/contract/credentials';
import type { EmailLogPage, EmailLogSummary } from '../../src/contract/email-log';
import type { SentIssueEmail } from '../../src/contract/issue-email';
import type { MailSettings } from '../../src/contract/mail-settings';
import { SUPPORT_MAILBOX } from './support/admin-page';
import { BUNDLED_APP } from './support/bundled-app';
import { invokeFunction, unwrap } from './support/forge-invoke';
import { countInvocationCosts } from './support/invocation-costs';
import { installWarpedDate, type WarpedDate } from './support/warped-date';

const EMAILS = 500;
const SALES_MAILBOX = 'sales@contoso.onmicrosoft.com';
const MAILBOXES = [SUPPORT_MAILBOX, SALES_MAILBOX] as const;
const ISSUES = ['DEMO-1', 'DEMO-2', 'DEMO-3', 'DEMO-4', 'DEMO-5'];
const WINDOW_MS = 60_000;
/** Exchange's message rate per mailbox, and the goals of issue 14 for this test. */
const EXCHANGE_PER_MINUTE = 30;
const GOALS = { shareOfLimit: 95, workerRunsPerEmail: 2, kvsOperationsPerEmail: 12 };
/**
 * What the kvs operations per email are held to: the goal. Runs measure 11.42 and 11.47 (the history entry and its thread
 * index go in the sent status's transaction, the content in the pacing slot's, the issue's history is listed only by
 * one email in 16, and "Send" reads the credential records and the mail settings in one get of their send-setup
 * copy, src/storage/send-setup.ts). Most of what is left is the worker's: each attempt reads the record, the credential
 * and the content, and the retries write the record and the pacing log (3.9 transactions, 1.8 record reads).
 */
const KVS_CEILING_NOW = 12;
/**
 * The share of the pacing limit asserted: the goal. The slots' spacing (mailbox-pacer.ts) allows 96.4 %, and runs
 * reach it: 96.35 % (load 5 on this 2-core machine) and 96.41 % (load 9, a typecheck looping beside it), no slot lost.
 * Runs used to reach 93.6 to 95.6 %: jobs came after their slot and lost it, because their delay was counted from
 * before the slot's and the record's writes, and because this test's clock jumped under a running "Send"; jobs now
 * come 0.5 to 1.5 s before their slot (outbox-queue.ts) and the clock no longer jumps under an invocation.
 */
const SHARE_FLOOR_NOW = 95;

let host: LocalHost;
let dataDir: string;
let warp: NodeJS.Timeout | undefined;
let clock: WarpedDate;
/** A "Send" invocation is running: the clock does not jump under it (it reads the time, then pushes a delay). */
let sending = false;

beforeAll(async () => {
  clock = installWarpedDate();
  dataDir = await mkdtemp(path.join(tmpdir(), 'issue-mailer-faults-'));
  host = await startLocalHost({
    port: 0,
    dataDir,
    appCode: BUNDLED_APP,
    scheduledTriggers: { firstRunDelayMs: 24 * 60 * 60 * 1000 },
    // 500 "Send"s as fast as the test makes them, and the worker's own pushes, go over Forge's 500 events a minute
    // per installation (https://developer.atlassian.com/platform/forge/limits-async-events/): the emails refused
    // wait for the upkeep job, which this test never runs. The test measures the outbox against Exchange's limits,
    // so the queue's own limit is lifted here; the app does not pace its pushes to it yet.
    queue: { eventsPerMinute: Number.POSITIVE_INFINITY },
  });
});

afterAll(async () => {
  if (warp !== undefined) clearInterval(warp);
  await host?.close();
  clock.restore();
  await rm(dataDir, { recursive: true, force: true });
});

const admin = async <T>(functionKey: string, payload: unknown): Promise<T> =>
  unwrap(await invokeFunction<T>(host.url, { moduleKey: 'issue-mailer-admin', functionKey, payload }), functionKey);

/**
 * The credentials to send from, support's (the local host's demo credential) and a second one of the same app
 * registration sending as the sales mailbox: the tenant's admin adds that mailbox to the app's application access
 * policy (https://learn.microsoft.com/en-us/graph/auth-limit-mailbox-access), the Jira admin lets people choose it.
 */
const senderCredentialIds = async (): Promise<Record<(typeof MAILBOXES)[number], string>> => {
  const tenant = host.microsoft.config.tenants[0];
  for (const policy of tenant?.applicationAccessPolicies ?? [])
    if (!policy.mailboxes.includes(SALES_MAILBOX)) policy.mailboxes.push(SALES_MAILBOX);
  const demo = tenant?.apps.find((candidate) => candidate.adminConsentGranted);
  const secret = demo?.secrets.find((candidate) => Date.parse(candidate.expiresOn ?? '') > Date.now());
  const support = (await admin<CredentialView[]>('listCredentials', {})).find(
    (credential) => credential.senderMailbox === SUPPORT_MAILBOX,
  );
  if (tenant === undefined || demo === undefined || secret === undefined || support === undefined)
    throw new Error('the local host has no demo app registration or no support credential');
  const sales = await admin<CredentialView>('saveCredential', {
    name: 'Contoso sales',
    provider: 'microsoft365',
    grantType: 'client_credentials',
    clientId: demo.clientId,
    clientSecret: secret.value,
    tokenEndpoint: `${host.microsoft.loginBaseUrl}/${tenant.id}/oauth2/v2.0/token`,
    scope: 'https://graph.microsoft.com/.default',
    senderMailbox: SALES_MAILBOX,
    graphBaseUrl: `${host.microsoft.graphBaseUrl}/v1.0`,
  });
  const settings = await admin<MailSettings>('getMailSettings', {});
  await admin('saveMailSettings', { ...settings, senderCredentialIds: [sales.id] });
  return { [SUPPORT_MAILBOX]: support.id, [SALES_MAILBOX]: sales.id };
};

/** Jumps the clock to the next delayed event whenever nothing is due and nothing runs, a "Send" included. */
const startWarp = (): void => {
  warp = setInterval(() => {
    const status = host.queue.status();
    const now = Date.now();
    if (
      !sending &&
      status.inFlight === 0 &&
      status.ready === 0 &&
      status.nextDueAt !== undefined &&
      status.nextDueAt > now
    )
      clock.jumpTo(status.nextDueAt);
  }, 20);
};

const listAll = async (status: EmailLogSummary['status']): Promise<EmailLogSummary[]> => {
  const all: EmailLogSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = unwrap(
      await invokeFunction<EmailLogPage>(host.url, {
        moduleKey: 'issue-mailer-admin',
        functionKey: 'listEmailLog',
        payload: { status, limit: 100, ...(cursor === undefined ? {} : { cursor }) },
      }),
      'listEmailLog',
    );
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return all;
};

const maxInWindow = (times: readonly number[]): number => {
  let best = 0;
  let start = 0;
  for (let end = 0; end < times.length; end += 1) {
    while ((times[end] ?? 0) - (times[start] ?? 0) >= WINDOW_MS) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
};

describe('the outbox under faults', () => {
  it(
    'sends 500 emails exactly once (or fails them with a reason) through throttling, outages, slow answers and an expired token',
    async () => {
      host.microsoft.setFaultMix({
        probability: 0.3,
        kinds: ['throttle', 'unavailable', 'slow'],
        retryAfterSeconds: { min: 1, max: 3 },
        slowDelayMs: { min: 300, max: 2_000 },
        slowAfterWork: true,
        seed: 20261126,
      });
      const credentialIds = await senderCredentialIds();
      const realStart = performance.now();
      const costs = countInvocationCosts(host);
      costs.start();
      startWarp();

      const queued: SentIssueEmail[] = [];
      for (let index = 0; index < EMAILS; index += 1) {
        const issueKey = ISSUES[index % ISSUES.length] ?? 'DEMO-1';
        const mailbox = MAILBOXES[index % MAILBOXES.length] ?? SUPPORT_MAILBOX;
        sending = true;
        const answer = await invokeFunction<SentIssueEmail>(host.url, {
          moduleKey: 'email-this-issue',
          issueKey,
          functionKey: 'sendIssueEmail',
          payload: {
            credentialId: credentialIds[mailbox],
            to: [`reader${index}@example.com`],
            subject: `[${issueKey}] fault test ${index}`,
            message: `Email ${index}`,
          },
        });
        sending = false;
        queued.push(unwrap(answer, `sendIssueEmail ${index}`));
        costs.noteSent(queued[queued.length - 1]?.emailId ?? '');
        // Mid-run every token the app holds stops working, once.
        if (index === 150) host.microsoft.expireIssuedTokens();
      }
      expect(new Set(queued.map((email) => email.emailId)).size).toBe(EMAILS);

      await host.queue.whenIdle();
      const stats = host.microsoft.deliveryStats();
      const cost = costs.report(EMAILS);

      const sent = await listAll('sent');
      const failed = await listAll('failed');
      const [queuedLeft, sendingLeft, retryingLeft] = await Promise.all([
        listAll('queued'),
        listAll('sending'),
        listAll('retrying'),
      ]);
      expect([queuedLeft.length, sendingLeft.length, retryingLeft.length]).toEqual([0, 0, 0]);
      expect(sent.length + failed.length).toBe(EMAILS);
      for (const email of failed) {
        expect(email.lastError?.code).toMatch(/^[A-Z_]+$/);
        expect(email.lastError?.message.length).toBeGreaterThan(10);
      }

      // Exactly once: the mailboxes hold each sent email once, and nothing else.
      const messages = MAILBOXES.flatMap((mailbox) => host.microsoft.sentMessages(mailbox));
      const bySubject = new Map<string, number>();
      for (const message of messages)
        bySubject.set(message.message.subject ?? '', (bySubject.get(message.message.subject ?? '') ?? 0) + 1);
      expect(messages).toHaveLength(sent.length);
      expect([...bySubject.values()].every((count) => count === 1)).toBe(true);
      expect(new Set(sent.map((email) => email.subject))).toEqual(new Set(bySubject.keys()));

      // The faults happened, and the Exchange limits were never hit.
      expect(stats.injected.throttle).toBeGreaterThan(0);
      expect(stats.injected.unavailable).toBeGreaterThan(0);
      expect(stats.injected.slow).toBeGreaterThan(0);
      expect(stats.expiredTokenRefusals).toBeGreaterThan(0);
      expect(stats.limitRefusals).toEqual({ concurrency: 0, messageRate: 0 });

      const realSeconds = (performance.now() - realStart) / 1000;
      const paced = MAILBOXES.map((mailbox) => {
        const accepted = stats.acceptedSends[mailbox] ?? [];
        const first = accepted[0] ?? 0;
        const last = accepted[accepted.length - 1] ?? 0;
        const perMinute = ((accepted.length - 1) / (last - first)) * WINDOW_MS;
        return {
          mailbox,
          accepted,
          minutes: (last - first) / WINDOW_MS,
          perMinute,
          share: (perMinute / EXCHANGE_PER_MINUTE) * 100,
          peak: maxInWindow(accepted),
          concurrency: stats.peakConcurrency[mailbox] ?? 0,
        };
      });
      const figures = (spread: { min: number; mean: number; max: number }) =>
        `${spread.mean.toFixed(2)} on average (min ${spread.min}, max ${spread.max})`;
      console.info(
        [
          `outbox fault test: ${sent.length} sent, ${failed.length} failed of ${EMAILS}, from ${MAILBOXES.length} mailboxes`,
          `faults: ${stats.injected.throttle} x 429, ${stats.injected.unavailable} x 503, ${stats.injected.slow} slow, ${stats.expiredTokenRefusals} x 401 expired token`,
          ...paced.map(
            (mailbox) =>
              `throughput of ${mailbox.mailbox}: ${mailbox.accepted.length} sent, ${mailbox.perMinute.toFixed(1)} emails/min ` +
              `over ${mailbox.minutes.toFixed(1)} min (clock), ${mailbox.share.toFixed(1)} % of Exchange's 30/min ` +
              `(goal ${GOALS.shareOfLimit} %); busiest 60 s window: ${mailbox.peak} (limit 30); ` +
              `peak concurrent Graph requests: ${mailbox.concurrency} (limit 4)`,
          ),
          `worker runs per email: ${figures(cost.workerRuns)} (goal at most ${GOALS.workerRunsPerEmail})`,
          `kvs operations per email ("Send" and worker): ` +
            (cost.exactlyCounted === 0
              ? `${cost.kvsOperations.mean.toFixed(2)} on average (no email ran alone, so no per-email min and max)`
              : `${figures(cost.kvsOperations)} (min and max of the ${cost.exactlyCounted} emails whose invocations ran alone)`) +
            ` (goal at most ${GOALS.kvsOperationsPerEmail}` +
            (KVS_CEILING_NOW > GOALS.kvsOperationsPerEmail ? `, held to ${KVS_CEILING_NOW} for now` : '') +
            `; ${cost.totalKvs} in all)`,
          `kvs operations per email by kind: ${cost.byKind.map(([kind, count]) => `${kind} ${count}`).join(', ')}`,
          `time: ${realSeconds.toFixed(0)} s real, ${(clock.jumpedMs() / 1000).toFixed(0)} s of waiting skipped by the warped clock`,
        ].join('\n'),
      );
      expect(paced.map((mailbox) => mailbox.accepted.length).reduce((sum, count) => sum + count, 0)).toBe(sent.length);
      for (const mailbox of paced) {
        expect(mailbox.accepted.length).toBeGreaterThan(0);
        expect(mailbox.peak).toBeLessThanOrEqual(EXCHANGE_PER_MINUTE);
        expect(mailbox.concurrency).toBeLessThanOrEqual(4);
        expect(mailbox.share).toBeGreaterThanOrEqual(SHARE_FLOOR_NOW);
      }
      expect(cost.workerRuns.mean).toBeLessThanOrEqual(GOALS.workerRunsPerEmail);
      expect(cost.kvsOperations.mean).toBeLessThanOrEqual(KVS_CEILING_NOW);
    },
    20 * 60 * 1000,
  );
});

/**
 * Calls per email: every issue email handled by a fresh process, as Forge runs each invocation in a fresh
 * container, against one SQLite kvs file and the Microsoft emulator. Counts what reached the emulator and what
 * each email cost in kvs operations.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { invokeInChildProcess } from '../local/host/runtime';
import type { ChildInvokeRequest } from '../local/host/runtime/child-invoke-protocol';
import { loadTenantConfig, startMicrosoftEmulator } from '../local/microsoft';

export interface CallsPerEmailFigures {
  emails: number;
  delivered: number;
  tokenRequests: number;
  graphRequests: number;
  graphRequestsPerEmail: number;
  kvsOperationsPerEmail: { min: number; mean: number; max: number };
}

const ROOT = join(__dirname, '..');
const SITE_URL = 'http://127.0.0.1:4000';
const ADMIN_ACCOUNT_ID = process.env.BENCH_ADMIN_ACCOUNT_ID;

function adminAccountId(): string {
  if (ADMIN_ACCOUNT_ID) return ADMIN_ACCOUNT_ID;
  const { createJiraEmulator } = require('../local/jira') as typeof import('../local/jira');
  const admin = createJiraEmulator({ siteUrl: SITE_URL }).users().find((u) => u.isAdmin);
  if (!admin) throw new Error('the local Jira has no admin user');
  return admin.accountId;
}

export async function measureCallsPerEmail(emails = 100): Promise<CallsPerEmailFigures> {
  const config = loadTenantConfig(join(ROOT, 'local', 'microsoft', 'tenant.json'));
  const microsoft = await startMicrosoftEmulator({ config });
  const tenant = config.tenants[0];
  const app = tenant?.apps.find((a) => a.adminConsentGranted);
  const secret = app?.secrets.find((s) => Date.parse(s.expiresOn) > Date.now());
  const mailbox = tenant?.mailboxes.find((m) => m.mailboxEnabled);
  if (!tenant || !app || !secret || !mailbox) throw new Error('tenant.json has no consented app with a valid secret');

  const dbPath = join(mkdtempSync(join(tmpdir(), 'issue-mailer-bench-')), 'forge.sqlite');
  const env = { ...process.env, ISSUE_MAILER_ALLOW_LOOPBACK_HTTP: '1' };
  const accountId = adminAccountId();
  const call = (functionKey: string, exportName: string, resolverFunctionKey: string, payload: unknown, extension: Record<string, unknown>): ChildInvokeRequest => ({
    dbPath,
    handler: { module: join(ROOT, 'src', 'index.ts'), export: exportName },
    request: { functionKey, resolverFunctionKey, payload, moduleKey: functionKey, accountId, extension },
    jira: { siteUrl: SITE_URL },
  });

  try {
    const saved = await invokeInChildProcess(
      call('admin-resolver', 'adminResolver', 'saveCredential', {
        name: 'Benchmark',
        provider: 'microsoft365',
        grantType: 'client_credentials',
        clientId: app.clientId,
        clientSecret: secret.value,
        tokenEndpoint: `${microsoft.loginBaseUrl}/${tenant.id}/oauth2/v2.0/token`,
        scope: 'https://graph.microsoft.com/.default',
        senderMailbox: mailbox.userPrincipalName,
        graphBaseUrl: `${microsoft.graphBaseUrl}/v1.0`,
      }, { type: 'jira:adminPage' }),
      { env },
    );
    if (!saved.answer.ok || !(saved.answer.result as { ok?: boolean } | undefined)?.ok) {
      throw new Error('could not save the benchmark credential');
    }
    microsoft.resetCounts();

    const kvsOps: number[] = [];
    let delivered = 0;
    for (let i = 0; i < emails; i += 1) {
      const key = `DEMO-${(i % 5) + 1}`;
      const outcome = await invokeInChildProcess(
        call('issue-action-resolver', 'issueActionResolver', 'sendIssueEmail', {
          to: [`reader${i}@example.com`],
          subject: `Benchmark ${i}`,
          message: 'Sent by npm run bench.',
        }, { type: 'jira:issueAction', issue: { key, id: String(10000 + (i % 5) + 1) }, project: { key: 'DEMO' } }),
        { env },
      );
      if (outcome.answer.ok && (outcome.answer.result as { ok?: boolean } | undefined)?.ok) delivered += 1;
      kvsOps.push(outcome.answer.stats.kvsOperations);
    }
    const counts = microsoft.requestCounts();
    return {
      emails,
      delivered,
      tokenRequests: counts.token,
      graphRequests: counts.graph,
      graphRequestsPerEmail: counts.graph / emails,
      kvsOperationsPerEmail: {
        min: Math.min(...kvsOps),
        mean: kvsOps.reduce((a, b) => a + b, 0) / kvsOps.length,
        max: Math.max(...kvsOps),
      },
    };
  } finally {
    await microsoft.close();
  }
}

if (require.main === module) {
  void measureCallsPerEmail(Number(process.argv[2] ?? 10)).then((f) => console.log(JSON.stringify(f, null, 2)));
}

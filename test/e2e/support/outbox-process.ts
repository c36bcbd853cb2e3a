/**
 * One app process for the crash test: the local host's Forge runtime (SQLite kvs), its queue (queue.sqlite) with
 * the manifest's outbox consumer, the local Jira, and the app as Forge bundles it (build/forge-bundle), all in a data folder that outlives the
 * process. Microsoft is the test's emulator, reached over loopback, so a killed process takes nothing of Graph's
 * state with it.
 *
 *   node --import tsx test/e2e/support/outbox-process.ts '{"dataDir": "..."}'
 *
 * Reads one JSON call a line on stdin (`{ id, module: 'admin' | 'issue', functionKey, payload, issueKey? }`),
 * answers `{ id, answer }` a line on stdout; prints `{ ready: true }` once it runs. Logs go to stderr.
 */
import path from 'node:path';
import { createInterface } from 'node:readline';

import { createLocalQueue } from '../../../local/host/queue';
import { installForgeRuntime } from '../../../local/host/runtime';
import type { ForgeConsumerHandler, ForgeHandler } from '../../../local/host/runtime-types';
import { handlerFiles, resolveHandlers } from '../../../local/host/server/app-handlers';
import { loadAppManifest } from '../../../local/host/server/manifest-modules';
import { ALEX_ADMIN, createJiraEmulator } from '../../../local/jira';
import { readIssueExtension } from '../../../local/jira/web';
import { BUNDLED_APP } from './bundled-app';

const ROOT = path.resolve(__dirname, '../../..');
const SITE_URL = 'http://127.0.0.1:4000';

interface Call {
  id: number;
  module: 'admin' | 'issue';
  functionKey: string;
  payload: unknown;
  issueKey?: string;
}

const toStderr = (...args: unknown[]): void => {
  process.stderr.write(`${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}\n`);
};

const main = async (): Promise<void> => {
  console.log = toStderr;
  console.info = toStderr;
  console.debug = toStderr;
  console.warn = toStderr;
  const { dataDir } = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string };
  process.env.ISSUE_MAILER_ALLOW_LOOPBACK_HTTP = '1';

  const manifest = await loadAppManifest(path.join(ROOT, 'manifest.yml'));
  const jira = createJiraEmulator({ siteUrl: SITE_URL });
  const queue = createLocalQueue({
    dbPath: path.join(dataDir, 'queue.sqlite'),
    // The outbox's consumer only: this process runs the outbox, and a consumer without a handler fails the start.
    consumers: manifest.consumers.filter((consumer) => consumer.functionKey === 'email-worker'),
    log: toStderr,
  });
  const runtime = installForgeRuntime({
    dbPath: path.join(dataDir, 'forge.sqlite'),
    jira,
    appId: manifest.appId,
    entities: manifest.entities,
    routes: [queue.route],
    allowImpersonation: manifest.allowImpersonation,
  });
  // @forge/kvs picks its transport when first loaded: the app is loaded once the globals exist. It is the bundles
  // Forge's bundler made (npm run bundle), one per function, as the other browser tests run them.
  const app = resolveHandlers(manifest, handlerFiles(BUNDLED_APP));
  const handler = (functionKey: string): ForgeHandler => {
    const found = app.get(functionKey);
    if (found === undefined) throw new Error(`the bundles have no function ${functionKey}`);
    return found;
  };
  queue.start({
    runtime,
    handlers: new Map([['email-worker', handler('email-worker') as unknown as ForgeConsumerHandler]]),
  });

  const answer = async (call: Call): Promise<unknown> => {
    if (call.module === 'admin') {
      return runtime.invoke(handler('admin-resolver'), {
        functionKey: 'admin-resolver',
        resolverFunctionKey: call.functionKey,
        payload: call.payload,
        moduleKey: 'issue-mailer-admin',
        accountId: ALEX_ADMIN.accountId,
        extension: { type: 'jira:adminPage' },
      });
    }
    const extension = await readIssueExtension(jira, ALEX_ADMIN.accountId, call.issueKey ?? 'DEMO-1');
    if (extension === null) throw new Error(`no issue ${call.issueKey ?? 'DEMO-1'}`);
    return runtime.invoke(handler('issue-action-resolver'), {
      functionKey: 'issue-action-resolver',
      resolverFunctionKey: call.functionKey,
      payload: call.payload,
      moduleKey: 'email-this-issue',
      accountId: ALEX_ADMIN.accountId,
      extension: { type: 'jira:issueAction', ...extension },
    });
  };

  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    const call = JSON.parse(line) as Call;
    answer(call).then(
      (result) => process.stdout.write(`${JSON.stringify({ id: call.id, answer: result })}\n`),
      (error: unknown) =>
        process.stdout.write(
          `${JSON.stringify({ id: call.id, error: error instanceof Error ? error.name : 'error' })}\n`,
        ),
    );
  });
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
};

main().catch((error: unknown) => {
  toStderr(
    `outbox process failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(2);
});

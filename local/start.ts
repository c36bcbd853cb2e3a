/**
 * `npm start`: the local Forge host on http://127.0.0.1:4000 (PORT to change), data in .local-data/, TENANT_CONFIG for
 * another emulated tenant. `npm start -- --bundle` first bundles the app with Forge's own bundler (npm run bundle)
 * and runs those bundles, i.e. what `forge deploy` would upload, instead of the TypeScript sources.
 */
import path from 'node:path';

import { type AppCode, startLocalHost } from './host';
import { bundleForge, missingHandlers } from './tools/forge-bundle';

const DEFAULT_PORT = 4000;

const portFromEnv = (): number => {
  const value = process.env.PORT;
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0-65535), not "${value}".`);
  }
  return port;
};

const appCodeFromArgs = async (args: readonly string[]): Promise<AppCode> => {
  const unknown = args.filter((arg) => arg !== '--bundle');
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')} (the only option is --bundle)`);
  if (!args.includes('--bundle')) return 'sources';
  console.log('Bundling the app with @forge/bundler (the bundle step of forge deploy)...');
  const result = await bundleForge();
  const missing = missingHandlers(result);
  if (missing.length > 0) throw new Error(`the bundle lacks these handlers: ${missing.join(', ')}`);
  return { bundleDir: result.outDir };
};

const main = async (): Promise<void> => {
  const appCode = await appCodeFromArgs(process.argv.slice(2));
  const host = await startLocalHost({
    appCode,
    port: portFromEnv(),
    dataDir: path.resolve(__dirname, '../.local-data'),
    // Another emulated tenant (apps, secrets, consent, mailboxes): a JSON file shaped like local/microsoft/tenant.json.
    microsoft: process.env.TENANT_CONFIG ? { tenantConfigPath: path.resolve(process.env.TENANT_CONFIG) } : {},
    // A fresh data folder also gets a Google Workspace credential from the emulated workspace's demo key.
    google: { seedCredential: true },
    log: (line) => console.log(`[local host] ${line}`),
  });
  const issueKey = host.jira.issueKeys()[0] ?? 'DEMO-1';
  console.log(
    `Issue Mailer local host running at ${host.url} (${appCode === 'sources' ? 'from src/' : `from the Forge bundles in ${path.relative(process.cwd(), appCode.bundleDir)}`})`,
  );
  console.log(`  Admin page:        ${host.url}/admin`);
  console.log(`  Issue:             ${host.url}/browse/${issueKey}`);
  console.log(`  Automation:        ${host.url}/automation`);
  console.log(
    `  Mailboxes:         ${host.microsoft.graphBaseUrl}/mailbox (sent mail; Reply and "Write to this mailbox" for incoming mail)`,
  );
  console.log(`  Entra portal:      ${host.microsoft.loginBaseUrl}/portal`);
  console.log(`  Google mailboxes:  ${host.google.url}/ (mail sent through Gmail)`);
  console.log(`  Google Admin:      ${host.google.url}/admin (domain-wide delegation, service accounts, the demo key)`);
  console.log(`  Google token URL:  ${host.google.tokenUrl}`);
  console.log('Press Ctrl+C to stop.');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local host...`);
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`The local host did not close cleanly (${error instanceof Error ? error.name : 'error'}).`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`The local host could not start: ${message}`);
  process.exit(1);
});

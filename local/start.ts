/** `npm start`: the local Forge host on http://127.0.0.1:4000 (PORT to change), data in .local-data/, TENANT_CONFIG for another emulated tenant. */
import path from 'node:path';
import { startLocalHost } from './host';

const DEFAULT_PORT = 4000;

function portFromEnv(): number {
  const value = process.env.PORT;
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0-65535), not "${value}".`);
  }
  return port;
}

async function main(): Promise<void> {
  const host = await startLocalHost({
    port: portFromEnv(),
    dataDir: path.resolve(__dirname, '../.local-data'),
    // Another emulated tenant (apps, secrets, consent, mailboxes): a JSON file shaped like local/microsoft/tenant.json.
    microsoft: process.env.TENANT_CONFIG ? { tenantConfigPath: path.resolve(process.env.TENANT_CONFIG) } : {},
    log: (line) => console.log(`[local host] ${line}`),
  });
  const issueKey = host.jira.issueKeys()[0] ?? 'DEMO-1';
  console.log(`Issue Mailer local host running at ${host.url}`);
  console.log(`  Admin page:        ${host.url}/admin`);
  console.log(`  Issue:             ${host.url}/browse/${issueKey}`);
  console.log(`  Automation:        ${host.url}/automation`);
  console.log(`  Sent mail:         ${host.microsoft.graphBaseUrl}/mailbox`);
  console.log(`  Entra portal:      ${host.microsoft.loginBaseUrl}/portal`);
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
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`The local host could not start: ${message}`);
  process.exit(1);
});

/**
 * Runs the Microsoft emulator on its own: `npx tsx local/microsoft/main.ts [tenant.json] [loginPort] [graphPort]`
 * from the repository root. Ctrl+C stops it.
 */
import { loadTenantConfig } from './config';
import { startMicrosoftEmulator } from './emulator';

const main = async (): Promise<void> => {
  const [configPath = 'local/microsoft/tenant.json', loginPort = '4011', graphPort = '4012'] = process.argv.slice(2);
  const emulator = await startMicrosoftEmulator({
    config: loadTenantConfig(configPath),
    loginPort: Number(loginPort),
    graphPort: Number(graphPort),
  });
  console.log(`Microsoft identity platform: ${emulator.loginBaseUrl} (portal: ${emulator.loginBaseUrl}/portal)`);
  console.log(
    `Microsoft Graph:             ${emulator.graphBaseUrl}/v1.0 (mailboxes: ${emulator.graphBaseUrl}/mailbox)`,
  );
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

/**
 * Runs the Google emulator on its own: `npx tsx local/google/main.ts [workspace.json] [port]` from the repository
 * root. Ctrl+C stops it.
 */
import { loadWorkspaceConfig } from './config';
import { startGoogleEmulator } from './emulator';

const main = async (): Promise<void> => {
  const [configPath = 'local/google/workspace.json', port = '4021'] = process.argv.slice(2);
  const emulator = await startGoogleEmulator({ config: loadWorkspaceConfig(configPath), port: Number(port) });
  console.log(`Google OAuth 2.0 token endpoint: ${emulator.tokenUrl}`);
  console.log('Demo service account key:        local/google/keys/issue-mailer-demo.key.json');
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

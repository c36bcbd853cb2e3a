/**
 * Runs the Google emulator on its own: `npx tsx local/google/main.ts [workspace.json] [port]` from the repository
 * root. Ctrl+C stops it.
 */
import { loadWorkspaceConfig } from './config';
import { startGoogleEmulator } from './emulator';

const [configPath = 'local/google/workspace.json', port = '4021'] = process.argv.slice(2);

// A config error rejects like a listen error does, so both end in one short message.
Promise.resolve()
  .then(() => startGoogleEmulator({ config: loadWorkspaceConfig(configPath), port: Number(port) }))
  .then(
    (emulator) => {
      console.log(`Google OAuth 2.0 token endpoint: ${emulator.tokenUrl}`);
      console.log(`Admin console (delegation):      ${emulator.url}/admin`);
      console.log('Demo service account key:        local/google/keys/issue-mailer-demo.key.json');
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => void emulator.close().finally(() => process.exit(0)));
      }
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );

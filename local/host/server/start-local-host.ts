import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createJiraEmulator } from '../../jira';
import type { JiraEmulator } from '../../jira/types';
import { loadTenantConfig, startMicrosoftEmulator } from '../../microsoft';
import type { MicrosoftEmulator } from '../../microsoft/types';
import { installForgeRuntime, type InstalledForgeRuntime } from '../runtime';
import { resolveHandlers } from './app-handlers';
import { buildBrowserAssets } from './browser-assets';
import { createUserSession } from './current-user';
import { createForgeEndpoints } from './forge-endpoints';
import { sendJson } from './http-kit';
import { loadAppManifest } from './manifest-modules';
import { createPageRoutes } from './page-routes';
import { createRequestGuard } from './request-guard';
import { createRequestHandler } from './request-handler';
import { seedDemoCredential, type SeedOutcome } from './seed-demo-credential';

export interface LocalHostOptions {
  /** Default 4000; 0 picks a free port. */
  port?: number;
  /** Holds forge.sqlite (kvs and secrets) between runs. */
  dataDir: string;
  /** Loopback only. */
  host?: '127.0.0.1';
  /**
   * The Microsoft emulator: its ports (by default port + 11 and port + 12, free ports when port is 0) and the
   * tenant config file (local/microsoft/tenant.json by default).
   */
  microsoft?: { loginPort?: number; graphPort?: number; tenantConfigPath?: string };
  /** Where the host reports what it did (never secrets); silent by default. */
  log?: (line: string) => void;
}

export interface LocalHost {
  /** e.g. http://127.0.0.1:4000 */
  readonly url: string;
  readonly runtime: InstalledForgeRuntime;
  readonly microsoft: MicrosoftEmulator;
  readonly jira: JiraEmulator;
  /** What happened to the demo credential at start. */
  readonly seed: SeedOutcome;
  close(): Promise<void>;
}

/** The loopback-only HTTP switch the backend needs to accept the emulator's http:// endpoints. */
export const LOOPBACK_HTTP_ENV = 'ISSUE_MAILER_ALLOW_LOOPBACK_HTTP';

const PROJECT_ROOT = path.resolve(__dirname, '../../..');
export const DEFAULT_TENANT_CONFIG = path.join(PROJECT_ROOT, 'local/microsoft/tenant.json');

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts the local Forge host: the Microsoft emulator, the local Jira, the Forge runtime with SQLite storage,
 * and the web server that shows Jira's pages with the app's Custom UI in them.
 */
export async function startLocalHost(options: LocalHostOptions): Promise<LocalHost> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('The local host binds 127.0.0.1 only.');
  const log = options.log ?? (() => undefined);
  process.env[LOOPBACK_HTTP_ENV] = '1';

  await mkdir(options.dataDir, { recursive: true });
  const [manifest, assets] = await Promise.all([loadAppManifest(path.join(PROJECT_ROOT, 'manifest.yml')), buildBrowserAssets()]);
  const handlers = resolveHandlers(manifest);

  let port = 0;
  // Requests that arrive while the parts start get a 503.
  let handle: ((request: IncomingMessage, response: ServerResponse) => Promise<void>) | null = null;
  const server = createServer((request, response) => {
    if (!handle) {
      sendJson(response, 503, { code: 'STARTING', message: 'The local host is still starting.' });
      return;
    }
    void handle(request, response);
  });
  port = await listen(server, options.port ?? 4000, host);
  const url = `http://${host}:${port}`;

  let microsoft: MicrosoftEmulator | undefined;
  let runtime: InstalledForgeRuntime | undefined;
  const cleanUp = async () => {
    await closeServer(server);
    runtime?.uninstall();
    await microsoft?.close();
  };

  try {
    const derivedPort = (offset: number) => (options.port === 0 ? 0 : port + offset);
    microsoft = await startMicrosoftEmulator({
      config: loadTenantConfig(options.microsoft?.tenantConfigPath ?? DEFAULT_TENANT_CONFIG),
      host,
      loginPort: options.microsoft?.loginPort ?? derivedPort(11),
      graphPort: options.microsoft?.graphPort ?? derivedPort(12),
    });
    const jira = createJiraEmulator({ siteUrl: url });
    runtime = installForgeRuntime({
      dbPath: path.join(options.dataDir, 'forge.sqlite'),
      jira,
      appId: manifest.appId,
      environmentType: 'DEVELOPMENT',
    });
    const session = createUserSession(jira);
    const seed = await seedDemoCredential({
      manifest,
      handlers,
      runtime,
      microsoft,
      adminAccountId: session.defaultUser.accountId,
      log,
    });
    handle = createRequestHandler({
      projectRoot: PROJECT_ROOT,
      manifest,
      assets,
      jira,
      session,
      endpoints: createForgeEndpoints({ manifest, handlers, runtime, jira, log }),
      pages: createPageRoutes({ manifest, jira, microsoft }),
      guard: createRequestGuard(() => port),
      log,
    });
    return {
      url,
      runtime,
      microsoft,
      jira,
      seed,
      close: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

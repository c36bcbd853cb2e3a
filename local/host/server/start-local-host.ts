import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { parse as parseYaml } from 'yaml';

import { GMAIL_BASE_URL_ENV, GOOGLE_TOKEN_ENDPOINT_ENV } from '../../../src/providers/google/google-endpoints';
import { type GoogleEmulator, loadWorkspaceConfig, startGoogleEmulator } from '../../google';
import { createJiraEmulator, entityPropertyIndexesOf } from '../../jira';
import type { StreamingJiraEmulator } from '../../jira/types';
import { createJiraForms, createUserSession, pageUser } from '../../jira/web';
import { loadTenantConfig, startMicrosoftEmulator } from '../../microsoft';
import type { MicrosoftEmulator } from '../../microsoft/types';
import { HostHttpError, sendJson } from '../../shared/http-kit';
import { createLocalQueue, type LocalQueue } from '../queue';
import { type FunctionWorkerPoolOptions, type InstalledForgeRuntime, installForgeRuntime } from '../runtime';
import { preloadTsxForRenderThread } from '../runtime/render-thread-preload';
import { siteAri } from '../runtime/site-identity';
import { createWebTriggerUrls, type WebTriggerUrls } from '../runtime/web-trigger-graphql';
import { WebTriggerUrlStore } from '../runtime/web-trigger-urls';
import {
  type AppCode,
  handlerFiles,
  isolatedHandlers,
  resolveConsumerHandlers,
  resolveHandlers,
  resolveProductTriggerHandlers,
  resolveTriggerHandlers,
  resolveWebTriggerHandlers,
} from './app-handlers';
import { withAutomationFrames } from './automation/automation-frames';
import { createAutomationRoutes } from './automation/automation-routes';
import { type AutomationRun, createAutomationRules, type RunAutomationOptions } from './automation/automation-rules';
import { buildBrowserAssets } from './browser-assets';
import { createForgeEndpoints } from './forge-endpoints';
import { loadAppManifest } from './manifest-modules';
import { createPageRoutes } from './page-routes';
import { createProductEvents, type ProductEvents } from './product-events';
import { createRequestGuard } from './request-guard';
import { createRequestHandler } from './request-handler';
import {
  createScheduledTriggers,
  type ScheduledTriggers,
  type SchedulerClock,
  type TriggerRun,
  type TriggerStatus,
} from './scheduled-triggers';
import { seedDemoCredential, type SeedOutcome } from './seed-demo-credential';
import { seedDemoGoogleCredential } from './seed-demo-google-credential';
import { createWebTriggers, WEB_TRIGGER_PATH } from './web-triggers';

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
  /**
   * The Google Workspace emulator: its port (by default port + 21, a free port when port is 0) and the Workspace
   * config file (local/google/workspace.json by default).
   */
  /**
   * `seedCredential`: on a fresh data folder, also store a Google Workspace credential made from the workspace's demo
   * key (not the default). `npm start` asks for it; tests that count credentials leave it out.
   */
  google?: { port?: number; workspaceConfigPath?: string; seedCredential?: boolean };
  /** Where the host reports what it did (never secrets); silent by default. */
  log?: (line: string) => void;
  /**
   * The app to run: this project's manifest.yml and its handler files by default. Another manifest of this project's
   * code (`manifestPath` alone, e.g. with another `memoryMB`), or a fixture app in tests (`entry`: its exports, run
   * in this process).
   */
  app?: { manifestPath: string; entry?: Record<string, unknown> };
  /**
   * This project's code, when `app` is not given: its TypeScript sources (default), or the bundles `npm run bundle`
   * made with Forge's own bundler, i.e. what `forge deploy` uploads (`{ bundleDir }`).
   */
  appCode?: AppCode;
  /**
   * Where this project's functions run: each invocation in a worker process, as Forge runs each in a container of
   * its own, with its memory measured against the function's `memoryMB` ('process', the default); or in this
   * process ('in-process': no memory limit, a debugger reaches the code, and tests that replace the clock of
   * this process see it in the app too).
   */
  isolation?: 'process' | 'in-process';
  /** Options of the worker processes (where their console lines go, how long one stays warm). */
  workers?: FunctionWorkerPoolOptions;
  /**
   * The manifest's scheduled triggers run once `firstRunDelayMs` after start (3 s by default), then at their
   * interval. `clock` replaces the system's time and timers (tests).
   */
  scheduledTriggers?: { clock?: SchedulerClock; firstRunDelayMs?: number };
  /**
   * The @forge/events queue (queue.sqlite in `dataDir`) and its `consumer` modules: invocations at once (8 by
   * default), how often it looks for due events (25 ms), its clock (`Date.now()` at each call by default), how
   * long close() waits for deliveries in flight (2 s), and the events a minute it takes (Forge's 500).
   */
  queue?: {
    concurrency?: number;
    pollIntervalMs?: number;
    now?: () => number;
    closeGraceMs?: number;
    eventsPerMinute?: number;
  };
}

export interface LocalHost {
  /** e.g. http://127.0.0.1:4000 */
  readonly url: string;
  readonly runtime: InstalledForgeRuntime;
  readonly microsoft: MicrosoftEmulator;
  /** Google's token endpoint, Gmail, the mailbox page and the Admin console page, on their own loopback port. */
  readonly google: GoogleEmulator;
  readonly jira: StreamingJiraEmulator;
  /** What happened to the demo credential at start. */
  readonly seed: SeedOutcome;
  /** What happened to the demo Google credential at start ('skipped' unless `google.seedCredential`). */
  readonly googleSeed: SeedOutcome;
  /** The async events queue that @forge/events' Queue.push fills and the manifest's consumers drain. */
  readonly queue: LocalQueue;
  /** Jira's product events on their way to the manifest's `trigger` modules (tests wait with whenIdle()). */
  readonly productEvents: Pick<ProductEvents, 'whenIdle' | 'delivered'>;
  /** Runs a scheduled trigger now, as "Run now" does; resolves with the finished run (failed runs too). */
  runTrigger: (key: string) => Promise<TriggerRun>;
  /** Each scheduled trigger with its last run and next run. */
  scheduledTriggers: () => TriggerStatus[];
  /**
   * Runs an Automation rule whose action is the app's (the first one by default) on an issue, as the Automation
   * page's "Run rule" does: inputs checked, smart values resolved, the function invoked as `accountId` (the site
   * admin by default). Resolves with the audit log entry, failures included.
   */
  runAutomationAction: (options: RunAutomationOptions) => Promise<AutomationRun>;
  /**
   * A `webtrigger` module's URL for the site's installation, as the app's own `webTrigger.getUrl(moduleKey)` gets
   * it (the same URL; a new one with `forceCreate`): e.g. http://127.0.0.1:4000/x1/<opaque id>. Throws for a key
   * that is no webtrigger module of the manifest.
   */
  webTriggerUrl: (moduleKey: string, options?: { forceCreate?: boolean }) => string;
  close: () => Promise<void>;
}

/** The loopback-only HTTP switch the backend needs to accept the emulator's http:// endpoints. */
export const LOOPBACK_HTTP_ENV = 'ISSUE_MAILER_ALLOW_LOOPBACK_HTTP';

const PROJECT_ROOT = path.resolve(__dirname, '../../..');
export const DEFAULT_TENANT_CONFIG = path.join(PROJECT_ROOT, 'local/microsoft/tenant.json');
export const DEFAULT_WORKSPACE_CONFIG = path.join(PROJECT_ROOT, 'local/google/workspace.json');

const listen = (server: Server, port: number, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });

/**
 * Starts the local Forge host: the Microsoft and Google emulators, the local Jira, the Forge runtime with SQLite storage,
 * and the web server that shows Jira's pages with the app's Custom UI in them.
 */
export const startLocalHost = async (options: LocalHostOptions): Promise<LocalHost> => {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('The local host binds 127.0.0.1 only.');
  const log = options.log ?? (() => undefined);
  process.env[LOOPBACK_HTTP_ENV] = '1';
  // The function workers (and an in-process handler) inherit it: the app's render thread loads the sources with tsx.
  preloadTsxForRenderThread();

  await mkdir(options.dataDir, { recursive: true });
  const manifestPath = options.app?.manifestPath ?? path.join(PROJECT_ROOT, 'manifest.yml');
  const [manifest, assets] = await Promise.all([loadAppManifest(manifestPath), buildBrowserAssets()]);
  const isolate = (options.isolation ?? 'process') === 'process' && options.app?.entry === undefined;
  const code =
    options.app?.entry ?? (isolate ? isolatedHandlers(manifest, options.appCode) : handlerFiles(options.appCode));
  const handlers = resolveHandlers(manifest, code);
  const triggerHandlers = resolveTriggerHandlers(manifest, code);
  const consumerHandlers = resolveConsumerHandlers(manifest, code);
  const productTriggerHandlers = resolveProductTriggerHandlers(manifest, code);
  const webTriggerHandlers = resolveWebTriggerHandlers(manifest, code);

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
  let google: GoogleEmulator | undefined;
  let runtime: InstalledForgeRuntime | undefined;
  let triggers: ScheduledTriggers | undefined;
  let queue: LocalQueue | undefined;
  let productEvents: ProductEvents | undefined;
  let webTriggerStore: WebTriggerUrlStore | undefined;
  const cleanUp = async () => {
    triggers?.close();
    // Before the queue: a trigger function may still be pushing to it.
    await productEvents?.close();
    // Before the runtime goes: deliveries in flight still call the platform while close() waits for them.
    await queue?.close();
    await closeServer(server);
    await runtime?.stopWorkers();
    runtime?.uninstall();
    webTriggerStore?.close();
    await microsoft?.close();
    await google?.close();
  };

  try {
    const derivedPort = (offset: number) => (options.port === 0 ? 0 : port + offset);
    microsoft = await startMicrosoftEmulator({
      config: loadTenantConfig(options.microsoft?.tenantConfigPath ?? DEFAULT_TENANT_CONFIG),
      host,
      loginPort: options.microsoft?.loginPort ?? derivedPort(11),
      graphPort: options.microsoft?.graphPort ?? derivedPort(12),
    });
    // 4021 beside the default 4000, as `npx tsx local/google/main.ts` listens on by default.
    google = await startGoogleEmulator({
      config: loadWorkspaceConfig(options.google?.workspaceConfigPath ?? DEFAULT_WORKSPACE_CONFIG),
      host,
      port: options.google?.port ?? derivedPort(21),
    });
    // The app takes Google's addresses from these only with the loopback switch on (src/providers/google/google-endpoints.ts).
    process.env[GOOGLE_TOKEN_ENDPOINT_ENV] = google.tokenUrl;
    process.env[GMAIL_BASE_URL_ENV] = google.url;
    // The local Jira searches the entity properties the manifest's jira:entityProperty modules index, as Jira does.
    const jira = createJiraEmulator({
      siteUrl: url,
      indexedEntityProperties: entityPropertyIndexesOf(parseYaml(await readFile(manifestPath, 'utf8'))),
    });
    queue = createLocalQueue({
      dbPath: path.join(options.dataDir, 'queue.sqlite'),
      consumers: manifest.consumers,
      log,
      ...(options.queue?.now ? { now: options.queue.now } : {}),
      ...(options.queue?.concurrency !== undefined ? { concurrency: options.queue.concurrency } : {}),
      ...(options.queue?.pollIntervalMs !== undefined ? { pollIntervalMs: options.queue.pollIntervalMs } : {}),
      ...(options.queue?.closeGraceMs !== undefined ? { closeGraceMs: options.queue.closeGraceMs } : {}),
      ...(options.queue?.eventsPerMinute !== undefined ? { eventsPerMinute: options.queue.eventsPerMinute } : {}),
    });
    // Kept in the data dir, so that a trigger's URL (handed to Microsoft Graph, say) still works after a restart.
    webTriggerStore = new WebTriggerUrlStore(path.join(options.dataDir, 'web-triggers.sqlite'));
    const webTriggerUrls: WebTriggerUrls = createWebTriggerUrls({
      store: webTriggerStore,
      modules: manifest.webTriggers,
      baseUrl: url,
    });
    runtime = installForgeRuntime({
      dbPath: path.join(options.dataDir, 'forge.sqlite'),
      jira,
      appId: manifest.appId,
      environmentType: 'DEVELOPMENT',
      entities: manifest.entities,
      routes: [queue.route, webTriggerUrls.route],
      allowImpersonation: manifest.allowImpersonation,
      ...(options.workers ? { workers: options.workers } : {}),
    });
    const session = createUserSession(jira);
    const automation = createAutomationRules({
      actions: manifest.automationActions,
      handlers,
      runtime,
      jira,
      defaultAccountId: session.defaultUser.accountId,
      log,
    });
    const seed = await seedDemoCredential({
      manifest,
      handlers,
      runtime,
      microsoft,
      adminAccountId: session.defaultUser.accountId,
      log,
    });
    // After the Microsoft one, which stays the default; only on the data folder's first start.
    const googleSeed =
      options.google?.seedCredential === true && seed === 'seeded'
        ? await seedDemoGoogleCredential({
            manifest,
            handlers,
            runtime,
            google,
            adminAccountId: session.defaultUser.accountId,
            log,
          })
        : 'skipped';
    // After seeding, so that a first run finds the demo credential.
    triggers = createScheduledTriggers({
      triggers: manifest.scheduledTriggers,
      handlers: triggerHandlers,
      runtime,
      clock: options.scheduledTriggers?.clock,
      firstRunDelayMs: options.scheduledTriggers?.firstRunDelayMs,
      log,
    });
    const scheduler = triggers;
    handle = createRequestHandler({
      projectRoot: PROJECT_ROOT,
      manifest,
      assets,
      jira,
      session,
      endpoints: withAutomationFrames(createForgeEndpoints({ manifest, handlers, runtime, jira, log }), {
        rules: automation,
        handlers,
        runtime,
        jira,
        log,
      }),
      automation: createAutomationRoutes({ rules: automation, jira, pageUser }),
      pages: createPageRoutes({ manifest, jira, microsoft, triggers: scheduler, queue }),
      triggers: scheduler,
      guard: createRequestGuard(() => port),
      log,
    });
    // The local Jira's own forms (comment, status, create) come before the site's other routes.
    const jiraForms = createJiraForms({ jira, session, guard: createRequestGuard(() => port), log });
    const webTriggers = createWebTriggers({
      triggers: manifest.webTriggers,
      resolveId: (id) => webTriggerStore?.resolve(id),
      handlers: webTriggerHandlers,
      runtime,
      log,
    });
    const webTriggerGuard = createRequestGuard(() => port);
    const siteHandler = handle;
    handle = async (request, response) => {
      if (WEB_TRIGGER_PATH.test(new URL(request.url ?? '/', 'http://host.local').pathname)) {
        try {
          webTriggerGuard(request);
        } catch (error) {
          const refusal = error instanceof HostHttpError ? error : new HostHttpError(403, 'Refused.', 'REFUSED');
          sendJson(response, refusal.status, { code: refusal.code, message: refusal.message });
          return;
        }
        await webTriggers(request, response, new URL(request.url ?? '/', 'http://host.local'));
        return;
      }
      if (!(await jiraForms(request, response))) await siteHandler(request, response);
    };
    scheduler.start();
    // After seeding too, so that events left from the last run meet a host that is ready.
    queue.start({ runtime, handlers: consumerHandlers });
    productEvents = createProductEvents({
      triggers: manifest.productTriggers,
      handlers: productTriggerHandlers,
      runtime,
      jira,
      log,
    });
    const events = productEvents;
    const installation = {
      appId: runtime.site.appId,
      envId: runtime.site.environmentId,
      contextId: siteAri(runtime.site.cloudId),
    };
    return {
      url,
      runtime,
      microsoft,
      google,
      jira,
      seed,
      googleSeed,
      queue,
      productEvents: { whenIdle: () => events.whenIdle(), delivered: () => events.delivered() },
      runTrigger: (key) => scheduler.run(key),
      runAutomationAction: (options) => automation.run(options),
      scheduledTriggers: () => scheduler.list(),
      webTriggerUrl: (moduleKey, urlOptions) =>
        webTriggerUrls.getUrl(installation, moduleKey, urlOptions?.forceCreate ?? false),
      close: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
};

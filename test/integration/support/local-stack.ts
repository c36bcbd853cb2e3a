import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse as parseYaml } from 'yaml';

import { createLocalQueue, type LocalQueue } from '../../../local/host/queue';
import { type InstalledForgeRuntime, installForgeRuntime } from '../../../local/host/runtime';
import { preloadTsxForRenderThread } from '../../../local/host/runtime/render-thread-preload';
import type { ForgeConsumerHandler, ForgeHandler, ForgeTriggerHandler } from '../../../local/host/runtime-types';
import { handlerFiles, resolveHandlers } from '../../../local/host/server/app-handlers';
import { loadAppManifest } from '../../../local/host/server/manifest-modules';
import { ALEX_ADMIN, createJiraEmulator, entityPropertyIndexesOf } from '../../../local/jira';
import type { StreamingJiraEmulator } from '../../../local/jira/types';
import { loadTenantConfig, startMicrosoftEmulator } from '../../../local/microsoft';
import type { EmulatedApp, EmulatedTenant, MicrosoftEmulator } from '../../../local/microsoft/types';

const ROOT = join(__dirname, '..', '..', '..');

export interface LocalStack {
  runtime: InstalledForgeRuntime;
  /** The outbox queue with the manifest's consumer: emails go out once `outboxIdle()` resolves. */
  queue: LocalQueue;
  microsoft: MicrosoftEmulator;
  /** The local Jira the runtime's requestJira reaches. */
  jira: StreamingJiraEmulator;
  tenant: EmulatedTenant;
  demoApp: EmulatedApp;
  handlers: {
    adminResolver: ForgeHandler;
    issueActionResolver: ForgeHandler;
    credentialExpiryCheck: ForgeTriggerHandler;
  };
  /** Calls a resolver function as `accountId` (the admin by default), as the platform would. */
  admin: (fn: string, payload: unknown, accountId?: string) => Promise<unknown>;
  issueAction: (fn: string, payload: unknown, issueKey?: string, accountId?: string) => Promise<unknown>;
  /** Resolves once every queued email has been delivered or has failed (no event left, none in flight). */
  outboxIdle: () => Promise<void>;
  /** Runs the daily expiry check as the platform's scheduler would. */
  expiryCheck: () => Promise<unknown>;
  /** The credential payload of the demo app, with overrides. */
  credential: (overrides?: Record<string, unknown>) => Record<string, unknown>;
  close: () => Promise<void>;
}

/**
 * The handlers manifest.yml names (each function's own entry file in src/) on the local host's runtime globals, with the local Jira and the Microsoft
 * emulator on loopback: what the Forge platform and Microsoft would be to the deployed app.
 */
export const startLocalStack = async (): Promise<LocalStack> => {
  process.env.ISSUE_MAILER_ALLOW_LOOPBACK_HTTP = '1';
  // The app's render thread loads the TypeScript sources here: with tsx's require hook, as the local host gives it.
  preloadTsxForRenderThread();
  const config = loadTenantConfig(join(ROOT, 'local', 'microsoft', 'tenant.json'));
  const microsoft = await startMicrosoftEmulator({ config });
  // The app's jira:entityProperty modules, indexed for JQL as start-local-host.ts does.
  const jira = createJiraEmulator({
    siteUrl: 'http://127.0.0.1:4000',
    indexedEntityProperties: entityPropertyIndexesOf(parseYaml(readFileSync(join(ROOT, 'manifest.yml'), 'utf8'))),
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'issue-mailer-it-'));
  const manifest = await loadAppManifest(join(ROOT, 'manifest.yml'));
  const queue = createLocalQueue({
    dbPath: join(dataDir, 'queue.sqlite'),
    consumers: manifest.consumers,
    log: () => undefined,
  });
  const runtime = installForgeRuntime({
    dbPath: join(dataDir, 'forge.sqlite'),
    jira,
    entities: manifest.entities,
    routes: [queue.route],
    allowImpersonation: manifest.allowImpersonation,
  });
  // @forge/kvs picks its transport when first loaded, so the app is loaded only once the globals exist.
  const byFunction = resolveHandlers(manifest, handlerFiles());
  const handlerOf = (functionKey: string): ForgeHandler => {
    const found = byFunction.get(functionKey);
    if (found === undefined) throw new Error(`manifest.yml has no function ${functionKey}`);
    return found;
  };
  const handlers: LocalStack['handlers'] = {
    adminResolver: handlerOf('admin-resolver'),
    issueActionResolver: handlerOf('issue-action-resolver'),
    credentialExpiryCheck: handlerOf('expiry-check') as unknown as ForgeTriggerHandler,
  };
  queue.start({
    runtime,
    handlers: new Map(
      manifest.consumers.map((consumer) => [
        consumer.functionKey,
        handlerOf(consumer.functionKey) as unknown as ForgeConsumerHandler,
      ]),
    ),
  });
  const tenant = config.tenants[0] as EmulatedTenant;
  const demoApp = tenant.apps.find((a) => a.adminConsentGranted) as EmulatedApp;

  const admin = (fn: string, payload: unknown, accountId = ALEX_ADMIN.accountId) =>
    runtime.invoke(handlers.adminResolver, {
      functionKey: 'admin-resolver',
      resolverFunctionKey: fn,
      payload,
      moduleKey: 'issue-mailer-admin',
      accountId,
      extension: { type: 'jira:adminPage' },
    });
  const issueAction = (fn: string, payload: unknown, issueKey = 'DEMO-1', accountId = ALEX_ADMIN.accountId) =>
    runtime.invoke(handlers.issueActionResolver, {
      functionKey: 'issue-action-resolver',
      resolverFunctionKey: fn,
      payload,
      moduleKey: 'email-this-issue',
      accountId,
      extension: {
        type: 'jira:issueAction',
        issue: { key: issueKey, id: '10001', type: 'Bug' },
        project: { key: 'DEMO', id: '10000', type: 'software' },
      },
    });
  const expiryCheck = () =>
    runtime.invokeTrigger(handlers.credentialExpiryCheck, {
      functionKey: 'expiry-check',
      moduleKey: 'credential-expiry-check',
      moduleType: 'scheduledTrigger',
    });
  const credential = (overrides: Record<string, unknown> = {}) => ({
    name: 'Contoso support',
    provider: 'microsoft365',
    grantType: 'client_credentials',
    clientId: demoApp.clientId,
    clientSecret: demoApp.secrets[0]?.value,
    tokenEndpoint: `${microsoft.loginBaseUrl}/${tenant.id}/oauth2/v2.0/token`,
    scope: 'https://graph.microsoft.com/.default',
    senderMailbox: 'support@contoso.onmicrosoft.com',
    graphBaseUrl: `${microsoft.graphBaseUrl}/v1.0`,
    ...overrides,
  });

  return {
    runtime,
    queue,
    outboxIdle: () => queue.whenIdle(),
    microsoft,
    jira,
    tenant,
    demoApp,
    handlers,
    admin,
    issueAction,
    expiryCheck,
    credential,
    close: async () => {
      await queue.close();
      runtime.uninstall();
      await microsoft.close();
    },
  };
};

/**
 * Starts one stack for the test file and closes it after; before each test the Microsoft emulator's faults and
 * counts are cleared, so no test sees another's. `started` receives the stack once it is up.
 */
export const useLocalStack = (started: (stack: LocalStack) => void): void => {
  let stack: LocalStack | undefined;
  beforeAll(async () => {
    stack = await startLocalStack();
    started(stack);
  });
  afterAll(async () => {
    await stack?.close();
  });
  beforeEach(() => {
    stack?.microsoft.clearFaults();
    stack?.microsoft.resetCounts();
  });
};

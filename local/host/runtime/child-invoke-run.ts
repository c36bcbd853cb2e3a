import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { JiraEmulator } from '../../jira/types';
import { createQueuePublisher } from '../queue/queue-publisher';
import type { ForgeConsumerHandler, ForgeHandler, RuntimeStats } from '../runtime-types';
import {
  type ChildInvokeAnswer,
  type ChildInvokeFailure,
  type ChildInvokeRequest,
  childInvokeRequestSchema,
  ONE_CALL_MESSAGE,
} from './child-invoke-protocol';
import { consumerTimeoutMs } from './consumer-invocation';
import { ChildInvokeError } from './errors';
import type { ForgeFetchRoute } from './forge-fetch';
import { type InstalledForgeRuntime, installForgeRuntime } from './index';
import { createWebTriggerUrls } from './web-trigger-graphql';
import { WebTriggerUrlStore } from './web-trigger-urls';

const DEFAULT_JIRA_MODULE = path.join(__dirname, '..', '..', 'jira', 'index.ts');
const NO_STATS: RuntimeStats = { kvsOperations: 0, jiraRequests: 0, invocations: 0 };

const loadExport = async (modulePath: string, exportName: string, what: string): Promise<unknown> => {
  const specifier = modulePath.startsWith('file:') ? modulePath : pathToFileURL(path.resolve(modulePath)).href;
  let loaded: unknown;
  try {
    loaded = await import(specifier);
  } catch (error) {
    throw new ChildInvokeError('MODULE_LOAD_FAILED', `Cannot load the ${what} module ${modulePath}`, { cause: error });
  }
  const namespace = (loaded ?? {}) as Record<string, unknown>;
  const fallback = (namespace.default ?? {}) as Record<string, unknown>;
  const value = namespace[exportName] ?? fallback[exportName];
  if (typeof value !== 'function') {
    throw new ChildInvokeError(
      'EXPORT_NOT_FOUND',
      `The ${what} module ${modulePath} exports no function '${exportName}'`,
    );
  }
  return value;
};

const isJiraEmulator = (value: unknown): value is JiraEmulator => {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const candidate = value as Partial<Record<keyof JiraEmulator, unknown>>;
  return (
    typeof candidate.handle === 'function' &&
    typeof candidate.cloudId === 'string' &&
    typeof candidate.siteUrl === 'string'
  );
};

const createJira = async (request: ChildInvokeRequest): Promise<JiraEmulator> => {
  const modulePath = request.jira.module ?? DEFAULT_JIRA_MODULE;
  const create = (await loadExport(modulePath, 'createJiraEmulator', 'Jira emulator')) as (options: {
    siteUrl: string;
  }) => unknown;
  const jira: unknown = await create({ siteUrl: request.jira.siteUrl });
  if (!isJiraEmulator(jira)) {
    throw new ChildInvokeError(
      'BAD_JIRA_EMULATOR',
      `createJiraEmulator from ${modulePath} returned no JiraEmulator (handle, cloudId, siteUrl)`,
    );
  }
  return jira;
};

export const describeFailure = (error: unknown): ChildInvokeFailure => {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, ...(typeof code === 'string' ? { code } : {}), message: error.message };
  }
  return { name: 'Error', message: String(error) };
};

/** Runs the call the request carries: a resolver call, or a consumer's queue event. */
const invokeOnce = (
  runtime: InstalledForgeRuntime,
  handler: unknown,
  request: ChildInvokeRequest,
): Promise<unknown> => {
  if (request.consumer !== undefined) {
    return runtime.invokeConsumer(handler as ForgeConsumerHandler, request.consumer);
  }
  return runtime.invoke(handler as ForgeHandler, { ...request.request, payload: request.request.payload });
};

const parseRequest = (input: unknown): ChildInvokeRequest => {
  const parsed = childInvokeRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ChildInvokeError(
      'BAD_CHILD_REQUEST',
      `The child-invoke request is invalid: ${issue ? `${issue.path.join('.') || 'request'}: ${issue.message}` : 'invalid'}`,
    );
  }
  const { request, consumer, ...common } = parsed.data;
  if (consumer !== undefined) {
    // Refused before anything loads, as the platform would not make the call: a protocol failure, not the handler's.
    consumerTimeoutMs(consumer);
    return { ...common, consumer };
  }
  if (request === undefined) {
    throw new ChildInvokeError(
      'BAD_CHILD_REQUEST',
      `The child-invoke request is invalid: request: ${ONE_CALL_MESSAGE}`,
    );
  }
  return { ...common, request };
};

/**
 * Runs one invocation in this process as a fresh Forge function container would: installs the runtime on the
 * shared SQLite file (with a queue to push to when `queueDbPath` is given), loads the handler, invokes it once,
 * uninstalls. Protocol failures (bad request, missing module or export) throw; a handler's failure is part of the
 * answer.
 */
export const runChildInvocation = async (input: unknown): Promise<ChildInvokeAnswer> => {
  const request = parseRequest(input);
  const jira = await createJira(request);
  const publisher =
    request.queueDbPath !== undefined ? createQueuePublisher({ dbPath: request.queueDbPath }) : undefined;
  const urlStore = request.webTriggers !== undefined ? new WebTriggerUrlStore(request.webTriggers.dbPath) : undefined;
  const routes: ForgeFetchRoute[] = [
    ...(publisher !== undefined ? [publisher.route] : []),
    ...(urlStore !== undefined && request.webTriggers !== undefined
      ? [createWebTriggerUrls({ store: urlStore, ...request.webTriggers }).route]
      : []),
  ];
  const closeStores = () => {
    publisher?.close();
    urlStore?.close();
  };
  let runtime: InstalledForgeRuntime;
  try {
    runtime = installForgeRuntime({
      dbPath: request.dbPath,
      jira,
      ...(request.appId !== undefined ? { appId: request.appId } : {}),
      ...(request.environmentType !== undefined ? { environmentType: request.environmentType } : {}),
      ...(request.invocationTimeoutMs !== undefined ? { invocationTimeoutMs: request.invocationTimeoutMs } : {}),
      ...(request.entities !== undefined ? { entities: request.entities } : {}),
      ...(request.allowImpersonation !== undefined ? { allowImpersonation: request.allowImpersonation } : {}),
      ...(routes.length > 0 ? { routes } : {}),
    });
  } catch (error) {
    closeStores();
    throw error;
  }
  const loadStarted = performance.now();
  try {
    // Loaded after the runtime is installed, as the platform loads the bundle inside its runtime.
    const handler = await loadExport(request.handler.module, request.handler.export, 'handler');
    const invokeStarted = performance.now();
    const loadMs = invokeStarted - loadStarted;
    try {
      const result = await invokeOnce(runtime, handler, request);
      return { ok: true, result, stats: runtime.stats(), loadMs, invocationMs: performance.now() - invokeStarted };
    } catch (error) {
      const invocationMs = performance.now() - invokeStarted;
      return { ok: false, error: describeFailure(error), stats: runtime.stats(), loadMs, invocationMs };
    }
  } finally {
    runtime.uninstall();
    closeStores();
  }
};

export { NO_STATS };

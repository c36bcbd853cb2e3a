/**
 * A function worker: the child process in which the local host runs the app's functions, one invocation at a time,
 * as a Forge function container does (a warm container takes the next invocation; module state survives between
 * them). It defines the two runtime globals the unmodified @forge/* packages call; every platform call
 * (`__forge_fetch__`: kvs, requestJira, Queue.push) goes to the host's platform proxy with the invocation's proxy
 * token, as Forge's runtime sends them to its proxy. The handler's `console` output is the host's log.
 *
 *   node --import tsx local/host/runtime/isolation/function-worker.ts   (spawned with an IPC channel)
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';

import { describeFailure } from '../child-invoke-run';
import { createForgeRuntimeGlobal } from '../forge-runtime-global';
import type { InvocationScope } from '../invocation-scope';
import { buildBackendRuntimePayload } from '../product-context';
import { preloadTsxForRenderThread } from '../render-thread-preload';
import type { SiteIdentity } from '../site-identity';
import { TARGET_HEADER, TOKEN_HEADER } from './proxy-headers';
import { followHostClock } from './worker-clock';
import {
  type AnswerMessage,
  answerMessageSchema,
  type InvokeMessage,
  invokeMessageSchema,
  READY_MESSAGE,
} from './worker-protocol';

// This process runs under tsx; the app's render thread needs it named (render-thread-preload.ts).
preloadTsxForRenderThread();

const scopes = new AsyncLocalStorage<InvocationScope>();
const modules = new Map<string, Record<string, unknown>>();
let installedFor: string | undefined;
let proxyUrl = '';

const send = (message: AnswerMessage | typeof READY_MESSAGE): void => {
  process.send?.(message);
};

const install = (site: SiteIdentity): void => {
  const key = JSON.stringify(site);
  if (installedFor === key) return;
  if (installedFor !== undefined) throw new Error('A function worker serves one site');
  installedFor = key;
  // A worker lives as long as a warm container; the full budget stands in outside an invocation.
  const runtime = createForgeRuntimeGlobal({ site, scopes, nowMs: Date.now, timeoutMs: 0 });
  const forgeFetch = async (target: unknown, callPath: string, init?: RequestInit): Promise<Response> => {
    const scope = scopes.getStore();
    const headers = new Headers(init?.headers);
    headers.set(TARGET_HEADER, JSON.stringify(target));
    headers.set(TOKEN_HEADER, scope?.proxyToken ?? '');
    const body = init?.body ?? undefined;
    return fetch(`${proxyUrl}${callPath}`, {
      method: init?.method ?? 'GET',
      headers,
      ...(body !== undefined && body !== null ? { body, duplex: 'half' } : {}),
      ...(init?.signal ? { signal: init.signal } : {}),
    });
  };
  Object.defineProperty(globalThis, '__forge_runtime__', {
    value: runtime,
    configurable: true,
    writable: false,
    enumerable: false,
  });
  Object.defineProperty(globalThis, '__forge_fetch__', {
    value: forgeFetch,
    configurable: true,
    writable: false,
    enumerable: false,
  });
};

const loadHandler = (modulePath: string, exportName: string): ((...args: unknown[]) => unknown) => {
  let loaded = modules.get(modulePath);
  if (loaded === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- Forge loads a function's bundle with require
    loaded = require(path.resolve(modulePath)) as Record<string, unknown>;
    modules.set(modulePath, loaded);
  }
  const handler = loaded[exportName];
  if (typeof handler !== 'function') {
    throw Object.assign(new Error(`${modulePath} exports no function '${exportName}'`), {
      name: 'HandlerNotFoundError',
      code: 'HANDLER_NOT_FOUND',
    });
  }
  return handler as (...args: unknown[]) => unknown;
};

const invoke = async (message: InvokeMessage): Promise<AnswerMessage> => {
  try {
    followHostClock(message.hostClockOffsetMs);
    proxyUrl = message.proxyUrl;
    install(message.site);
    const handler = loadHandler(message.handler.module, message.handler.export);
    const event = JSON.parse(message.event) as unknown;
    const context = buildBackendRuntimePayload(
      message.site,
      message.scope.accountId ? { accountId: message.scope.accountId } : {},
    );
    const result = await scopes.run(message.scope, async () => await handler(event, context));
    const text = result === undefined ? undefined : JSON.stringify(result);
    return { type: 'answer', id: message.id, ok: true, ...(text !== undefined ? { result: text } : {}) };
  } catch (error) {
    return { type: 'answer', id: message.id, ok: false, error: describeFailure(error) };
  }
};

process.on('message', (raw: unknown) => {
  const parsed = invokeMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const id = typeof (raw as { id?: unknown } | null)?.id === 'number' ? (raw as { id: number }).id : -1;
    send(
      answerMessageSchema.parse({
        type: 'answer',
        id,
        ok: false,
        error: {
          name: 'WorkerProtocolError',
          code: 'BAD_WORKER_MESSAGE',
          message: 'The function worker got a message it cannot read',
        },
      }),
    );
    return;
  }
  void invoke(parsed.data).then(send);
});

// The worker ends with its IPC channel: a host that stops takes its containers with it.
process.on('disconnect', () => process.exit(0));
send(READY_MESSAGE);

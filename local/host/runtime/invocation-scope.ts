import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import type { InvocationRequest } from '../runtime-types';

/** What belongs to one invocation and must never leak into another running at the same time. */
export interface InvocationScope {
  invocationId: string;
  functionKey: string;
  moduleKey: string;
  moduleType: string;
  /** The invoking user; undefined for an anonymous call. */
  accountId?: string;
  deadlineMs: number;
  traceId: string;
  spanId: string;
  /** Stands in for the platform's per-invocation proxy token; never logged. */
  proxyToken: string;
}

export function createInvocationScope(request: InvocationRequest, nowMs: number, timeoutMs: number): InvocationScope {
  const invocationId = randomUUID();
  const type = request.extension.type;
  return {
    invocationId,
    functionKey: request.functionKey,
    moduleKey: request.moduleKey,
    moduleType: typeof type === 'string' ? type : '',
    ...(request.accountId ? { accountId: request.accountId } : {}),
    deadlineMs: nowMs + timeoutMs,
    traceId: randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    proxyToken: `local-forge-${randomBytes(24).toString('base64url')}`,
  };
}

export type InvocationScopes = AsyncLocalStorage<InvocationScope>;

export function createInvocationScopes(): InvocationScopes {
  return new AsyncLocalStorage<InvocationScope>();
}

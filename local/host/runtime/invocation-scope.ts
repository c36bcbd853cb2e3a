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

/** Who and what one invocation is for; `accountId` absent when no user is behind it (anonymous, triggers). */
export interface ScopeSubject {
  functionKey: string;
  moduleKey: string;
  /** The platform's module type, e.g. 'jira:adminPage' or 'core:scheduledTrigger'. */
  moduleType: string;
  accountId?: string;
}

export const createScope = (subject: ScopeSubject, nowMs: number, timeoutMs: number): InvocationScope => ({
  invocationId: randomUUID(),
  functionKey: subject.functionKey,
  moduleKey: subject.moduleKey,
  moduleType: subject.moduleType,
  ...(subject.accountId ? { accountId: subject.accountId } : {}),
  deadlineMs: nowMs + timeoutMs,
  traceId: randomBytes(16).toString('hex'),
  spanId: randomBytes(8).toString('hex'),
  proxyToken: `local-forge-${randomBytes(24).toString('base64url')}`,
});

export const createInvocationScope = (
  request: InvocationRequest,
  nowMs: number,
  timeoutMs: number,
): InvocationScope => {
  const type = request.extension.type;
  return createScope(
    {
      functionKey: request.functionKey,
      moduleKey: request.moduleKey,
      moduleType: typeof type === 'string' ? type : '',
      accountId: request.accountId,
    },
    nowMs,
    timeoutMs,
  );
};

export type InvocationScopes = AsyncLocalStorage<InvocationScope>;

export const createInvocationScopes = (): InvocationScopes => new AsyncLocalStorage<InvocationScope>();

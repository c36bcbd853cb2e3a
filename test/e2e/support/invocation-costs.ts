/**
 * What each email costs through the local host, counted as bench/calls-per-email.ts counts it: the "Send"
 * invocation and every email worker invocation of the email, and the kvs operations they make. The host counts kvs
 * operations for all invocations together (runtime.stats()), so the totals are exact; an email's own count is exact
 * when none of its invocations overlapped another, and only those emails give the per-email min and max.
 */
import type { LocalHost } from '../../../local/host';
import { KvsEndpoint } from '../../../local/host/runtime/kvs-endpoint';

export interface Spread {
  min: number;
  mean: number;
  max: number;
}

export interface InvocationCosts {
  /** Starts counting: resolver calls of `sendFunctionKey` and every consumer invocation. */
  start: () => void;
  /** Notes the email a "Send" answered, for the invocation that just ended. */
  noteSent: (emailId: string) => void;
  report: (emails: number) => {
    workerRuns: Spread;
    kvsOperations: Spread;
    /** Emails whose every invocation ran alone, so their own kvs count is exact. */
    exactlyCounted: number;
    totalKvs: number;
    /** kvs operations per email by kind (`entity/get outbox-email`, `get email-content`), most first. */
    byKind: Array<[string, number]>;
  };
}

const spread = (values: readonly number[], mean: number): Spread =>
  values.length === 0 ? { min: 0, mean, max: 0 } : { min: Math.min(...values), mean, max: Math.max(...values) };

/** `entity/get outbox-email`, `get email-content`: the call and what it names, without the key's own parts. */
const kindOf = (path: string, bodyText: string): string => {
  const call = path.replace(/^\/api\/v1\//, '');
  try {
    const body = JSON.parse(bodyText) as { key?: unknown; entityName?: unknown };
    if (typeof body.entityName === 'string') return `${call} ${body.entityName}`;
    if (typeof body.key === 'string') return `${call} ${body.key.split(':')[0] ?? ''}`;
    return call;
  } catch {
    return `${call} ?`;
  }
};

export const countInvocationCosts = (host: LocalHost): InvocationCosts => {
  const runtime = host.runtime;
  // The host's kvs endpoint, counted by kind; put back in report().
  const originalHandle = Object.getOwnPropertyDescriptor(KvsEndpoint.prototype, 'handle')?.value as (
    this: KvsEndpoint,
    ...args: Parameters<KvsEndpoint['handle']>
  ) => ReturnType<KvsEndpoint['handle']>;
  const kinds = new Map<string, number>();
  const originalInvoke = runtime.invoke.bind(runtime);
  const originalConsumer = runtime.invokeConsumer.bind(runtime);
  const runs = new Map<string, number>();
  const kvs = new Map<string, number>();
  const blurred = new Set<string>();
  let active = 0;
  // Bumped whenever an invocation starts: one that saw it change did not run alone.
  let starts = 0;
  let kvsAtStart = 0;
  let lastSend: { kvs: number; alone: boolean } | undefined;

  const measured = async <T>(run: () => Promise<T>): Promise<{ value: T; kvs: number; alone: boolean }> => {
    const startedAlone = active === 0;
    active += 1;
    starts += 1;
    const mine = starts;
    const before = runtime.stats().kvsOperations;
    try {
      const value = await run();
      return {
        value,
        kvs: runtime.stats().kvsOperations - before,
        alone: startedAlone && starts === mine && active === 1,
      };
    } finally {
      active -= 1;
    }
  };

  const note = (emailId: string, ops: number, alone: boolean) => {
    kvs.set(emailId, (kvs.get(emailId) ?? 0) + ops);
    if (!alone) blurred.add(emailId);
  };

  return {
    start: () => {
      kvsAtStart = runtime.stats().kvsOperations;
      KvsEndpoint.prototype.handle = function (this: KvsEndpoint, method, path, bodyText) {
        const kind = kindOf(path, bodyText);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        return originalHandle.call(this, method, path, bodyText);
      };
      runtime.invoke = async (handler, request) => {
        const outcome = await measured(() => originalInvoke(handler, request));
        lastSend = { kvs: outcome.kvs, alone: outcome.alone };
        return outcome.value;
      };
      runtime.invokeConsumer = async (handler, request) => {
        const emailId = typeof request.body.emailId === 'string' ? request.body.emailId : '(no email id)';
        runs.set(emailId, (runs.get(emailId) ?? 0) + 1);
        const outcome = await measured(() => originalConsumer(handler, request));
        note(emailId, outcome.kvs, outcome.alone);
        return outcome.value;
      };
    },
    noteSent: (emailId) => {
      if (lastSend !== undefined) note(emailId, lastSend.kvs, lastSend.alone);
      lastSend = undefined;
    },
    report: (emails) => {
      KvsEndpoint.prototype.handle = originalHandle;
      runtime.invoke = originalInvoke;
      runtime.invokeConsumer = originalConsumer;
      const totalKvs = runtime.stats().kvsOperations - kvsAtStart;
      const ids = [...kvs.keys()];
      const totalRuns = [...runs.values()].reduce((a, b) => a + b, 0);
      const exact = ids.filter((id) => !blurred.has(id));
      return {
        workerRuns: spread(
          ids.map((id) => runs.get(id) ?? 0),
          totalRuns / emails,
        ),
        kvsOperations: spread(
          exact.map((id) => kvs.get(id) ?? 0),
          totalKvs / emails,
        ),
        exactlyCounted: exact.length,
        totalKvs,
        byKind: [...kinds.entries()]
          .map(([kind, count]): [string, number] => [kind, Math.round((count / emails) * 100) / 100])
          .sort((a, b) => b[1] - a[1]),
      };
    },
  };
};

import { useCallback, useEffect, useState } from 'react';

import type { ResolverError, ResolverResult } from '../../src/contract';

/** Data a section loads: still loading, refused with the resolver's error, or there. */
export type Loadable<T> =
  { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'loaded'; data: T };

export const loadableOf = <T>(result: ResolverResult<T>): Loadable<T> =>
  result.ok ? { state: 'loaded', data: result.data } : { state: 'failed', error: result.error };

/**
 * What a resolver answers for `key` (an id; '' for none), read when the key first shows and again on `retry`.
 * Loading until the answer for this key and attempt arrives; an older key's answer is never shown. `read` must be
 * stable (module-level).
 */
export const useResolverLoad = <T>(key: string, read: (key: string) => Promise<ResolverResult<T>>) => {
  const [attempt, setAttempt] = useState(0);
  const request = `${attempt}:${key}`;
  const [answer, setAnswer] = useState<{ request: string; load: Loadable<T> } | null>(null);

  useEffect(() => {
    let current = true;
    void read(key).then((result) => {
      if (current) setAnswer({ request, load: loadableOf(result) });
    });
    return () => {
      current = false;
    };
  }, [request, key, read]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  const load: Loadable<T> = answer?.request === request ? answer.load : { state: 'loading' };
  return { load, retry };
};

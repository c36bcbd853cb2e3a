import { useCallback, useEffect, useState } from 'react';

import type { AutomationActionOptions } from '../../../src/contract/automation-action';
import type { ResolverError } from '../../../src/contract/result';
import { getActionOptions } from './invokes';

export type ActionOptionsLoad =
  | { state: 'loading' }
  | { state: 'loaded'; options: AutomationActionOptions }
  | { state: 'failed'; error: ResolverError };

/** The templates and credentials the selects offer, with "Try again" after a failure. */
export const useActionOptions = (): { load: ActionOptionsLoad; retry: () => void } => {
  const [load, setLoad] = useState<ActionOptionsLoad>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let active = true;
    setLoad({ state: 'loading' });
    void getActionOptions().then((result) => {
      if (!active) return;
      setLoad(result.ok ? { state: 'loaded', options: result.data } : { state: 'failed', error: result.error });
    });
    return () => {
      active = false;
    };
  }, [attempt]);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { load, retry };
};

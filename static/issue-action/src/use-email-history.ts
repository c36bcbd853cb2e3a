import { useCallback, useEffect, useRef, useState } from 'react';

import type { EmailHistoryEntry } from '../../../src/contract/issue-email';
import type { ResolverError } from '../../../src/contract/result';
import { listEmailHistory } from './invokes';

export type HistoryState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; entries: EmailHistoryEntry[] }
  | { status: 'failed'; error: ResolverError };

/** The sent emails, asked the first time the History tab opens (most people never open it). */
export const useEmailHistory = (wanted: boolean) => {
  const [state, setState] = useState<HistoryState>({ status: 'idle' });
  const latest = useRef(0);
  const asked = useRef(false);

  const fetchHistory = useCallback(async () => {
    const request = ++latest.current;
    asked.current = true;
    const result = await listEmailHistory();
    if (request !== latest.current) return;
    setState(result.ok ? { status: 'ready', entries: result.data } : { status: 'failed', error: result.error });
  }, []);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    await fetchHistory();
  }, [fetchHistory]);

  useEffect(() => {
    if (wanted && !asked.current) void fetchHistory();
  }, [wanted, fetchHistory]);

  useEffect(
    () => () => {
      latest.current++;
    },
    [],
  );

  /**
   * The history changed (an email was sent or failed): read it again now if it was read before, so an open
   * History tab shows the email; otherwise it is read when the tab first opens anyway.
   */
  const refresh = useCallback(() => {
    if (asked.current) void load();
  }, [load]);

  // Wanted and not read yet: the first read is under way.
  const shown: HistoryState = wanted && state.status === 'idle' ? { status: 'loading' } : state;
  return { state: shown, reload: load, refresh };
};

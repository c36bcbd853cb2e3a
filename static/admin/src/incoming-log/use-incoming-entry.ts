import { useCallback, useEffect, useRef, useState } from 'react';

import type { IncomingLogEntry, ResolverError } from '../../../../src/contract';
import { getIncomingLogEntry, processIncomingAgain } from '../shared/invokes';
import { INCOMING_STATUS_LABELS } from './incoming-status';

/** How often an open message that is still being processed is read again. */
export const INCOMING_REFRESH_MS = 2000;

export type IncomingEntryLoad =
  { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'loaded'; entry: IncomingLogEntry };

export type ProcessAgainState =
  { state: 'idle' } | { state: 'asking' } | { state: 'queued' } | { state: 'failed'; error: ResolverError };

/**
 * One message of the incoming log. While it is `processing` it is read again every INCOMING_REFRESH_MS until it
 * ends or the panel closes; every entry read is handed to `onEntry` too, so the table's row says the same.
 */
export const useIncomingEntry = (messageKey: string, onEntry: (entry: IncomingLogEntry) => void) => {
  const [load, setLoad] = useState<IncomingEntryLoad>({ state: 'loading' });
  const [again, setAgain] = useState<ProcessAgainState>({ state: 'idle' });
  const [refreshError, setRefreshError] = useState<ResolverError | null>(null);
  /** Read by screen readers when a refresh changes the status. */
  const [announcement, setAnnouncement] = useState('');
  const [tries, setTries] = useState(0);
  const onEntryRef = useRef(onEntry);
  const live = useRef(true);

  useEffect(() => {
    onEntryRef.current = onEntry;
  }, [onEntry]);

  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const show = useCallback((entry: IncomingLogEntry) => {
    if (!live.current) return;
    setLoad({ state: 'loaded', entry });
    onEntryRef.current(entry);
  }, []);

  useEffect(() => {
    void getIncomingLogEntry(messageKey).then((result) => {
      if (!live.current) return;
      if (result.ok) show(result.data);
      else setLoad({ state: 'failed', error: result.error });
    });
  }, [messageKey, tries, show]);

  const entry = load.state === 'loaded' ? load.entry : null;

  // Each answer (or failure) is a new object, which schedules the next read; an ended message schedules none.
  useEffect(() => {
    if (entry?.status !== 'processing') return;
    const timer = setTimeout(() => {
      void getIncomingLogEntry(entry.messageKey).then((result) => {
        if (!live.current) return;
        setRefreshError(result.ok ? null : result.error);
        if (!result.ok) return;
        if (result.data.status !== entry.status) {
          setAnnouncement(`Result: ${INCOMING_STATUS_LABELS[result.data.status]}`);
        }
        show(result.data);
      });
    }, INCOMING_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [entry, refreshError, show]);

  const processAgain = async () => {
    if (!entry || again.state === 'asking') return;
    setAgain({ state: 'asking' });
    const result = await processIncomingAgain(entry.messageKey);
    if (!live.current) return;
    if (result.ok) {
      setAgain({ state: 'queued' });
      show(result.data);
    } else {
      setAgain({ state: 'failed', error: result.error });
    }
  };

  return {
    load,
    again,
    refreshError,
    announcement,
    processAgain,
    retry: () => {
      setLoad({ state: 'loading' });
      setTries((count) => count + 1);
    },
  };
};

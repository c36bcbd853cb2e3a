import { useCallback, useEffect, useRef, useState } from 'react';

import type { EmailLogEntry, ResolverError } from '../../../../src/contract';
import { getEmailLogEntry, resendEmail } from '../shared/invokes';
import { DELIVERY_STATUS_LABELS, isInFlight } from './delivery-status';

/** How often an open email that is still on its way is asked for again. */
export const ENTRY_REFRESH_MS = 2000;

export type EntryLoad =
  { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'loaded'; entry: EmailLogEntry };

export type ResendState =
  | { state: 'idle' }
  | { state: 'resending' }
  | { state: 'resent' }
  /** The backend saw nothing changed since the email failed: the admin confirms with "Resend anyway". */
  | { state: 'unchanged'; error: ResolverError }
  | { state: 'failed'; error: ResolverError };

/** The backend's answer to "Resend" of an email that would most likely fail the same way. */
export const RESEND_UNCHANGED = 'EMAIL_RESEND_UNCHANGED';

/**
 * One email of the log with its events. While the outbox still owns it (queued, sending, retrying) it is asked for
 * again every ENTRY_REFRESH_MS until it is sent or failed, or the panel closes. Every entry it receives is also
 * handed to `onEntry`, so the table's row shows the same status.
 */
export const useEmailLogEntry = (emailId: string, onEntry: (entry: EmailLogEntry) => void) => {
  const [load, setLoad] = useState<EntryLoad>({ state: 'loading' });
  const [resend, setResend] = useState<ResendState>({ state: 'idle' });
  /** A refresh that failed: the entry stays on screen and the next refresh is tried all the same. */
  const [refreshError, setRefreshError] = useState<ResolverError | null>(null);
  /** Read by screen readers when a refresh changes the status. */
  const [announcement, setAnnouncement] = useState('');
  const [attempt, setAttempt] = useState(0);
  const onEntryRef = useRef(onEntry);
  const mounted = useRef(true);

  useEffect(() => {
    onEntryRef.current = onEntry;
  }, [onEntry]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const show = useCallback((entry: EmailLogEntry) => {
    setLoad({ state: 'loaded', entry });
    onEntryRef.current(entry);
  }, []);

  // Another email, or "Try again", shows as loading at once (adjusted during render, as React's docs advise).
  const request = `${attempt}:${emailId}`;
  const [shownRequest, setShownRequest] = useState(request);
  if (request !== shownRequest) {
    setShownRequest(request);
    setLoad({ state: 'loading' });
  }

  useEffect(() => {
    let current = true;
    void getEmailLogEntry(emailId).then((result) => {
      if (!current) return;
      if (result.ok) show(result.data);
      else setLoad({ state: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [emailId, attempt, show]);

  const entry = load.state === 'loaded' ? load.entry : null;

  // Each answer (or failure) is a new object, which schedules the next refresh; a final status schedules none.
  useEffect(() => {
    if (!entry || !isInFlight(entry.status)) return;
    let current = true;
    const refresh = async () => {
      const result = await getEmailLogEntry(entry.emailId);
      if (!current) return;
      if (!result.ok) {
        setRefreshError(result.error);
        return;
      }
      setRefreshError(null);
      if (result.data.status !== entry.status) {
        setAnnouncement(`Status: ${DELIVERY_STATUS_LABELS[result.data.status]}`);
      }
      show(result.data);
    };
    const timer = setTimeout(() => void refresh(), ENTRY_REFRESH_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [entry, refreshError, show]);

  const onResend = async (anyway = false) => {
    if (!entry || resend.state === 'resending') return;
    setResend({ state: 'resending' });
    const result = await resendEmail(entry.emailId, anyway);
    if (!mounted.current) return;
    if (result.ok) {
      setResend({ state: 'resent' });
      show(result.data);
    } else if (result.error.code === RESEND_UNCHANGED && !anyway) {
      setResend({ state: 'unchanged', error: result.error });
    } else {
      setResend({ state: 'failed', error: result.error });
    }
  };

  return {
    load,
    resend,
    refreshError,
    announcement,
    onResend,
    cancelResend: () => setResend({ state: 'idle' }),
    retry: () => setAttempt((count) => count + 1),
  };
};

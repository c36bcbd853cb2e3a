import { useCallback, useRef, useState } from 'react';

import {
  type AdminWarnings,
  CommonErrorCode,
  type CredentialView,
  type ResolverError,
  type ResolverResult,
} from '../../../../src/contract';
import type { Loadable } from '../../../shared/loadable';
import { loadPart } from '../shared/invokes';

export type CredentialListLoad =
  { state: 'idle' } | { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'loaded' };

/**
 * The stored credentials and the warnings banner's findings, for the whole page. Warnings load when the page
 * opens (`start`: the banner sits above every tab); the list only once a tab that shows it asks (`want`), so a page
 * opened on another tab does not fetch it. Asked for in the same turn as the first tab's data, they come in the
 * page's one opening call. `refused` is set when the caller is no Jira admin.
 */
export const useCredentialList = () => {
  const [load, setLoad] = useState<CredentialListLoad>({ state: 'idle' });
  const [credentials, setCredentials] = useState<CredentialView[]>([]);
  const [warnings, setWarnings] = useState<AdminWarnings | null>(null);
  const [warningsError, setWarningsError] = useState<ResolverError | null>(null);
  const [refused, setRefused] = useState<ResolverError | null>(null);
  /** Whether a list was ever shown: a later failure is a notice, not a failed section. */
  const loaded = useRef(false);
  const wanted = useRef(false);
  const started = useRef(false);

  const takeWarnings = useCallback((answer: ResolverResult<AdminWarnings>) => {
    if (answer.ok) {
      setWarnings(answer.data);
      setWarningsError(null);
    } else if (answer.error.code === CommonErrorCode.NotAdmin) {
      setRefused(answer.error);
    } else {
      setWarningsError(answer.error);
    }
  }, []);

  /** Loads the list (and, after a change, the warnings it may have changed); answers the error of a failed reload. */
  const loadList = useCallback(
    async (withWarnings: boolean): Promise<ResolverError | null> => {
      const [list, warningList] = await Promise.all([
        loadPart('credentials'),
        withWarnings ? loadPart('warnings') : null,
      ]);
      if (warningList) takeWarnings(warningList);
      if (!list.ok) {
        if (list.error.code === CommonErrorCode.NotAdmin) setRefused(list.error);
        else if (!loaded.current) setLoad({ state: 'failed', error: list.error });
        return loaded.current ? list.error : null;
      }
      loaded.current = true;
      setCredentials(list.data);
      setLoad({ state: 'loaded' });
      return null;
    },
    [takeWarnings],
  );

  /** The page is open on a tab: the warnings, once. */
  const start = useCallback(() => {
    if (started.current) return;
    started.current = true;
    void loadPart('warnings').then(takeWarnings);
  }, [takeWarnings]);

  const want = useCallback(() => {
    if (wanted.current) return;
    wanted.current = true;
    setLoad({ state: 'loading' });
    void loadList(false);
  }, [loadList]);

  const retry = useCallback(() => {
    setLoad({ state: 'loading' });
    void loadList(false);
  }, [loadList]);

  /** After a change: the list and the warnings again. */
  const refresh = useCallback(() => loadList(true), [loadList]);

  const loadable: Loadable<CredentialView[]> =
    load.state === 'loaded'
      ? { state: 'loaded', data: credentials }
      : load.state === 'failed'
        ? { state: 'failed', error: load.error }
        : { state: 'loading' };

  return {
    load,
    credentials,
    setCredentials,
    warnings,
    warningsError,
    refused,
    start,
    want,
    retry,
    refresh,
    loadable,
  };
};

export type CredentialListState = ReturnType<typeof useCredentialList>;

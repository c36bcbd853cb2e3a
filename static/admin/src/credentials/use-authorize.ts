import { router } from '@forge/bridge';
import { useCallback, useEffect, useRef, useState } from 'react';

import type { CredentialAuthorization, CredentialView } from '../../../../src/contract';
import { beginAuthorization, listCredentials } from '../shared/invokes';

/** How often the page asks whether the sign-in in the other window has finished. */
export const AUTHORIZE_POLL_MS = 2000;

export const NOT_OPENED_MESSAGE = 'The sign-in window was not opened. Press Authorize to try again.';
export const GONE_MESSAGE = 'The credential was deleted while the sign-in was open.';

/** One Authorize, from the press to its end: the mailbox that was connected, a time-out, or why it could not start. */
export type AuthorizeFlow = { id: string; name: string } & (
  | { phase: 'starting' | 'waiting' | 'timed-out' }
  | { phase: 'connected'; authorization: CredentialAuthorization }
  | { phase: 'failed'; message: string }
);

interface AuthorizeOptions {
  /** The credential as listed once its new authorization shows. */
  onAuthorized: (credential: CredentialView) => void;
}

/**
 * Authorize for a saved authorization code credential: `beginAuthorization` makes the sign-in URL (one-time state,
 * PKCE), `router.open` opens it in a new window, and the page then reads the credentials every 2 s until the
 * credential's `authorizedAt` changes (the web trigger finished) or the sign-in's `expiresAt` passes. Polling ends
 * when the component using it goes (the form closes) or another Authorize starts.
 */
export const useAuthorize = ({ onAuthorized }: AuthorizeOptions) => {
  const [flow, setFlow] = useState<AuthorizeFlow | null>(null);
  /** Bumped to end the running flow: its pending answers are then ignored and its timer cleared. */
  const run = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The latest callback, for a poll that began several renders ago. */
  const onAuthorizedRef = useRef(onAuthorized);
  useEffect(() => {
    onAuthorizedRef.current = onAuthorized;
  });

  const stop = useCallback(() => {
    run.current += 1;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  useEffect(() => stop, [stop]);

  const authorize = useCallback(
    async (credential: CredentialView) => {
      stop();
      const current = run.current;
      const { id, name } = credential;
      const before = credential.authorization?.authorizedAt;
      setFlow({ id, name, phase: 'starting' });
      const begun = await beginAuthorization(id);
      if (current !== run.current) return;
      if (!begun.ok) {
        setFlow({ id, name, phase: 'failed', message: begun.error.message });
        return;
      }
      try {
        // An external URL: the product asks the admin before it opens the new window, and a refusal rejects
        // (https://developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/router/, "open"; read as
        // https://developer.atlassian.com/platform/forge/custom-ui-bridge/router/). The local host opens it with
        // window.open (local/host/browser/host-page.ts, 'navigate' with type 'new-tab').
        await router.open(begun.data.url);
      } catch {
        if (current === run.current) setFlow({ id, name, phase: 'failed', message: NOT_OPENED_MESSAGE });
        return;
      }
      if (current !== run.current) return;
      setFlow({ id, name, phase: 'waiting' });
      const deadline = Date.parse(begun.data.expiresAt);

      const poll = async () => {
        timer.current = null;
        const listed = await listCredentials();
        if (current !== run.current) return;
        // A failed read is retried on the next turn: the sign-in may still finish.
        const found = listed.ok ? listed.data.find((item) => item.id === id) : credential;
        if (!found) {
          setFlow({ id, name, phase: 'failed', message: GONE_MESSAGE });
          return;
        }
        if (found.authorization && found.authorization.authorizedAt !== before) {
          setFlow({ id, name, phase: 'connected', authorization: found.authorization });
          onAuthorizedRef.current(found);
          return;
        }
        if (Date.now() >= deadline) {
          setFlow({ id, name, phase: 'timed-out' });
          return;
        }
        timer.current = setTimeout(() => void poll(), AUTHORIZE_POLL_MS);
      };
      timer.current = setTimeout(() => void poll(), AUTHORIZE_POLL_MS);
    },
    [stop],
  );

  const dismiss = useCallback(() => {
    stop();
    setFlow(null);
  }, [stop]);

  return { flow, authorize, dismiss };
};

export type AuthorizeState = ReturnType<typeof useAuthorize>;

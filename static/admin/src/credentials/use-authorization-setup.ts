import { useCallback, useRef, useState } from 'react';

import type { AuthorizationSetup } from '../../../../src/contract';
import { type Loadable, loadableOf } from '../../../shared/loadable';
import { getAuthorizationSetup } from '../shared/invokes';

/**
 * The Redirect URI and delegated scopes, read once for the page the first time a form shows the authorization code
 * grant (they are this installation's, the same for every credential), and again only after a failed read.
 */
export const useAuthorizationSetup = () => {
  const [load, setLoad] = useState<Loadable<AuthorizationSetup> | null>(null);
  const asked = useRef(false);

  const read = useCallback(() => {
    asked.current = true;
    setLoad({ state: 'loading' });
    void getAuthorizationSetup().then((result) => setLoad(loadableOf(result)));
  }, []);

  const want = useCallback(() => {
    if (!asked.current) read();
  }, [read]);

  return { load: load ?? ({ state: 'loading' } as const), want, retry: read };
};

export type AuthorizationSetupState = ReturnType<typeof useAuthorizationSetup>;

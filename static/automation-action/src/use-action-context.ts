import { useEffect, useState } from 'react';

import type { ActionContext } from './action-inputs';
import { loadActionContext } from './bridge-calls';

export type ActionContextLoad =
  { state: 'loading' } | { state: 'loaded'; context: ActionContext } | { state: 'failed' };

/** The rule's configuration as Automation hands it to the form, read once when the form opens. */
export const useActionContext = (): ActionContextLoad => {
  const [load, setLoad] = useState<ActionContextLoad>({ state: 'loading' });
  useEffect(() => {
    let active = true;
    loadActionContext().then(
      (context) => active && setLoad({ state: 'loaded', context }),
      () => active && setLoad({ state: 'failed' }),
    );
    return () => {
      active = false;
    };
  }, []);
  return load;
};

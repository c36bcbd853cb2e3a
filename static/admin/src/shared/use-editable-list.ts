import { useCallback, useState } from 'react';

import type { Loadable } from '../../../shared/loadable';

/**
 * A list the admin edits in place (rules, handlers): loaded once, then each saved item merged in by `merge` (a
 * module-level function, so the callbacks stay stable) and each deleted one taken out, without reading it all again.
 */
export const useEditableList = <T extends { id: string }>(merge: (list: T[], item: T) => T[]) => {
  const [list, setList] = useState<Loadable<T[]>>({ state: 'loading' });
  const upsert = useCallback(
    (item: T) =>
      setList((current) => (current.state === 'loaded' ? { ...current, data: merge(current.data, item) } : current)),
    [merge],
  );
  const remove = useCallback(
    (id: string) =>
      setList((current) =>
        current.state === 'loaded' ? { ...current, data: current.data.filter((item) => item.id !== id) } : current,
      ),
    [],
  );
  return { list, setList, upsert, remove };
};

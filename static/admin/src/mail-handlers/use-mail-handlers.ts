import { useCallback, useEffect, useState } from 'react';

import type { MailHandlerView, ProjectRef } from '../../../../src/contract';
import { type Loadable, loadableOf } from '../../../shared/loadable';
import { loadPart } from '../shared/invokes';
import { upsertHandler } from './mail-handler-state';

/** One resolver call: both parts are asked for in one turn. */
const readAll = () => Promise.all([loadPart('mailHandlers'), loadPart('handlerProjects')]);

/** The stored mail handlers, with the projects the app can see for the form; either may fail on its own. */
export const useMailHandlers = () => {
  const [handlers, setHandlers] = useState<Loadable<MailHandlerView[]>>({ state: 'loading' });
  const [projects, setProjects] = useState<Loadable<ProjectRef[]>>({ state: 'loading' });

  const show = useCallback(([handlerList, projectList]: Awaited<ReturnType<typeof readAll>>) => {
    setHandlers(loadableOf(handlerList));
    setProjects(loadableOf(projectList));
  }, []);

  const refresh = useCallback(async () => {
    setHandlers({ state: 'loading' });
    show(await readAll());
  }, [show]);

  useEffect(() => {
    void readAll().then(show);
  }, [show]);

  const upsert = useCallback(
    (handler: MailHandlerView) =>
      setHandlers((current) =>
        current.state === 'loaded' ? { ...current, data: upsertHandler(current.data, handler) } : current,
      ),
    [],
  );
  const remove = useCallback(
    (id: string) =>
      setHandlers((current) =>
        current.state === 'loaded' ? { ...current, data: current.data.filter((item) => item.id !== id) } : current,
      ),
    [],
  );

  return { handlers, projects, refresh, upsert, remove };
};

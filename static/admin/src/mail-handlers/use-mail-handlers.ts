import { useCallback, useEffect, useState } from 'react';

import type { MailHandlerView, ProjectRef } from '../../../../src/contract';
import { type Loadable, loadableOf } from '../../../shared/loadable';
import { loadPart } from '../shared/invokes';
import { useEditableList } from '../shared/use-editable-list';
import { upsertHandler } from './mail-handler-state';

/** One resolver call: both parts are asked for in one turn. */
const readAll = () => Promise.all([loadPart('mailHandlers'), loadPart('handlerProjects')]);

/** The stored mail handlers, with the projects the app can see for the form; either may fail on its own. */
export const useMailHandlers = () => {
  const { list: handlers, setList: setHandlers, upsert, remove } = useEditableList<MailHandlerView>(upsertHandler);
  const [projects, setProjects] = useState<Loadable<ProjectRef[]>>({ state: 'loading' });

  const show = useCallback(
    ([handlerList, projectList]: Awaited<ReturnType<typeof readAll>>) => {
      setHandlers(loadableOf(handlerList));
      setProjects(loadableOf(projectList));
    },
    [setHandlers],
  );

  const refresh = useCallback(async () => {
    setHandlers({ state: 'loading' });
    show(await readAll());
  }, [show, setHandlers]);

  useEffect(() => {
    void readAll().then(show);
  }, [show]);

  return { handlers, projects, refresh, upsert, remove };
};

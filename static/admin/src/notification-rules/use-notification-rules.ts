import { useCallback, useEffect, useState } from 'react';

import type { JiraFieldRef, NotificationRuleView, ProjectRef, StatusRef } from '../../../../src/contract';
import { type Loadable, loadableOf } from '../../../shared/loadable';
import { loadPart } from '../shared/invokes';
import { useEditableList } from '../shared/use-editable-list';
import { upsertRule } from './notification-rule-state';

/** One resolver call: the four parts are asked for in one turn. */
const readAll = () =>
  Promise.all([loadPart('rules'), loadPart('statuses'), loadPart('projects'), loadPart('jiraFields')]);

/**
 * The stored notification rules, with Jira's statuses and projects for the rule form. Statuses or projects that
 * fail to load leave the rules (and the rest of the form) usable.
 */
export const useNotificationRules = () => {
  const { list: rules, setList: setRules, upsert, remove } = useEditableList<NotificationRuleView>(upsertRule);
  const [statuses, setStatuses] = useState<Loadable<StatusRef[]>>({ state: 'loading' });
  const [projects, setProjects] = useState<Loadable<ProjectRef[]>>({ state: 'loading' });
  const [fields, setFields] = useState<Loadable<JiraFieldRef[]>>({ state: 'loading' });

  /** Shows what was read; the state was already 'loading' (the first read) or set so by `refresh`. */
  const show = useCallback(
    ([ruleList, statusList, projectList, fieldList]: Awaited<ReturnType<typeof readAll>>) => {
      setFields(loadableOf(fieldList));
      setRules(loadableOf(ruleList));
      setStatuses(loadableOf(statusList));
      setProjects(loadableOf(projectList));
    },
    [setRules],
  );

  const refresh = useCallback(async () => {
    setRules({ state: 'loading' });
    show(await readAll());
  }, [show, setRules]);

  useEffect(() => {
    void readAll().then(show);
  }, [show]);

  return { rules, statuses, projects, fields, refresh, upsert, remove };
};

export type NotificationRulesState = ReturnType<typeof useNotificationRules>;

import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';

import type { GroupRef, ProjectRef, ResolverError, RoleRef } from '../../../../src/contract';
import { type Loadable, loadableOf } from '../../../shared/loadable';
import { loadPart, saveMailSettings } from '../shared/invokes';
import {
  hasSettingsErrors,
  NO_SETTINGS_ERRORS,
  type ProjectSenderRow,
  type ProjectTemplateRow,
  rowFieldId,
  sameSettings,
  type SettingsErrors,
  settingsErrorsFromServer,
  type SettingsField,
  settingsFieldId,
  type SettingsFormValues,
  settingsValuesFrom,
  toMailSettings,
  validateSettings,
  type WhoMaySendMode,
  withChosen,
  withoutChosen,
} from './settings-state';
import { type UnaddedText, unaddedTextErrors } from './unadded-text';

export type SettingsNotice = { kind: 'saved' } | { kind: 'error'; error: ResolverError } | null;

/** Where focus goes after a refused save: the first control with a message, in the order they appear. */
const firstErrorId = (values: SettingsFormValues, errors: SettingsErrors): string | null => {
  const fields = errors.fields;
  if (fields.commentAfterSend) return settingsFieldId('commentAfterSend');
  if (fields.whoMaySend) return `${settingsFieldId('whoMaySend')}-${values.mode}`;
  if (values.mode === 'restricted' && fields.groups) return settingsFieldId('groups');
  if (values.mode === 'restricted' && fields.projectRoles) return settingsFieldId('projectRoles');
  for (const row of values.rows) {
    const rowErrors = errors.rows[row.key];
    if (rowErrors?.projectKey) return rowFieldId(row.key, 'projectKey');
    if (rowErrors?.templateId) return rowFieldId(row.key, 'templateId');
  }
  if (fields.projectTemplates) return ADD_ROW_BUTTON;
  if (fields.automationCredentialIds) return settingsFieldId('automationCredentialIds');
  if (fields.senderCredentialIds) return settingsFieldId('senderCredentialIds');
  const senderRow = values.senderRows.find((row) => errors.rows[row.key]?.projectKey);
  if (senderRow) return rowFieldId(senderRow.key, 'projectKey');
  if (fields.projectSenders) return ADD_SENDER_ROW_BUTTON;
  return null;
};

export const ADD_ROW_BUTTON = 'settings-add-project-template';
export const ADD_SENDER_ROW_BUTTON = 'settings-add-project-senders';

/**
 * The sending settings form: the stored settings with the site's project roles and projects to choose from, the
 * admin's edits, and Save. Roles or projects that fail to load leave the rest of the form usable.
 */
export const useMailSettings = () => {
  const [load, setLoad] = useState<Loadable<null>>({ state: 'loading' });
  const [roles, setRoles] = useState<Loadable<RoleRef[]>>({ state: 'loading' });
  const [projects, setProjects] = useState<Loadable<ProjectRef[]>>({ state: 'loading' });
  const [values, setValues] = useState<SettingsFormValues | null>(null);
  const [savedValues, setSavedValues] = useState<SettingsFormValues | null>(null);
  const [errors, setErrors] = useState<SettingsErrors>(NO_SETTINGS_ERRORS);
  const [notice, setNotice] = useState<SettingsNotice>(null);
  const [saving, setSaving] = useState(false);
  const [focusAfter, setFocusAfter] = useState<string | null>(null);
  const [typed, setTypedText] = useState<UnaddedText>({});
  const rowCount = useRef(0);
  const newKey = () => `row${++rowCount.current}`;

  const refresh = useCallback(async () => {
    setLoad({ state: 'loading' });
    const [settings, roleList, projectList] = await Promise.all([
      loadPart('mailSettings'),
      loadPart('projectRoles'),
      loadPart('projects'),
    ]);
    setRoles(loadableOf(roleList));
    setProjects(loadableOf(projectList));
    if (!settings.ok) {
      setLoad({ state: 'failed', error: settings.error });
      return;
    }
    const loaded = settingsValuesFrom(settings.data, newKey);
    setValues(loaded);
    setSavedValues(loaded);
    setLoad({ state: 'loaded', data: null });
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (focusAfter === null) return;
    document.getElementById(focusAfter)?.focus();
    setFocusAfter(null);
  }, [focusAfter, values]);

  const edit = (change: (current: SettingsFormValues) => SettingsFormValues, clears: SettingsField[]) => {
    setValues((current) => current && change(current));
    setNotice(null);
    setErrors((current) => {
      const fields = { ...current.fields };
      for (const field of clears) delete fields[field];
      return { ...current, fields };
    });
  };

  const editRow = (key: string, change: Partial<Omit<ProjectTemplateRow, 'key'>>) => {
    setValues(
      (current) =>
        current && { ...current, rows: current.rows.map((row) => (row.key === key ? { ...row, ...change } : row)) },
    );
    setNotice(null);
    setErrors((current) => {
      const { [key]: rowErrors, ...rows } = current.rows;
      const left = { ...rowErrors };
      for (const field of Object.keys(change) as Array<keyof typeof change>) delete left[field];
      return { ...current, rows: Object.keys(left).length > 0 ? { ...rows, [key]: left } : rows };
    });
  };

  const editSenderRow = (key: string, change: (row: ProjectSenderRow) => ProjectSenderRow) => {
    edit(
      (current) => ({ ...current, senderRows: current.senderRows.map((row) => (row.key === key ? change(row) : row)) }),
      ['projectSenders'],
    );
    setErrors(({ rows: { [key]: _edited, ...rows }, ...rest }) => ({ ...rest, rows }));
  };

  const senderRowActions = {
    addSenderRow: () => {
      const key = newKey();
      edit(
        (current) => ({ ...current, senderRows: [...current.senderRows, { key, projectKey: '', credentialIds: [] }] }),
        ['projectSenders'],
      );
      setFocusAfter(rowFieldId(key, 'projectKey'));
    },
    setSenderRowProject: (key: string, projectKey: string) => editSenderRow(key, (row) => ({ ...row, projectKey })),
    allowSenderRowMailbox: (key: string, id: string, allowed: boolean) =>
      editSenderRow(key, (row) => ({
        ...row,
        credentialIds: row.credentialIds.filter((chosen) => chosen !== id).concat(allowed ? [id] : []),
      })),
    removeSenderRow: (key: string) => {
      edit(
        (current) => ({ ...current, senderRows: current.senderRows.filter((row) => row.key !== key) }),
        ['projectSenders'],
      );
      setErrors(({ rows: { [key]: _removed, ...rows }, ...rest }) => ({ ...rest, rows }));
      setFocusAfter(ADD_SENDER_ROW_BUTTON);
    },
  };

  const actions = {
    setCommentAfterSend: (commentAfterSend: boolean) =>
      edit((current) => ({ ...current, commentAfterSend }), ['commentAfterSend']),
    setMode: (mode: WhoMaySendMode) => edit((current) => ({ ...current, mode }), ['whoMaySend']),
    addGroup: (group: GroupRef) =>
      edit((current) => ({ ...current, groups: withChosen(current.groups, group) }), ['groups', 'whoMaySend']),
    removeGroup: (id: string) =>
      edit((current) => ({ ...current, groups: withoutChosen(current.groups, id) }), ['groups']),
    addRole: (role: RoleRef) =>
      edit(
        (current) => ({ ...current, projectRoles: withChosen(current.projectRoles, role) }),
        ['projectRoles', 'whoMaySend'],
      ),
    allowRuleMailbox: (id: string, allowed: boolean) =>
      edit(
        (current) => ({
          ...current,
          automationCredentialIds: current.automationCredentialIds
            .filter((chosen) => chosen !== id)
            .concat(allowed ? [id] : []),
        }),
        ['automationCredentialIds'],
      ),
    allowPeopleMailbox: (id: string, allowed: boolean) =>
      edit(
        (current) => ({
          ...current,
          senderCredentialIds: current.senderCredentialIds
            .filter((chosen) => chosen !== id)
            .concat(allowed ? [id] : []),
        }),
        ['senderCredentialIds'],
      ),
    removeRole: (id: number) =>
      edit((current) => ({ ...current, projectRoles: withoutChosen(current.projectRoles, id) }), ['projectRoles']),
    addRow: () => {
      const key = newKey();
      edit(
        (current) => ({ ...current, rows: [...current.rows, { key, projectKey: '', templateId: '' }] }),
        ['projectTemplates'],
      );
      setFocusAfter(rowFieldId(key, 'projectKey'));
    },
    editRow,
    setTyped: (field: 'groups' | 'projectRoles', text: string) => {
      setTypedText((current) => ({ ...current, [field]: text }));
      setErrors((current) => {
        const { [field]: _cleared, ...fields } = current.fields;
        return { ...current, fields };
      });
    },
    removeRow: (key: string) => {
      edit((current) => ({ ...current, rows: current.rows.filter((row) => row.key !== key) }), ['projectTemplates']);
      setErrors(({ rows: { [key]: _removed, ...rows }, ...rest }) => ({ ...rest, rows }));
      setFocusAfter(ADD_ROW_BUTTON);
    },
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving || !values) return;
    setNotice(null);
    const validated = validateSettings(values);
    // Text left in a picker is refused, not saved without it: the admin may have meant to add it.
    const clientErrors = { ...validated, fields: { ...validated.fields, ...unaddedTextErrors(values.mode, typed) } };
    if (hasSettingsErrors(clientErrors)) {
      setErrors(clientErrors);
      setFocusAfter(firstErrorId(values, clientErrors));
      return;
    }
    const { settings, rowKeys, senderRowKeys } = toMailSettings(values);
    setSaving(true);
    const result = await saveMailSettings(settings);
    setSaving(false);
    if (result.ok) {
      const saved = settingsValuesFrom(result.data, newKey);
      // Edits made while the save ran stay; otherwise the form shows what was stored.
      setValues((current) => (current && !sameSettings(current, values) ? current : saved));
      setSavedValues(saved);
      setErrors(NO_SETTINGS_ERRORS);
      setNotice({ kind: 'saved' });
      return;
    }
    const serverErrors = settingsErrorsFromServer(result.error.fieldErrors, rowKeys, senderRowKeys);
    setErrors(serverErrors);
    setNotice({ kind: 'error', error: result.error });
    setFocusAfter(firstErrorId(values, serverErrors));
  };

  const dirty = values !== null && savedValues !== null && !sameSettings(values, savedValues);

  return {
    load,
    roles,
    projects,
    values,
    errors,
    notice,
    saving,
    dirty,
    refresh,
    onSubmit,
    ...actions,
    ...senderRowActions,
  };
};

export type MailSettingsForm = ReturnType<typeof useMailSettings>;

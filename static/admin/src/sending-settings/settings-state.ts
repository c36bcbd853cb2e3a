import { type GroupRef, type MailSettings, mailSettingsSchema, type RoleRef } from '../../../../src/contract';
import type { FieldErrors } from '../../../shared/field-errors';

export type WhoMaySendMode = MailSettings['whoMaySend']['mode'];

/** One "Default template per project" row; `key` identifies the row while the admin edits. */
export interface ProjectTemplateRow {
  key: string;
  projectKey: string;
  templateId: string;
}

/** One "Other mailboxes for a project" row: the credentials besides the default that project's people may use. */
export interface ProjectSenderRow {
  key: string;
  projectKey: string;
  credentialIds: string[];
}

/**
 * The settings form as its controls hold it. Groups and roles are kept while "Everyone" is chosen, so switching
 * back and forth loses nothing; they are saved only with the restricted mode.
 */
export interface SettingsFormValues {
  commentAfterSend: boolean;
  mode: WhoMaySendMode;
  groups: GroupRef[];
  projectRoles: RoleRef[];
  rows: ProjectTemplateRow[];
  /** Credentials besides the default that Automation rules may send from, in the order the admin chose them. */
  automationCredentialIds: string[];
  /** Credentials besides the default whose mailboxes people may choose as From in "Email this issue". */
  senderCredentialIds: string[];
  /** Projects with their own From list instead of `senderCredentialIds`. */
  senderRows: ProjectSenderRow[];
}

export type SettingsField =
  | 'commentAfterSend'
  | 'whoMaySend'
  | 'groups'
  | 'projectRoles'
  | 'projectTemplates'
  | 'automationCredentialIds'
  | 'senderCredentialIds'
  | 'projectSenders';

export interface RowErrors {
  projectKey?: string;
  templateId?: string;
}

export interface SettingsErrors {
  fields: Partial<Record<SettingsField, string>>;
  /** Keyed by row key. */
  rows: Record<string, RowErrors>;
  /** Messages no control shows (an unknown key from a newer backend). */
  other: string[];
}

export const NO_SETTINGS_ERRORS: SettingsErrors = { fields: {}, rows: {}, other: [] };

export const hasSettingsErrors = (errors: SettingsErrors) =>
  Object.keys(errors.fields).length > 0 || Object.keys(errors.rows).length > 0 || errors.other.length > 0;

export const settingsFieldId = (field: SettingsField) => `settings-${field}`;
export const rowFieldId = (rowKey: string, field: keyof RowErrors) => `settings-${field}-${rowKey}`;

export const NOBODY_MAY_SEND_MESSAGE =
  'Choose at least one group or project role, or let everyone who can see the issue send.';
export const CHOOSE_PROJECT_MESSAGE = 'Choose a project.';
export const CHOOSE_TEMPLATE_MESSAGE = 'Choose a template.';
export const duplicateProjectMessage = (projectKey: string) =>
  `${projectKey} already has a default template in a row above.`;

export const settingsValuesFrom = (settings: MailSettings, newKey: () => string): SettingsFormValues => {
  const restricted = settings.whoMaySend.mode === 'restricted' ? settings.whoMaySend : null;
  return {
    commentAfterSend: settings.commentAfterSend,
    mode: settings.whoMaySend.mode,
    groups: restricted ? [...restricted.groups] : [],
    projectRoles: restricted ? [...restricted.projectRoles] : [],
    rows: settings.projectTemplates.map((row) => ({ key: newKey(), ...row })),
    automationCredentialIds: [...settings.automationCredentialIds],
    senderCredentialIds: [...(settings.senderCredentialIds ?? [])],
    senderRows: settings.projectSenders.map((row) => ({
      key: newKey(),
      projectKey: row.projectKey,
      credentialIds: [...row.credentialIds],
    })),
  };
};

const isBlankRow = (row: ProjectTemplateRow) => row.projectKey === '' && row.templateId === '';
const isBlankSenderRow = (row: ProjectSenderRow) => row.projectKey === '' && row.credentialIds.length === 0;
export const duplicateSenderProjectMessage = (projectKey: string) =>
  `${projectKey} already has its mailboxes in a row above.`;

/**
 * The payload for saveMailSettings, and which form row each of its projectTemplates entries came from (rows left
 * blank are dropped, so the indexes the backend names may differ from the form's).
 */
export const toMailSettings = (
  values: SettingsFormValues,
): { settings: MailSettings; rowKeys: string[]; senderRowKeys: string[] } => {
  const rows = values.rows.filter((row) => !isBlankRow(row));
  const senderRows = values.senderRows.filter((row) => !isBlankSenderRow(row));
  return {
    settings: {
      commentAfterSend: values.commentAfterSend,
      whoMaySend:
        values.mode === 'everyone'
          ? { mode: 'everyone' }
          : { mode: 'restricted', groups: values.groups, projectRoles: values.projectRoles },
      projectTemplates: rows.map(({ projectKey, templateId }) => ({ projectKey, templateId })),
      automationCredentialIds: values.automationCredentialIds,
      // Left out while empty: settings saved before the field existed read the same.
      ...(values.senderCredentialIds.length === 0 ? {} : { senderCredentialIds: values.senderCredentialIds }),
      projectSenders: senderRows.map(({ projectKey, credentialIds }) => ({ projectKey, credentialIds })),
    },
    rowKeys: rows.map((row) => row.key),
    senderRowKeys: senderRows.map((row) => row.key),
  };
};

/** `projectTemplates.2.templateId` and `projectTemplates[2].templateId` alike. */
const pathOf = (key: string): string[] => key.split(/[.[\]]+/).filter((part) => part !== '');

/**
 * Places messages keyed by payload path on the form's controls: rows by the payload index `rowKeys` maps back,
 * groups and roles on their pickers, anything else under whoMaySend or projectTemplates on that section.
 */
export const settingsErrorsFromPaths = (
  entries: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>,
  rowKeys: readonly string[],
  senderRowKeys: readonly string[] = [],
): SettingsErrors => {
  const errors: SettingsErrors = { fields: {}, rows: {}, other: [] };
  const setField = (field: SettingsField, message: string) => {
    errors.fields[field] ??= message;
  };
  for (const { path, message } of entries) {
    const [top, second, third] = path.map(String);
    if (top === 'commentAfterSend') setField('commentAfterSend', message);
    else if (top === 'automationCredentialIds') setField('automationCredentialIds', message);
    else if (top === 'senderCredentialIds') setField('senderCredentialIds', message);
    else if (top === 'whoMaySend' && (second === 'groups' || second === 'projectRoles')) setField(second, message);
    else if (top === 'whoMaySend') setField('whoMaySend', message);
    else if (top === 'projectSenders') {
      const rowKey = second !== undefined && /^\d+$/.test(second) ? senderRowKeys[Number(second)] : undefined;
      if (rowKey !== undefined && third === 'projectKey') (errors.rows[rowKey] ??= {}).projectKey ??= message;
      else setField('projectSenders', message);
    } else if (top === 'projectTemplates') {
      const rowKey = second !== undefined && /^\d+$/.test(second) ? rowKeys[Number(second)] : undefined;
      if (rowKey !== undefined && (third === 'projectKey' || third === 'templateId')) {
        const row = (errors.rows[rowKey] ??= {});
        row[third] ??= message;
      } else {
        setField('projectTemplates', message);
      }
    } else if (!errors.other.includes(message)) errors.other.push(message);
  }
  return errors;
};

/** A refused save's fieldErrors on the form's controls. */
export const settingsErrorsFromServer = (
  fieldErrors: FieldErrors | undefined,
  rowKeys: readonly string[],
  senderRowKeys: readonly string[] = [],
): SettingsErrors => {
  const entries = Object.entries(fieldErrors ?? {}).map(([key, message]) => ({ path: pathOf(key), message }));
  return settingsErrorsFromPaths(entries, rowKeys, senderRowKeys);
};

/**
 * The backend's schema, plus what the form knows better: a half-filled row, a project chosen twice, and a
 * restriction that would let nobody send.
 */
export const validateSettings = (values: SettingsFormValues): SettingsErrors => {
  const { settings, rowKeys, senderRowKeys } = toMailSettings(values);
  const parsed = mailSettingsSchema.safeParse(settings);
  const errors = settingsErrorsFromPaths(parsed.success ? [] : parsed.error.issues, rowKeys, senderRowKeys);
  if (values.mode === 'restricted' && values.groups.length === 0 && values.projectRoles.length === 0) {
    errors.fields.whoMaySend ??= NOBODY_MAY_SEND_MESSAGE;
  }
  const seen = new Set<string>();
  for (const row of values.rows) {
    if (isBlankRow(row)) continue;
    const rowErrors: RowErrors = {};
    if (row.projectKey === '') rowErrors.projectKey = CHOOSE_PROJECT_MESSAGE;
    else if (seen.has(row.projectKey)) rowErrors.projectKey = duplicateProjectMessage(row.projectKey);
    if (row.templateId === '') rowErrors.templateId = CHOOSE_TEMPLATE_MESSAGE;
    seen.add(row.projectKey);
    // The form's own messages say more than the schema's regex failure for the same control.
    if (rowErrors.projectKey || rowErrors.templateId) errors.rows[row.key] = { ...errors.rows[row.key], ...rowErrors };
  }
  const senderProjects = new Set<string>();
  for (const row of values.senderRows) {
    if (isBlankSenderRow(row)) continue;
    const message =
      row.projectKey === ''
        ? CHOOSE_PROJECT_MESSAGE
        : senderProjects.has(row.projectKey)
          ? duplicateSenderProjectMessage(row.projectKey)
          : undefined;
    senderProjects.add(row.projectKey);
    if (message !== undefined) errors.rows[row.key] = { ...errors.rows[row.key], projectKey: message };
  }
  return errors;
};

/** Adds a chosen group or role once, keeping the order the admin chose them in. */
export const withChosen = <T extends { id: string | number }>(list: readonly T[], item: T): T[] =>
  list.some((chosen) => chosen.id === item.id) ? [...list] : [...list, item];

export const withoutChosen = <T extends { id: string | number }>(list: readonly T[], id: T['id']): T[] =>
  list.filter((chosen) => chosen.id !== id);

/** Unsaved changes: compares what would be saved, so a blank row or a hidden group list does not count. */
export const sameSettings = (a: SettingsFormValues, b: SettingsFormValues): boolean =>
  JSON.stringify(toMailSettings(a).settings) === JSON.stringify(toMailSettings(b).settings);

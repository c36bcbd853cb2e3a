import type { NotificationRuleView, TemplateView } from '../../../../src/contract';
import { AdminTable, RowNameCell } from '../shared/admin-table';
import { RowActions, RowButton } from '../shared/row-actions';
import type { TemplateListLoad } from '../templates/use-template-list';
import { recipientsText, whenText } from './notification-rule-state';

/** Ids the section moves focus to after an action. */
export const editRuleButtonId = (id: string) => `rule-edit-${id}`;
export const deleteRuleButtonId = (id: string) => `rule-delete-${id}`;

/** The table's data columns, also the loading placeholder's. */
export const RULE_COLUMNS = ['Name', 'When', 'Projects', 'Recipients', 'Template', 'Enabled'] as const;

/** A row's in-flight action: its enabled flag being saved (with the value asked for), or its deletion. */
export type RuleRowBusy = { id: string; action: 'toggle'; enabled: boolean } | { id: string; action: 'delete' } | null;

interface NotificationRuleListProps {
  rules: readonly NotificationRuleView[];
  templates: readonly TemplateView[];
  templatesLoad: TemplateListLoad;
  /** Jira's field names by id, for "Labels changed". */
  fieldNames: ReadonlyMap<string, string>;
  /** The rule open in the form. */
  selectedId: string | null;
  confirmingDeleteId: string | null;
  busy: RuleRowBusy;
  onEdit: (rule: NotificationRuleView) => void;
  /** Opens the rule's run history, or "Try on an issue", under the table. */
  onPanel: (rule: NotificationRuleView, panel: 'history' | 'try') => void;
  onToggle: (rule: NotificationRuleView, enabled: boolean) => void;
  onAskDelete: (rule: NotificationRuleView) => void;
  onConfirmDelete: (rule: NotificationRuleView) => void;
  onKeep: (rule: NotificationRuleView) => void;
}

/** The notification rules as a Jira admin table; "Enabled" saves as soon as it is ticked or cleared. */
export const NotificationRuleList = (props: NotificationRuleListProps) => {
  const { rules, templates, templatesLoad, fieldNames, selectedId, confirmingDeleteId, busy } = props;
  const templateName = (id: string) =>
    templates.find((template) => template.id === id)?.name ??
    (templatesLoad.state === 'loaded' ? 'Unknown template' : '—');

  return (
    <AdminTable caption="Notification rules" columns={RULE_COLUMNS}>
      {rules.map((rule) => {
        const rowBusy = busy?.id === rule.id ? busy : null;
        const enabled = rowBusy?.action === 'toggle' ? rowBusy.enabled : rule.enabled;
        return (
          <tr
            key={rule.id}
            aria-current={rule.id === selectedId ? 'true' : undefined}
            aria-busy={rowBusy ? 'true' : undefined}
          >
            <RowNameCell name={rule.name} />
            <td>{whenText(rule, rule.fieldId === undefined ? undefined : fieldNames.get(rule.fieldId))}</td>
            <td className="im-break">
              {rule.projectKeys.join(', ')}
              {(rule.warnings ?? []).map((warning) => (
                <p key={warning} className="im-rule-warning">
                  <span className="im-status-icon im-status-icon--warning" aria-hidden="true">
                    !
                  </span>
                  <span>{warning}</span>
                </p>
              ))}
            </td>
            <td className="im-break">{recipientsText(rule.recipients)}</td>
            <td className="im-break">{templateName(rule.templateId)}</td>
            <td>
              <label className="im-checkbox im-checkbox--field">
                <input
                  type="checkbox"
                  aria-label={`Enable ${rule.name}`}
                  checked={enabled}
                  aria-disabled={busy !== null}
                  onChange={(event) => {
                    const wanted = event.currentTarget.checked;
                    // A checkbox changes itself before React hears of it: while another save runs, put it back.
                    if (busy !== null) event.currentTarget.checked = !wanted;
                    else props.onToggle(rule, wanted);
                  }}
                />
                <span aria-hidden="true">{enabled ? 'On' : 'Off'}</span>
              </label>
            </td>
            <td className="im-actions">
              <RowActions
                confirming={confirmingDeleteId === rule.id}
                confirmLabel={`Delete ${rule.name}?`}
                busy={rowBusy?.action === 'delete'}
                onConfirm={() => props.onConfirmDelete(rule)}
                onCancel={() => props.onKeep(rule)}
              >
                <RowButton
                  id={editRuleButtonId(rule.id)}
                  label={`Edit ${rule.name}`}
                  onClick={() => props.onEdit(rule)}
                >
                  Edit
                </RowButton>
                <RowButton label={`History of ${rule.name}`} onClick={() => props.onPanel(rule, 'history')}>
                  History
                </RowButton>
                <RowButton label={`Try ${rule.name} on an issue`} onClick={() => props.onPanel(rule, 'try')}>
                  Try
                </RowButton>
                <RowButton
                  id={deleteRuleButtonId(rule.id)}
                  label={`Delete ${rule.name}`}
                  disabled={busy !== null}
                  onClick={() => busy === null && props.onAskDelete(rule)}
                >
                  Delete
                </RowButton>
              </RowActions>
            </td>
          </tr>
        );
      })}
    </AdminTable>
  );
};

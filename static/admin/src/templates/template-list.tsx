import type { TemplateView } from '../../../../src/contract';
import { AdminTable, RowNameCell } from '../shared/admin-table';
import { formatDateTime, formatRelative } from '../shared/format';
import { RowActions, RowButton } from '../shared/row-actions';
import { isBuiltIn } from './template-state';

/** Ids the section moves focus to after an action. */
export const openTemplateButtonId = (id: string) => `template-open-${id}`;
export const deleteTemplateButtonId = (id: string) => `template-delete-${id}`;

/** The table's data columns, also the loading placeholder's. */
export const TEMPLATE_COLUMNS = ['Name', 'Subject', 'Last updated'] as const;

interface TemplateListProps {
  templates: readonly TemplateView[];
  /** The template open in the editor. */
  selectedId: string | null;
  confirmingDeleteId: string | null;
  deletingId: string | null;
  now: Date;
  onOpen: (template: TemplateView) => void;
  onDuplicate: (template: TemplateView) => void;
  onAskDelete: (template: TemplateView) => void;
  onConfirmDelete: (template: TemplateView) => void;
  onKeep: (template: TemplateView) => void;
}

const UpdatedCell = ({ template, now }: { template: TemplateView; now: Date }) => {
  if (!template.updatedAt) {
    return <span className="im-secondary">{isBuiltIn(template) ? 'Ships with the app' : '—'}</span>;
  }
  return (
    <time className="im-secondary" dateTime={template.updatedAt} title={formatDateTime(template.updatedAt)}>
      {formatRelative(template.updatedAt, now)}
    </time>
  );
};

/** The email templates as a Jira admin table. The built-in template can be viewed and copied, not changed. */
export const TemplateList = (props: TemplateListProps) => {
  const { templates, selectedId, confirmingDeleteId, deletingId, now } = props;
  return (
    <AdminTable caption="Email templates" columns={TEMPLATE_COLUMNS}>
      {templates.map((template) => {
        const builtIn = isBuiltIn(template);
        return (
          <tr
            key={template.id}
            aria-current={template.id === selectedId ? 'true' : undefined}
            aria-busy={deletingId === template.id ? 'true' : undefined}
          >
            <RowNameCell name={template.name} lozenge={builtIn ? 'Built-in' : undefined} />
            <td>
              <code className="im-template-subject">{template.subject}</code>
            </td>
            <td>
              <UpdatedCell template={template} now={now} />
            </td>
            <td className="im-actions">
              <RowActions
                confirming={confirmingDeleteId === template.id}
                confirmLabel={`Delete ${template.name}?`}
                busy={deletingId === template.id}
                onConfirm={() => props.onConfirmDelete(template)}
                onCancel={() => props.onKeep(template)}
              >
                <RowButton
                  id={openTemplateButtonId(template.id)}
                  label={`${builtIn ? 'View' : 'Edit'} ${template.name}`}
                  onClick={() => props.onOpen(template)}
                >
                  {builtIn ? 'View' : 'Edit'}
                </RowButton>
                <RowButton label={`Duplicate ${template.name}`} onClick={() => props.onDuplicate(template)}>
                  Duplicate
                </RowButton>
                {!builtIn && (
                  <RowButton
                    id={deleteTemplateButtonId(template.id)}
                    label={`Delete ${template.name}`}
                    disabled={deletingId !== null}
                    onClick={() => deletingId === null && props.onAskDelete(template)}
                  >
                    Delete
                  </RowButton>
                )}
              </RowActions>
            </td>
          </tr>
        );
      })}
    </AdminTable>
  );
};

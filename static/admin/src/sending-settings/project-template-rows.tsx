import type { ProjectRef, TemplateView } from '../../../../src/contract';
import { withCurrent } from '../../../shared/choices';
import type { Loadable } from '../../../shared/loadable';
import { RowButton } from '../shared/row-actions';
import { RowSelect } from '../shared/row-select';
import { isBuiltIn } from '../templates/template-state';
import type { TemplateListLoad } from '../templates/use-template-list';
import { projectChoicesFor } from './project-choices';
import { RowsFooter } from './rows-footer';
import { type ProjectTemplateRow, type RowErrors, rowFieldId, settingsFieldId } from './settings-state';
import { ADD_ROW_BUTTON } from './use-mail-settings';

interface ProjectTemplateRowsProps {
  rows: readonly ProjectTemplateRow[];
  rowErrors: Record<string, RowErrors>;
  error: string | undefined;
  projects: Loadable<ProjectRef[]>;
  templates: readonly TemplateView[];
  templatesLoad: TemplateListLoad;
  onAdd: () => void;
  onChange: (key: string, change: Partial<Omit<ProjectTemplateRow, 'key'>>) => void;
  onRemove: (key: string) => void;
}

/** "Default template per project": which template a project's emails start from. */
export const ProjectTemplateRows = (props: ProjectTemplateRowsProps) => {
  const { rows, rowErrors, error, projects, templates, templatesLoad } = props;
  const projectList = projects.state === 'loaded' ? projects.data : [];
  const projectName = (key: string) => projectList.find((project) => project.key === key)?.name;
  const templateChoices = templates.map((template) => ({
    value: template.id,
    label: isBuiltIn(template) ? `${template.name} (built-in)` : template.name,
  }));
  const errorId = `${settingsFieldId('projectTemplates')}-error`;

  return (
    <fieldset className="im-fieldset" aria-describedby={error ? errorId : undefined}>
      <legend className="im-fieldset__legend">Default template per project</legend>
      <p className="im-field__hint">The template a project's emails start from.</p>
      {projects.state === 'failed' && (
        <p className="im-field__error">Projects could not be loaded: {projects.error.message}</p>
      )}
      {templatesLoad.state === 'failed' && (
        <p className="im-field__error">Templates could not be loaded: {templatesLoad.error.message}</p>
      )}
      {rows.length === 0 ? (
        <p className="im-secondary">No project has a default template yet.</p>
      ) : (
        <>
          {/* Visible column labels; each control carries its own accessible name with the row it is in. */}
          <div className="im-rows__head" aria-hidden="true">
            <span className="im-field__label">Project</span>
            <span className="im-field__label">Template</span>
          </div>
          <ul className="im-rows">
            {rows.map((row, index) => {
              const errors = rowErrors[row.key] ?? {};
              const projectChoices = projectChoicesFor(rows, row, projectList);
              const rowName =
                row.projectKey === '' ? `row ${index + 1}` : (projectName(row.projectKey) ?? row.projectKey);
              return (
                <li key={row.key} className="im-rows__row">
                  <RowSelect
                    id={rowFieldId(row.key, 'projectKey')}
                    label={`Project, row ${index + 1}`}
                    placeholder={projects.state === 'loading' ? 'Loading projects…' : 'Choose a project'}
                    value={row.projectKey}
                    choices={projectChoices}
                    error={errors.projectKey}
                    onChange={(projectKey) => props.onChange(row.key, { projectKey })}
                  />
                  <RowSelect
                    id={rowFieldId(row.key, 'templateId')}
                    label={`Template for ${rowName}`}
                    placeholder={templatesLoad.state === 'loading' ? 'Loading templates…' : 'Choose a template'}
                    value={row.templateId}
                    choices={withCurrent(
                      templateChoices,
                      row.templateId,
                      templatesLoad.state === 'loaded' ? `Unknown template (${row.templateId})` : row.templateId,
                    )}
                    error={errors.templateId}
                    onChange={(templateId) => props.onChange(row.key, { templateId })}
                  />
                  <RowButton label={`Remove ${rowName}`} onClick={() => props.onRemove(row.key)}>
                    Remove
                  </RowButton>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <RowsFooter error={error} errorId={errorId} addId={ADD_ROW_BUTTON} addText="Add project" onAdd={props.onAdd} />
    </fieldset>
  );
};

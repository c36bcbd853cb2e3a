import type { CredentialView, ProjectRef } from '../../../../src/contract';
import type { Loadable } from '../../../shared/loadable';
import { RowButton } from '../shared/row-actions';
import { RowSelect } from '../shared/row-select';
import { projectChoicesFor } from './project-choices';
import { RowsFooter } from './rows-footer';
import { type ProjectSenderRow, type RowErrors, rowFieldId, settingsFieldId } from './settings-state';
import { ADD_SENDER_ROW_BUTTON } from './use-mail-settings';

interface ProjectSenderRowsProps {
  rows: readonly ProjectSenderRow[];
  rowErrors: Record<string, RowErrors>;
  error: string | undefined;
  projects: Loadable<ProjectRef[]>;
  credentials: Loadable<CredentialView[]>;
  onAdd: () => void;
  onProject: (key: string, projectKey: string) => void;
  onToggle: (key: string, credentialId: string, allowed: boolean) => void;
  onRemove: (key: string) => void;
}

/**
 * "Other mailboxes for a project": a project in a row uses its own From list instead of "Mailboxes people may send
 * from". The default credential is always allowed, so only the others are offered; plain checkboxes and selects, so
 * Tab and Space work as everywhere else on the page.
 */
export const ProjectSenderRows = (props: ProjectSenderRowsProps) => {
  const { rows, rowErrors, error, projects, credentials } = props;
  const projectList = projects.state === 'loaded' ? projects.data : [];
  const others = credentials.state === 'loaded' ? credentials.data.filter((credential) => !credential.isDefault) : [];
  const FIELD = settingsFieldId('projectSenders');
  const HINT = `${FIELD}-hint`;
  const ERROR = `${FIELD}-error`;

  return (
    <fieldset
      className="im-fieldset"
      id={FIELD}
      tabIndex={-1}
      aria-describedby={[HINT, error ? ERROR : ''].filter(Boolean).join(' ')}
    >
      <legend className="im-fieldset__legend">Other mailboxes for a project</legend>
      <p id={HINT} className="im-field__hint">
        A project listed here offers these mailboxes instead of the ones above; the default is always offered and
        preselected.
      </p>
      {projects.state === 'failed' && (
        <p className="im-field__error">Projects could not be loaded: {projects.error.message}</p>
      )}
      {rows.length === 0 ? (
        <p className="im-secondary">Every project offers the mailboxes above.</p>
      ) : (
        <>
          <div className="im-rows__head" aria-hidden="true">
            <span className="im-field__label">Project</span>
            <span className="im-field__label">Mailboxes besides the default</span>
          </div>
          <ul className="im-rows">
            {rows.map((row, index) => {
              const projectChoices = projectChoicesFor(rows, row, projectList);
              const rowName =
                row.projectKey === ''
                  ? `row ${index + 1}`
                  : (projectList.find((project) => project.key === row.projectKey)?.name ?? row.projectKey);
              return (
                <li key={row.key} className="im-rows__row">
                  <RowSelect
                    id={rowFieldId(row.key, 'projectKey')}
                    label={`Project with its own mailboxes, row ${index + 1}`}
                    placeholder={projects.state === 'loading' ? 'Loading projects…' : 'Choose a project'}
                    value={row.projectKey}
                    choices={projectChoices}
                    error={rowErrors[row.key]?.projectKey}
                    onChange={(projectKey) => props.onProject(row.key, projectKey)}
                  />
                  <div className="im-checkboxes" role="group" aria-label={`Mailboxes for ${rowName}`}>
                    {credentials.state === 'loading' && <p className="im-secondary">Loading mailboxes…</p>}
                    {credentials.state === 'loaded' && others.length === 0 && (
                      <p className="im-secondary">No mailbox besides the default yet.</p>
                    )}
                    {others.map((credential) => (
                      <label
                        key={credential.id}
                        className="im-checkbox"
                        htmlFor={`${FIELD}-${row.key}-${credential.id}`}
                      >
                        <input
                          id={`${FIELD}-${row.key}-${credential.id}`}
                          type="checkbox"
                          checked={row.credentialIds.includes(credential.id)}
                          onChange={(event) => props.onToggle(row.key, credential.id, event.currentTarget.checked)}
                        />
                        {credential.name} ({credential.senderMailbox})
                      </label>
                    ))}
                  </div>
                  <RowButton label={`Remove ${rowName} from other mailboxes`} onClick={() => props.onRemove(row.key)}>
                    Remove
                  </RowButton>
                </li>
              );
            })}
          </ul>
        </>
      )}
      <RowsFooter
        error={error}
        errorId={ERROR}
        addId={ADD_SENDER_ROW_BUTTON}
        addText="Add a project"
        onAdd={props.onAdd}
      />
    </fieldset>
  );
};

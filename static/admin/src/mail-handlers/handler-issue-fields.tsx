import { type IssueTypeRef, ok, type ProjectRef, type ResolverResult } from '../../../../src/contract';
import { withCurrent } from '../../../shared/choices';
import { ChoiceSelect } from '../../../shared/components/choice-select';
import { type Loadable, useResolverLoad } from '../../../shared/loadable';
import { listHandlerIssueTypes } from '../shared/invokes';
import type { HandlerFieldsProps } from './handler-field-props';
import { HandlerRadios } from './handler-radios';
import { HandlerReporterField } from './handler-reporter-field';
import { handlerFieldId, MODE_LABELS } from './mail-handler-state';

interface HandlerIssueFieldsProps extends HandlerFieldsProps {
  projects: Loadable<ProjectRef[]>;
}

const readIssueTypes = (projectKey: string): Promise<ResolverResult<IssueTypeRef[]>> =>
  projectKey === '' ? Promise.resolve(ok([])) : listHandlerIssueTypes(projectKey);

const listHint = (list: Loadable<unknown[]>, what: string, ready: string) => {
  if (list.state === 'failed') return `${what} could not be loaded: ${list.error.message}`;
  return list.state === 'loading' ? `Loading ${what.toLowerCase()}…` : ready;
};

/** What the handler does with new mail, and where a new issue goes and who reports it. */
export const HandlerIssueFields = ({ values, errors, update, projects }: HandlerIssueFieldsProps) => {
  const { load: issueTypes } = useResolverLoad(values.projectKey, readIssueTypes);
  const projectChoices = withCurrent(
    projects.state === 'loaded'
      ? projects.data.map((project) => ({ value: project.key, label: `${project.name} (${project.key})` }))
      : [],
    values.projectKey,
    values.projectKey,
  );
  const typeChoices = withCurrent(
    issueTypes.state === 'loaded' ? issueTypes.data.map((type) => ({ value: type.id, label: type.name })) : [],
    values.issueTypeId,
    issueTypes.state === 'loaded' ? `Unknown issue type (${values.issueTypeId})` : values.issueTypeId,
  );
  return (
    <>
      <HandlerRadios
        id={handlerFieldId('mode')}
        legend="New mail"
        name="handler-mode"
        value={values.mode}
        labels={MODE_LABELS}
        error={errors.mode}
        hint="A reply is found by its thread, by the issue key in its subject, or by its conversation."
        onChange={(mode) => update('mode', mode)}
      />
      {values.mode === 'issues-and-comments' && (
        <>
          <ChoiceSelect
            id={handlerFieldId('projectKey')}
            label="Project"
            value={values.projectKey}
            choices={projectChoices}
            hint={listHint(projects, 'Projects', "The projects Issue Mailer's own Jira account can see.")}
            error={errors.projectKey}
            required
            emptyLabel="Choose a project"
            onChange={(projectKey) => {
              update('projectKey', projectKey);
              update('issueTypeId', '');
            }}
          />
          <ChoiceSelect
            id={handlerFieldId('issueTypeId')}
            label="Issue type"
            value={values.issueTypeId}
            choices={typeChoices}
            hint={values.projectKey === '' ? 'Choose a project first.' : listHint(issueTypes, 'Issue types', '')}
            error={errors.issueTypeId}
            required
            emptyLabel="Choose an issue type"
            onChange={(issueTypeId) => update('issueTypeId', issueTypeId)}
          />
          <HandlerReporterField
            reporter={values.defaultReporter}
            error={errors.defaultReporter}
            onChange={(reporter) => update('defaultReporter', reporter)}
          />
        </>
      )}
    </>
  );
};

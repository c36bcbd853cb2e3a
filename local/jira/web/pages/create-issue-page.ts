import type { CreateProjectOption } from '../edit-reader';
import { JIRA_FORM_PATHS } from '../form-paths';
import { type PageUser, projectSidenav, renderChrome, SITE_PROJECT } from './chrome';
import { html, type SafeHtml } from './html';

/** What the form holds: the last attempt's values, so that a refused one can be corrected. */
export interface CreateIssueFormValues {
  project: string;
  issuetype: string;
  summary: string;
  description: string;
}

export interface CreateIssuePageData {
  user: PageUser;
  users: PageUser[];
  path: string;
  projects: CreateProjectOption[];
  values: CreateIssueFormValues;
  /** Why Jira refused the last attempt: its messages, and a message per form field. */
  refusal?: { messages: string[]; fields: Partial<Record<keyof CreateIssueFormValues, string>> };
}

const fieldError = (data: CreateIssuePageData, name: keyof CreateIssueFormValues): SafeHtml | string => {
  const message = data.refusal?.fields[name];
  return message ? html`<p class="jl-field__error" id="jl-create-${name}-error">${message}</p>` : '';
};

const describedBy = (data: CreateIssuePageData, name: keyof CreateIssueFormValues): SafeHtml | string =>
  data.refusal?.fields[name] ? html`aria-describedby="jl-create-${name}-error" aria-invalid="true"` : '';

/** Issue types of every project the form offers, once each, in the order the projects list them. */
const issueTypes = (projects: CreateProjectOption[]): { id: string; name: string }[] => {
  const seen = new Map<string, { id: string; name: string }>();
  for (const project of projects)
    for (const type of project.issueTypes) if (!seen.has(type.id)) seen.set(type.id, type);
  return [...seen.values()];
};

/** Jira's "Create issue" form: project, issue type, summary and description, created as the signed-in user. */
export const renderCreateIssuePage = (data: CreateIssuePageData): string => {
  const { values } = data;
  const types = issueTypes(data.projects);
  const selectedType = values.issuetype || types.find((type) => type.name === 'Task')?.id || '';
  const content = html`<div class="jl-page jl-create">
    <h1 class="jl-page__title">Create issue</h1>
    ${
      data.refusal && data.refusal.messages.length > 0
        ? html`<div class="jl-form__banner" role="alert">${data.refusal.messages.map((message) => html`<p>${message}</p>`)}</div>`
        : ''
    }
    ${
      data.projects.length === 0
        ? html`<p class="jl-empty-text">${data.user.displayName} cannot see any project to create issues in.</p>`
        : html`<form class="jl-form" method="post" action="${JIRA_FORM_PATHS.create}">
          <div class="jl-field">
            <label for="jl-create-project">Project</label>
            <select id="jl-create-project" name="project" required ${describedBy(data, 'project')}>
              ${data.projects.map(
                (project) =>
                  html`<option value="${project.key}" ${project.key === values.project ? html`selected` : ''}>${project.name} (${project.key})</option>`,
              )}
            </select>
            ${fieldError(data, 'project')}
          </div>
          <div class="jl-field">
            <label for="jl-create-issuetype">Issue type</label>
            <select id="jl-create-issuetype" name="issuetype" required ${describedBy(data, 'issuetype')}>
              ${types.map((type) => html`<option value="${type.id}" ${type.id === selectedType ? html`selected` : ''}>${type.name}</option>`)}
            </select>
            ${fieldError(data, 'issuetype')}
          </div>
          <div class="jl-field">
            <label for="jl-create-summary">Summary</label>
            <input id="jl-create-summary" name="summary" type="text" required maxlength="255" value="${values.summary}" ${describedBy(data, 'summary')} />
            ${fieldError(data, 'summary')}
          </div>
          <div class="jl-field">
            <label for="jl-create-description">Description</label>
            <textarea id="jl-create-description" name="description" rows="6" ${describedBy(data, 'description')}>${values.description}</textarea>
            ${fieldError(data, 'description')}
          </div>
          <div class="jl-form__actions">
            <a class="jl-button" href="/">Cancel</a>
            <button type="submit" class="jl-button jl-button--primary">Create</button>
          </div>
        </form>`
    }
  </div>`;

  return renderChrome({
    title: 'Create issue',
    section: 'projects',
    user: data.user,
    users: data.users,
    path: data.path,
    sidenav: projectSidenav(SITE_PROJECT),
    content,
  });
};

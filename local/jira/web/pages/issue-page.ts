import type { TransitionOption } from '../edit-reader';
import { JIRA_FORM_PATHS } from '../form-paths';
import type { IssueView } from '../reader';
import { avatar, type PageUser, projectSidenav, renderChrome } from './chrome';
import { dropdownMenu } from './dropdown-menu';
import { html, trustedHtml } from './html';
import { icons } from './icons';

export interface IssueActionButton {
  moduleKey: string;
  resourceKey: string;
  title: string;
  /** The modal size the manifest asks for (viewportSize). */
  size: string;
}

export interface IssuePageData {
  user: PageUser;
  users: PageUser[];
  path: string;
  issue: IssueView;
  issueActions: IssueActionButton[];
  /** What the status control offers the user; without any, the status shows as a lozenge only. */
  transitions?: TransitionOption[];
}

const formatBytes = (bytes: number): string => {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
};

const person = (user: { accountId: string; displayName: string } | null | undefined, empty: string) => {
  if (!user) return html`<span class="jl-empty-text">${empty}</span>`;
  return html`<span class="jl-user">${avatar(user, 'small')}${user.displayName}</span>`;
};

/** The "Apps" menu where Jira lists jira:issueAction modules. */
const appsMenu = (data: IssuePageData) => {
  if (data.issueActions.length === 0) return '';
  return dropdownMenu({
    name: 'issue-apps',
    buttonClass: 'jl-button',
    button: html`${icons.apps} Apps ${icons.chevronDown}`,
    listLabel: 'Apps',
    items: data.issueActions.map(
      (action) => html`<button
        type="button"
        role="menuitem"
        class="jl-menu__item"
        data-action="open-issue-action"
        data-module-key="${action.moduleKey}"
        data-resource-key="${action.resourceKey}"
        data-issue-key="${data.issue.key}"
        data-title="${action.title}"
        data-size="${action.size}"
      >
        ${icons.mail} ${action.title}
      </button>`,
    ),
  });
};

/**
 * The status control: a button with the current status whose menu lists the transitions, each a submit button of
 * one form, as Jira's issue view offers them.
 */
const statusControl = (data: IssuePageData) => {
  const { fields } = data.issue;
  const category = fields.status.statusCategory.key;
  const transitions = data.transitions ?? [];
  if (transitions.length === 0)
    return html`<span class="jl-status jl-status--${category}">${fields.status.name}</span>`;
  return html`<form class="jl-status-form" method="post" action="${JIRA_FORM_PATHS.transition(data.issue.key)}">
    ${dropdownMenu({
      name: 'issue-status',
      buttonClass: `jl-status jl-status--${category} jl-status-button`,
      button: html`${fields.status.name} ${icons.chevronDown}`,
      buttonLabel: `Status: ${fields.status.name}`,
      listLabel: 'Transitions',
      items: transitions.map(
        (
          transition,
        ) => html`<button type="submit" role="menuitem" class="jl-menu__item" name="transition" value="${transition.id}">
          ${transition.name}
          ${
            transition.name === transition.toStatus
              ? ''
              : html`<span class="jl-lozenge jl-lozenge--${transition.toCategory}">${transition.toStatus}</span>`
          }
        </button>`,
      ),
    })}
  </form>`;
};

/** Jira's "Add a comment" box, above the comments. */
const commentForm = (
  data: IssuePageData,
) => html`<form class="jl-comment-form" method="post" action="${JIRA_FORM_PATHS.comment(data.issue.key)}">
    ${avatar(data.user)}
    <div class="jl-comment-form__fields">
      <label class="jl-visually-hidden" for="jl-comment-input">Comment</label>
      <textarea id="jl-comment-input" class="jl-textarea" name="comment" rows="3" required placeholder="Add a comment…"></textarea>
      <div class="jl-form__actions">
        <button type="submit" class="jl-button jl-button--primary">Save</button>
      </div>
    </div>
  </form>`;

/** Jira's issue view: summary, description, attachments, comments, and the details panel. */
export const renderIssuePage = (data: IssuePageData): string => {
  const { issue } = data;
  const { fields, renderedFields } = issue;
  const renderedComments = new Map((renderedFields.comment?.comments ?? []).map((comment) => [comment.id, comment]));
  const comments = fields.comment?.comments ?? [];

  const content = html`<div class="jl-page">
    <nav aria-label="Breadcrumbs">
      <ol class="jl-breadcrumbs">
        <li><a href="/">Projects</a></li>
        <li><a href="/#issues">${fields.project.name}</a></li>
        <li><a href="/browse/${issue.key}" aria-current="page">${issue.key}</a></li>
      </ol>
    </nav>
    <div class="jl-issue">
      <article class="jl-issue__main" aria-labelledby="jl-summary">
        <h1 class="jl-issue__summary" id="jl-summary">${fields.summary}</h1>
        <div class="jl-issue__toolbar">${appsMenu(data)}</div>

        <section class="jl-issue__section" aria-labelledby="jl-description">
          <h2 class="jl-section-title" id="jl-description">Description</h2>
          ${
            renderedFields.description
              ? html`<div class="jl-rendered">${trustedHtml(renderedFields.description)}</div>`
              : html`<p class="jl-empty-text">No description</p>`
          }
        </section>

        <section class="jl-issue__section" aria-labelledby="jl-attachments">
          <h2 class="jl-section-title" id="jl-attachments">Attachments (${fields.attachment.length})</h2>
          ${
            fields.attachment.length === 0
              ? html`<p class="jl-empty-text">No attachments</p>`
              : html`<ul class="jl-attachments">
                ${fields.attachment.map(
                  (attachment) => html`<li class="jl-attachment">
                    ${icons.attachment}
                    <span>
                      <a class="jl-attachment__name" href="${attachment.content}" target="_blank" rel="noopener"
                        >${attachment.filename}</a
                      >
                      <span class="jl-attachment__meta">${attachment.mimeType} · ${formatBytes(attachment.size)}</span>
                    </span>
                  </li>`,
                )}
              </ul>`
          }
        </section>

        <section class="jl-issue__section" aria-labelledby="jl-activity">
          <h2 class="jl-section-title" id="jl-activity">Comments (${comments.length})</h2>
          ${commentForm(data)}
          ${
            comments.length === 0
              ? html`<p class="jl-empty-text">No comments yet</p>`
              : html`<ol class="jl-comments">
                ${comments.map((comment) => {
                  const rendered = renderedComments.get(comment.id);
                  return html`<li class="jl-comment">
                    ${comment.author ? avatar(comment.author) : ''}
                    <div class="jl-comment__body">
                      <p class="jl-comment__header">
                        <span class="jl-comment__author">${comment.author?.displayName ?? 'Anonymous'}</span>
                        <span class="jl-comment__date">${rendered?.created ?? ''}</span>
                      </p>
                      <div class="jl-rendered">${rendered ? trustedHtml(rendered.body) : ''}</div>
                    </div>
                  </li>`;
                })}
              </ol>`
          }
        </section>
      </article>

      <aside class="jl-issue__aside" aria-label="Issue details">
        ${statusControl(data)}
        <section class="jl-details" aria-labelledby="jl-details-title">
          <h2 class="jl-details__title" id="jl-details-title">Details</h2>
          <dl class="jl-details__list">
            <dt>Assignee</dt>
            <dd>${person(fields.assignee, 'Unassigned')}</dd>
            <dt>Reporter</dt>
            <dd>${person(fields.reporter, 'None')}</dd>
            <dt>Type</dt>
            <dd>${fields.issuetype.name}</dd>
            <dt>Priority</dt>
            <dd>${fields.priority?.name ?? html`<span class="jl-empty-text">None</span>`}</dd>
            <dt>Labels</dt>
            <dd>
              ${
                fields.labels.length > 0
                  ? fields.labels.map((label) => html`<span class="jl-lozenge">${label}</span> `)
                  : html`<span class="jl-empty-text">None</span>`
              }
            </dd>
            <dt>Due date</dt>
            <dd>${renderedFields.duedate ?? fields.duedate ?? html`<span class="jl-empty-text">None</span>`}</dd>
          </dl>
        </section>
        <p class="jl-issue__dates">
          Created ${renderedFields.created ?? ''}<br />
          Updated ${renderedFields.updated ?? ''}
        </p>
      </aside>
    </div>
  </div>`;

  return renderChrome({
    title: `[${issue.key}] ${fields.summary}`,
    section: 'projects',
    user: data.user,
    users: data.users,
    path: data.path,
    sidenav: projectSidenav({
      projectName: fields.project.name,
      projectKey: fields.project.key,
      projectTypeKey: fields.project.projectTypeKey,
      current: 'issues',
    }),
    content,
  });
};

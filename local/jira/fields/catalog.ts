import { adfToHtml } from '../adf/to-html';
import { adfToWiki } from '../adf/to-wiki';
import type { AdfDoc } from '../adf/types';
import { attachmentBean } from '../beans/attachment';
import {
  componentBean,
  issueTypeBean,
  priorityBean,
  projectSummaryBean,
  resolutionBean,
  statusBean,
} from '../beans/catalog';
import { commentBean } from '../beans/comment';
import { htmlContext } from '../beans/render-context';
import { userDetailsBean } from '../beans/users';
import { jiraDateTime, renderedDate, renderedDateTime } from '../dates';
import type { RequestContext } from '../http/context';
import type { StoredIssue } from '../model';
import { componentById, ISSUE_TYPES, PRIORITIES, RESOLUTIONS, STATUSES } from '../seed/catalog';

/** A system field: its id and name, its schema (for `expand=schema`), and how it reads and renders. */
export interface FieldDefinition {
  id: string;
  name: string;
  /** Navigable fields can be issue-navigator columns; `*navigable` (the search default) selects them. */
  navigable: boolean;
  schema: { type: string; items?: string; system: string };
  value: (issue: StoredIssue, ctx: RequestContext) => unknown;
  /** The `renderedFields` value; fields without one render as null. */
  render?: (issue: StoredIssue, ctx: RequestContext) => unknown;
}

const person = (ctx: RequestContext, accountId: string | null): unknown => {
  const user = accountId ? ctx.store.author(accountId) : undefined;
  return user ? userDetailsBean(ctx, user) : null;
};

const richText = (ctx: RequestContext, doc: AdfDoc | null): unknown =>
  doc === null ? null : ctx.apiVersion === 3 ? doc : adfToWiki(doc);

const richHtml = (ctx: RequestContext, doc: AdfDoc | null): string | null =>
  doc ? adfToHtml(doc, htmlContext(ctx)) : null;

const dateTime = (ctx: RequestContext, iso: string | null): string | null =>
  iso ? jiraDateTime(iso, ctx.timeZone) : null;
const renderedDateTimeOf = (ctx: RequestContext, iso: string | null): string | null =>
  iso ? renderedDateTime(iso, ctx.timeZone, ctx.now) : null;

const commentPage = (issue: StoredIssue, ctx: RequestContext, rendered: boolean): Record<string, unknown> => {
  const comments = ctx.store.commentsOf(issue.id);
  return {
    comments: comments.map((comment) => commentBean(ctx, comment, { renderedFieldsForm: rendered })),
    self: `${ctx.restBase}/issue/${issue.id}/comment`,
    maxResults: comments.length,
    total: comments.length,
    startAt: 0,
  };
};

const dateTimeField = (id: string, name: string, read: (issue: StoredIssue) => string | null): FieldDefinition => ({
  id,
  name,
  navigable: true,
  schema: { type: 'datetime', system: id },
  value: (issue, ctx) => dateTime(ctx, read(issue)),
  render: (issue, ctx) => renderedDateTimeOf(ctx, read(issue)),
});

const constant = (
  id: string,
  name: string,
  schema: FieldDefinition['schema'],
  value: unknown,
  navigable = true,
): FieldDefinition => ({
  id,
  name,
  navigable,
  schema,
  value: () => structuredClone(value),
});

/** In the order Jira Cloud lists an issue's fields. */
export const FIELDS: readonly FieldDefinition[] = [
  dateTimeField('statuscategorychangedate', 'Status Category Changed', (issue) => issue.statusCategoryChanged),
  {
    id: 'issuetype',
    name: 'Issue Type',
    navigable: true,
    schema: { type: 'issuetype', system: 'issuetype' },
    value: (issue, ctx) => {
      const type = ISSUE_TYPES.find((candidate) => candidate.id === issue.issueTypeId);
      return type ? issueTypeBean(ctx, type) : null;
    },
  },
  constant('timespent', 'Time Spent', { type: 'number', system: 'timespent' }, null),
  {
    id: 'project',
    name: 'Project',
    navigable: true,
    schema: { type: 'project', system: 'project' },
    value: (issue, ctx) => {
      const project = ctx.store.project(issue.projectKey);
      return project ? projectSummaryBean(ctx, project) : null;
    },
  },
  constant('fixVersions', 'Fix versions', { type: 'array', items: 'version', system: 'fixVersions' }, []),
  constant('aggregatetimespent', 'Σ Time Spent', { type: 'number', system: 'aggregatetimespent' }, null),
  {
    id: 'resolution',
    name: 'Resolution',
    navigable: true,
    schema: { type: 'resolution', system: 'resolution' },
    value: (issue, ctx) => {
      const resolution = RESOLUTIONS.find((candidate) => candidate.id === issue.resolutionId);
      return resolution ? resolutionBean(ctx, resolution) : null;
    },
  },
  dateTimeField('resolutiondate', 'Resolved', (issue) => issue.resolutiondate),
  constant('workratio', 'Work Ratio', { type: 'number', system: 'workratio' }, -1),
  {
    id: 'watches',
    name: 'Watchers',
    navigable: true,
    schema: { type: 'watches', system: 'watches' },
    value: (issue, ctx) => ({
      self: `${ctx.restBase}/issue/${issue.key}/watchers`,
      watchCount: issue.watcherIds.length,
      isWatching: ctx.viewer?.kind === 'user' && issue.watcherIds.includes(ctx.viewer.user.accountId),
    }),
  },
  constant('lastViewed', 'Last Viewed', { type: 'datetime', system: 'lastViewed' }, null),
  dateTimeField('created', 'Created', (issue) => issue.created),
  {
    id: 'priority',
    name: 'Priority',
    navigable: true,
    schema: { type: 'priority', system: 'priority' },
    value: (issue, ctx) => {
      const priority = PRIORITIES.find((candidate) => candidate.id === issue.priorityId);
      return priority ? priorityBean(ctx, priority) : null;
    },
  },
  {
    id: 'labels',
    name: 'Labels',
    navigable: true,
    schema: { type: 'array', items: 'string', system: 'labels' },
    value: (issue) => [...issue.labels],
  },
  constant('timeestimate', 'Remaining Estimate', { type: 'number', system: 'timeestimate' }, null),
  constant(
    'aggregatetimeoriginalestimate',
    'Σ Original Estimate',
    { type: 'number', system: 'aggregatetimeoriginalestimate' },
    null,
  ),
  constant('versions', 'Affects versions', { type: 'array', items: 'version', system: 'versions' }, []),
  constant('issuelinks', 'Linked Issues', { type: 'array', items: 'issuelinks', system: 'issuelinks' }, []),
  {
    id: 'assignee',
    name: 'Assignee',
    navigable: true,
    schema: { type: 'user', system: 'assignee' },
    value: (issue, ctx) => person(ctx, issue.assigneeId),
  },
  dateTimeField('updated', 'Updated', (issue) => issue.updated),
  {
    id: 'status',
    name: 'Status',
    navigable: true,
    schema: { type: 'status', system: 'status' },
    value: (issue, ctx) => {
      const status = STATUSES.find((candidate) => candidate.id === issue.statusId);
      return status ? statusBean(ctx, status) : null;
    },
  },
  {
    id: 'components',
    name: 'Components',
    navigable: true,
    schema: { type: 'array', items: 'component', system: 'components' },
    value: (issue, ctx) =>
      issue.componentIds.flatMap((id) => {
        const component = componentById(id);
        return component ? [componentBean(ctx, component)] : [];
      }),
  },
  constant('timeoriginalestimate', 'Original estimate', { type: 'number', system: 'timeoriginalestimate' }, null),
  {
    id: 'description',
    name: 'Description',
    navigable: true,
    schema: { type: 'string', system: 'description' },
    value: (issue, ctx) => richText(ctx, issue.description),
    render: (issue, ctx) => richHtml(ctx, issue.description),
  },
  {
    id: 'timetracking',
    name: 'Time tracking',
    navigable: false,
    schema: { type: 'timetracking', system: 'timetracking' },
    value: () => ({}),
    render: () => ({}),
  },
  constant('security', 'Security Level', { type: 'securitylevel', system: 'security' }, null),
  {
    id: 'attachment',
    name: 'Attachment',
    navigable: true,
    schema: { type: 'array', items: 'attachment', system: 'attachment' },
    value: (issue, ctx) => ctx.store.attachmentsOf(issue.id).map((attachment) => attachmentBean(ctx, attachment)),
    render: (issue, ctx) =>
      ctx.store.attachmentsOf(issue.id).map((attachment) => attachmentBean(ctx, attachment, 'rendered')),
  },
  constant('aggregatetimeestimate', 'Σ Remaining Estimate', { type: 'number', system: 'aggregatetimeestimate' }, null),
  {
    id: 'summary',
    name: 'Summary',
    navigable: true,
    schema: { type: 'string', system: 'summary' },
    value: (issue) => issue.summary,
  },
  {
    id: 'creator',
    name: 'Creator',
    navigable: true,
    schema: { type: 'user', system: 'creator' },
    value: (issue, ctx) => person(ctx, issue.creatorId),
  },
  constant('subtasks', 'Sub-tasks', { type: 'array', items: 'issuelinks', system: 'subtasks' }, []),
  {
    id: 'reporter',
    name: 'Reporter',
    navigable: true,
    schema: { type: 'user', system: 'reporter' },
    value: (issue, ctx) => person(ctx, issue.reporterId),
  },
  constant(
    'aggregateprogress',
    'Σ Progress',
    { type: 'progress', system: 'aggregateprogress' },
    { progress: 0, total: 0 },
  ),
  {
    id: 'environment',
    name: 'Environment',
    navigable: true,
    schema: { type: 'string', system: 'environment' },
    value: (issue, ctx) => richText(ctx, issue.environment),
    render: (issue, ctx) => richHtml(ctx, issue.environment),
  },
  {
    id: 'duedate',
    name: 'Due date',
    navigable: true,
    schema: { type: 'date', system: 'duedate' },
    value: (issue) => issue.duedate,
    render: (issue) => (issue.duedate ? renderedDate(issue.duedate) : null),
  },
  constant('progress', 'Progress', { type: 'progress', system: 'progress' }, { progress: 0, total: 0 }),
  {
    id: 'votes',
    name: 'Votes',
    navigable: true,
    schema: { type: 'votes', system: 'votes' },
    value: (issue, ctx) => ({ self: `${ctx.restBase}/issue/${issue.key}/votes`, votes: issue.votes, hasVoted: false }),
  },
  {
    id: 'comment',
    name: 'Comment',
    navigable: false,
    schema: { type: 'comments-page', system: 'comment' },
    value: (issue, ctx) => commentPage(issue, ctx, false),
    render: (issue, ctx) => commentPage(issue, ctx, true),
  },
  {
    id: 'worklog',
    name: 'Log Work',
    navigable: false,
    schema: { type: 'array', items: 'worklog', system: 'worklog' },
    value: () => ({ startAt: 0, maxResults: 20, total: 0, worklogs: [] }),
    render: () => ({ startAt: 0, maxResults: 20, total: 0, worklogs: [] }),
  },
];

import { adfToText } from '../adf/to-text';
import type { StoredIssue } from '../model';
import { ISSUE_TYPES, PRIORITIES, PROJECTS, RESOLUTIONS, STATUS_CATEGORIES, STATUSES } from '../seed/catalog';
import type { SiteStore } from '../store';
import type { JqlOperator } from './ast';

/** How one JQL field reads an issue and accepts values. */
export type JqlFieldSpec =
  | {
      kind: 'equality';
      /** Canonical name, as Jira names it in messages. */
      name: string;
      operators: readonly JqlOperator[];
      /** The issue's values, normalised; empty means EMPTY. */
      values: (issue: StoredIssue, store: SiteStore) => string[];
      /** Normalises an operand value, or returns undefined when the site has no such value. */
      resolve: (text: string, store: SiteStore) => string | undefined;
      caseInsensitiveValues?: boolean;
    }
  | {
      kind: 'text';
      name: string;
      operators: readonly JqlOperator[];
      text: (issue: StoredIssue, store: SiteStore) => string;
    }
  | { kind: 'date'; name: string; operators: readonly JqlOperator[]; instant: (issue: StoredIssue) => number | null }
  | { kind: 'key'; name: string; operators: readonly JqlOperator[] };

const EQUALITY: readonly JqlOperator[] = ['=', '!=', 'in', 'not in', 'is', 'is not'];
const TEXT: readonly JqlOperator[] = ['~', '!~', 'is', 'is not'];
const ORDERED: readonly JqlOperator[] = ['=', '!=', '>', '>=', '<', '<=', 'in', 'not in', 'is', 'is not'];

const byName =
  <T extends { id: string; name: string }>(items: readonly T[]) =>
  (text: string) =>
    items.find((item) => item.id === text || item.name.toLowerCase() === text.toLowerCase())?.id;

const userField = (name: string, read: (issue: StoredIssue) => string | null): JqlFieldSpec => ({
  kind: 'equality',
  name,
  operators: EQUALITY,
  values: (issue) => {
    const id = read(issue);
    return id ? [id] : [];
  },
  resolve: (text, store) => store.author(text)?.accountId,
});

const commentText = (issue: StoredIssue, store: SiteStore): string =>
  store
    .commentsOf(issue.id)
    .map((comment) => adfToText(comment.body))
    .join('\n');

const dayInstant = (day: string | null): number | null => (day ? Date.parse(`${day}T00:00:00.000Z`) : null);
const instant = (iso: string | null): number | null => (iso ? Date.parse(iso) : null);

const FIELD_SPECS: Record<string, JqlFieldSpec> = {
  project: {
    kind: 'equality',
    name: 'project',
    operators: EQUALITY,
    values: (issue, store) => {
      const project = store.project(issue.projectKey);
      return project ? [project.id] : [];
    },
    resolve: (text, store) =>
      store
        .projects()
        .find(
          (project) =>
            project.key.toLowerCase() === text.toLowerCase() ||
            project.id === text ||
            project.name.toLowerCase() === text.toLowerCase(),
        )?.id,
  },
  key: { kind: 'key', name: 'key', operators: ORDERED },
  status: {
    kind: 'equality',
    name: 'status',
    operators: EQUALITY,
    values: (issue) => [issue.statusId],
    resolve: byName(STATUSES),
  },
  statuscategory: {
    kind: 'equality',
    name: 'statusCategory',
    operators: EQUALITY,
    values: (issue) => [String(STATUSES.find((status) => status.id === issue.statusId)?.categoryId ?? '')],
    resolve: (text) =>
      STATUS_CATEGORIES.find(
        (category) =>
          String(category.id) === text ||
          category.key === text.toLowerCase() ||
          category.name.toLowerCase() === text.toLowerCase(),
      )?.id.toString(),
  },
  priority: {
    kind: 'equality',
    name: 'priority',
    operators: EQUALITY,
    values: (issue) => [issue.priorityId],
    resolve: byName(PRIORITIES),
  },
  issuetype: {
    kind: 'equality',
    name: 'issuetype',
    operators: EQUALITY,
    values: (issue) => [issue.issueTypeId],
    resolve: byName(ISSUE_TYPES),
  },
  resolution: {
    kind: 'equality',
    name: 'resolution',
    operators: EQUALITY,
    values: (issue) => (issue.resolutionId ? [issue.resolutionId] : []),
    resolve: (text) => (text.toLowerCase() === 'unresolved' ? '' : byName(RESOLUTIONS)(text)),
  },
  component: {
    kind: 'equality',
    name: 'component',
    operators: EQUALITY,
    values: (issue) => [...issue.componentIds],
    resolve: byName(PROJECTS.flatMap((project) => project.components)),
  },
  labels: {
    kind: 'equality',
    name: 'labels',
    operators: EQUALITY,
    values: (issue) => issue.labels.map((label) => label.toLowerCase()),
    resolve: (text) => text.toLowerCase(),
    caseInsensitiveValues: true,
  },
  assignee: userField('assignee', (issue) => issue.assigneeId),
  reporter: userField('reporter', (issue) => issue.reporterId),
  creator: userField('creator', (issue) => issue.creatorId),
  watcher: {
    kind: 'equality',
    name: 'watcher',
    operators: EQUALITY,
    values: (issue) => [...issue.watcherIds],
    resolve: (text, store) => store.author(text)?.accountId,
  },
  summary: { kind: 'text', name: 'summary', operators: TEXT, text: (issue) => issue.summary },
  description: { kind: 'text', name: 'description', operators: TEXT, text: (issue) => adfToText(issue.description) },
  environment: { kind: 'text', name: 'environment', operators: TEXT, text: (issue) => adfToText(issue.environment) },
  comment: { kind: 'text', name: 'comment', operators: ['~', '!~'], text: commentText },
  text: {
    kind: 'text',
    name: 'text',
    operators: ['~'],
    text: (issue, store) =>
      [issue.summary, adfToText(issue.description), adfToText(issue.environment), commentText(issue, store)].join('\n'),
  },
  created: { kind: 'date', name: 'created', operators: ORDERED, instant: (issue) => instant(issue.created) },
  updated: { kind: 'date', name: 'updated', operators: ORDERED, instant: (issue) => instant(issue.updated) },
  resolutiondate: {
    kind: 'date',
    name: 'resolutiondate',
    operators: ORDERED,
    instant: (issue) => instant(issue.resolutiondate),
  },
  duedate: { kind: 'date', name: 'duedate', operators: ORDERED, instant: (issue) => dayInstant(issue.duedate) },
};

/** JQL's aliases for the same field. */
const ALIASES: Record<string, string> = {
  issuekey: 'key',
  id: 'key',
  type: 'issuetype',
  due: 'duedate',
  resolved: 'resolutiondate',
  createddate: 'created',
  updateddate: 'updated',
  components: 'component',
  label: 'labels',
  watchers: 'watcher',
};

export const jqlField = (name: string): JqlFieldSpec | undefined => {
  const lower = name.toLowerCase();
  return FIELD_SPECS[ALIASES[lower] ?? lower];
};

import { jiraDateTime } from '../dates';
import type { FieldDefinition } from '../fields/catalog';
import type { RequestContext } from '../http/context';
import type { StoredChangelog, StoredIssue } from '../model';
import { userDetailsBean } from './users';

/** Expand options an issue offers; those not expanded stay listed in `expand`, as Jira lists them. */
const EXPANDABLE = [
  'renderedFields',
  'names',
  'schema',
  'operations',
  'editmeta',
  'changelog',
  'versionedRepresentations',
];

export interface IssueBeanOptions {
  fields: readonly FieldDefinition[];
  expand: ReadonlySet<string>;
  /** The `properties` list (`*all`, keys, `-key`), or null when not asked for. */
  properties: readonly string[] | null;
  /** Search results carry `names` and `schema` once, at the top, not on each issue. */
  namesOnIssue: boolean;
}

export const selectProperties = (
  properties: Record<string, unknown>,
  requested: readonly string[],
): Record<string, unknown> => {
  const excluded = new Set(requested.filter((token) => token.startsWith('-')).map((token) => token.slice(1)));
  const all = requested.includes('*all');
  return Object.fromEntries(
    Object.entries(properties).filter(([key]) => (all || requested.includes(key)) && !excluded.has(key)),
  );
};

export const fieldNames = (fields: readonly FieldDefinition[]): Record<string, string> =>
  Object.fromEntries(fields.map((field) => [field.id, field.name]));

export const fieldSchemas = (fields: readonly FieldDefinition[]): Record<string, FieldDefinition['schema']> =>
  Object.fromEntries(fields.map((field) => [field.id, field.schema]));

/** An `IssueBean`. */
export const issueBean = (
  ctx: RequestContext,
  issue: StoredIssue,
  options: IssueBeanOptions,
): Record<string, unknown> => {
  const { fields, expand } = options;
  const bean: Record<string, unknown> = {
    expand: EXPANDABLE.filter((option) => !expand.has(option)).join(','),
    id: issue.id,
    self: `${ctx.restBase}/issue/${issue.id}`,
    key: issue.key,
  };
  if (expand.has('renderedFields')) {
    bean.renderedFields = Object.fromEntries(
      fields.map((field) => [field.id, field.render ? field.render(issue, ctx) : null]),
    );
  }
  if (options.properties) bean.properties = selectProperties(issue.properties, options.properties);
  if (options.namesOnIssue && expand.has('names')) bean.names = fieldNames(fields);
  if (options.namesOnIssue && expand.has('schema')) bean.schema = fieldSchemas(fields);
  if (expand.has('changelog')) {
    const histories = ctx.store.changelogsOf(issue.id).map((changelog) => changelogBean(ctx, changelog));
    bean.changelog = { startAt: 0, maxResults: histories.length, total: histories.length, histories };
  }
  bean.fields = Object.fromEntries(fields.map((field) => [field.id, field.value(issue, ctx)]));
  return bean;
};

/** A `Changelog` entry of `expand=changelog`: the fields a change (a transition, here) set. */
export const changelogBean = (ctx: RequestContext, changelog: StoredChangelog): Record<string, unknown> => {
  const author = ctx.store.author(changelog.authorId);
  return {
    id: changelog.id,
    ...(author ? { author: userDetailsBean(ctx, author) } : {}),
    created: jiraDateTime(changelog.created, ctx.timeZone),
    items: changelog.items.map((item) => ({ ...item })),
  };
};

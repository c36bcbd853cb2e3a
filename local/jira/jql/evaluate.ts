import { restErrors } from '../errors';
import type { StoredIssue } from '../model';
import type { Viewer } from '../permissions';
import { PRIORITIES, STATUSES } from '../seed/catalog';
import type { SiteStore } from '../store';
import type { JqlClause, JqlOperand, JqlQuery, JqlSort } from './ast';
import { jqlDateFunction, parseJqlDate } from './dates';
import { entityPropertyField } from './entity-properties';
import { jqlField, type JqlFieldSpec } from './fields';

type Predicate = (issue: StoredIssue) => boolean;

export interface JqlEnvironment {
  store: SiteStore;
  viewer: Viewer;
  now: Date;
}

const fieldError = (name: string) =>
  restErrors.invalidJql([`Field '${name}' does not exist or you do not have permission to view it.`]);

const valueError = (value: string, field: string) =>
  restErrors.invalidJql([`The value '${value}' does not exist for the field '${field}'.`]);

/** A JQL value as a flat list of (value or function) operands. */
const flatten = (operand: JqlOperand): JqlOperand[] =>
  operand.kind === 'list' ? operand.values.flatMap(flatten) : [operand];

const currentUserId = (env: JqlEnvironment): string => {
  // Only people are "current users"; for the app the clause matches nobody.
  return env.viewer.kind === 'user' ? env.viewer.user.accountId : '\u0000app';
};

const equalityValues = (
  spec: Extract<JqlFieldSpec, { kind: 'equality' }>,
  operand: JqlOperand,
  env: JqlEnvironment,
): (string | null)[] =>
  flatten(operand).map((item) => {
    if (item.kind === 'empty') return null;
    if (item.kind === 'function') {
      if (
        item.name.toLowerCase() === 'currentuser' &&
        ['assignee', 'reporter', 'creator', 'watcher'].includes(spec.name)
      ) {
        return currentUserId(env);
      }
      throw restErrors.invalidJql([`Unable to find JQL function '${item.name}(${item.args.join(', ')})'.`]);
    }
    if (item.kind === 'list')
      throw restErrors.invalidJql([`Lists are not allowed inside lists for the field '${spec.name}'.`]);
    const resolved = spec.resolve(item.text, env.store);
    if (resolved === undefined) throw valueError(item.text, spec.name);
    return resolved === '' ? null : resolved;
  });

const ISSUE_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

const keyValues = (operand: JqlOperand, env: JqlEnvironment): StoredIssue[] =>
  flatten(operand).map((item) => {
    if (item.kind !== 'value')
      throw restErrors.invalidJql([`The field 'key' does not support EMPTY or functions here.`]);
    if (!ISSUE_KEY.test(item.text) && !/^\d+$/.test(item.text)) {
      throw restErrors.invalidJql([`The issue key '${item.text}' for field 'key' is invalid.`]);
    }
    const issue = env.store.issue(item.text);
    if (!issue) throw restErrors.invalidJql([`An issue with key '${item.text}' does not exist for field 'key'.`]);
    return issue;
  });

const dateValue = (operand: JqlOperand, field: string, env: JqlEnvironment): number | null => {
  if (operand.kind === 'empty') return null;
  if (operand.kind === 'function') {
    const value = jqlDateFunction(operand.name, env.now);
    if (value === undefined)
      throw restErrors.invalidJql([`Unable to find JQL function '${operand.name}(${operand.args.join(', ')})'.`]);
    return value;
  }
  if (operand.kind === 'list')
    throw restErrors.invalidJql([`The operator does not support a list for the field '${field}'.`]);
  return parseJqlDate(operand.text, field, env.now);
};

const compareBy = (operator: string, left: number, right: number): boolean => {
  switch (operator) {
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '!=':
      return left !== right;
    default:
      return left === right;
  }
};

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}*]+/u)
    .filter(Boolean);

/** Jira's text search, simplified: every word of the query starts a word of the text (`*` is a wildcard). */
const textMatches = (haystack: string, query: string): boolean => {
  const available = words(haystack);
  return words(query).every((term) => {
    const stem = term.replace(/\*+$/, '');
    return stem === '' || available.some((word) => word.startsWith(stem));
  });
};

const compileTerm = (term: Extract<JqlClause, { kind: 'term' }>, env: JqlEnvironment): Predicate => {
  const spec = jqlField(term.field) ?? entityPropertyField(term.field, env.store);
  if (!spec) throw fieldError(term.field);
  const { operator, operand } = term;
  if (!spec.operators.includes(operator)) {
    throw restErrors.invalidJql([`The operator '${operator}' is not supported by the '${spec.name}' field.`]);
  }
  const negated = operator === '!=' || operator === 'not in' || operator === 'is not' || operator === '!~';
  if ((operator === 'is' || operator === 'is not') && operand.kind !== 'empty') {
    throw restErrors.invalidJql([
      `The operator '${operator}' only supports EMPTY or NULL for the field '${spec.name}'.`,
    ]);
  }
  const negate = (predicate: Predicate): Predicate => (negated ? (issue) => !predicate(issue) : predicate);

  switch (spec.kind) {
    case 'equality': {
      const wanted = equalityValues(spec, operand, env);
      return negate((issue) => {
        const values = spec.values(issue, env.store);
        return wanted.some((value) => (value === null ? values.length === 0 : values.includes(value)));
      });
    }
    case 'key': {
      if (operand.kind === 'empty') return negate(() => false);
      const targets = keyValues(operand, env);
      if (['>', '>=', '<', '<='].includes(operator)) {
        const target = targets[0] as StoredIssue;
        return (issue) =>
          issue.projectKey === target.projectKey && compareBy(operator, Number(issue.id), Number(target.id));
      }
      return negate((issue) => targets.some((target) => target.id === issue.id));
    }
    case 'text': {
      if (operand.kind === 'empty') return negate((issue) => spec.text(issue, env.store).trim() === '');
      if (operand.kind !== 'value')
        throw restErrors.invalidJql([`The field '${spec.name}' only supports text values.`]);
      return negate((issue) => textMatches(spec.text(issue, env.store), operand.text));
    }
    case 'date': {
      if (operator === 'in' || operator === 'not in') {
        const values = flatten(operand).map((item) => dateValue(item, spec.name, env));
        return negate((issue) => values.includes(spec.instant(issue)));
      }
      const value = dateValue(operand, spec.name, env);
      if (value === null) return negate((issue) => spec.instant(issue) === null);
      return (issue) => {
        const at = spec.instant(issue);
        return at !== null && compareBy(operator, at, value);
      };
    }
  }
};

const compileClause = (clause: JqlClause, env: JqlEnvironment): Predicate => {
  switch (clause.kind) {
    case 'and': {
      const left = compileClause(clause.left, env);
      const right = compileClause(clause.right, env);
      return (issue) => left(issue) && right(issue);
    }
    case 'or': {
      const left = compileClause(clause.left, env);
      const right = compileClause(clause.right, env);
      return (issue) => left(issue) || right(issue);
    }
    case 'not': {
      const inner = compileClause(clause.clause, env);
      return (issue) => !inner(issue);
    }
    case 'term':
      return compileTerm(clause, env);
  }
};

type SortKey = (issue: StoredIssue, store: SiteStore) => number | string | null;

const SORT_KEYS: Record<string, SortKey> = {
  key: (issue) => Number(issue.id),
  created: (issue) => Date.parse(issue.created),
  updated: (issue) => Date.parse(issue.updated),
  resolutiondate: (issue) => (issue.resolutiondate ? Date.parse(issue.resolutiondate) : null),
  duedate: (issue) => issue.duedate,
  // Higher priorities sort last ascending, so `ORDER BY priority DESC` puts Highest first, as in Jira.
  priority: (issue) => PRIORITIES.length - PRIORITIES.findIndex((priority) => priority.id === issue.priorityId),
  summary: (issue) => issue.summary.toLowerCase(),
  status: (issue) => STATUSES.findIndex((status) => status.id === issue.statusId),
  issuetype: (issue) => issue.issueTypeId,
  assignee: (issue, store) => (issue.assigneeId ? (store.author(issue.assigneeId)?.displayName ?? null) : null),
  reporter: (issue, store) => store.author(issue.reporterId)?.displayName ?? null,
};

const comparator = (sorts: readonly JqlSort[], store: SiteStore): ((a: StoredIssue, b: StoredIssue) => number) => {
  const keys = sorts.map((sort) => {
    const spec = jqlField(sort.field);
    const key = spec ? SORT_KEYS[spec.name === 'key' ? 'key' : spec.name] : undefined;
    if (!key) {
      throw spec ? restErrors.invalidJql([`Not able to sort using field '${sort.field}'.`]) : fieldError(sort.field);
    }
    return { key, direction: sort.direction === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const { key, direction } of keys) {
      const left = key(a, store);
      const right = key(b, store);
      if (left === right) continue;
      // Empty values sort last whichever the direction.
      if (left === null) return 1;
      if (right === null) return -1;
      return (left < right ? -1 : 1) * direction;
    }
    return 0;
  };
};

/** Issues that match, in order; without ORDER BY, newest key first. */
export const runJql = (query: JqlQuery, env: JqlEnvironment, candidates: readonly StoredIssue[]): StoredIssue[] => {
  const matches = query.where ? compileClause(query.where, env) : () => true;
  const order = query.orderBy.length > 0 ? query.orderBy : [{ field: 'key', direction: 'desc' as const, position: 0 }];
  return candidates.filter(matches).sort(comparator(order, env.store));
};

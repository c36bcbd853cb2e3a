import type { StoredIssue } from '../model';
import type { SiteStore } from '../store';
import type { IndexedEntityProperty } from '../types';
import type { JqlOperator } from './ast';
import type { JqlFieldSpec } from './fields';

/**
 * JQL on issue entity properties: `issue.property[<propertyKey>].<path>`, or a value's `searchAlias`, for the values
 * a `jira:entityProperty` module indexes (https://developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/):
 * `string` and `user` values match exactly ("indexed as is and allows searching for the exact phrase only"),
 * `number` values as numbers, `text` values by words (`~`); `date` values are compared here as exact strings. A
 * path no module indexes matches no issue.
 */
const PROPERTY_FIELD = /^issue\.property\[([^\]]+)\]\.(.+)$/i;

const EQUALITY: readonly JqlOperator[] = ['=', '!=', 'in', 'not in', 'is', 'is not'];

type IndexedValue = IndexedEntityProperty['values'][number];

/** The value at a '.'-joined path of a property's JSON; an array's elements are each a value. */
const valuesAt = (issue: StoredIssue, propertyKey: string, path: string): string[] => {
  let value: unknown = issue.properties[propertyKey];
  for (const part of path.split('.')) {
    value =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? (value as Record<string, unknown>)[part]
        : undefined;
  }
  const items = Array.isArray(value) ? (value as unknown[]) : [value];
  return items.flatMap((item) => (typeof item === 'string' || typeof item === 'number' ? [String(item)] : []));
};

const numeric = (text: string): string | undefined =>
  /^-?\d+(\.\d+)?$/.test(text.trim()) ? String(Number(text)) : undefined;

const indexedField = (name: string, propertyKey: string, value: IndexedValue): JqlFieldSpec => {
  const read = (issue: StoredIssue) => valuesAt(issue, propertyKey, value.path);
  if (value.type === 'text')
    return { kind: 'text', name, operators: ['~', '!~', 'is', 'is not'], text: (issue) => read(issue).join('\n') };
  if (value.type === 'number')
    return {
      kind: 'equality',
      name,
      operators: EQUALITY,
      values: (issue) => read(issue).flatMap((text) => numeric(text) ?? []),
      resolve: numeric,
    };
  return { kind: 'equality', name, operators: EQUALITY, values: read, resolve: (text) => text };
};

const issueIndexes = (store: SiteStore) =>
  store.propertyIndexes.filter((index) => (index.entityType ?? 'issue') === 'issue');

/** The field a JQL name means among entity properties, or undefined when it names none. */
export const entityPropertyField = (name: string, store: SiteStore): JqlFieldSpec | undefined => {
  const match = PROPERTY_FIELD.exec(name);
  if (match) {
    const [, propertyKey = '', path = ''] = match;
    for (const index of issueIndexes(store).filter((candidate) => candidate.propertyKey === propertyKey)) {
      const value = index.values.find((candidate) => candidate.path === path);
      if (value) return indexedField(name, propertyKey, value);
    }
    return { kind: 'equality', name, operators: EQUALITY, values: () => [], resolve: (text) => text };
  }
  for (const index of issueIndexes(store)) {
    const value = index.values.find((candidate) => candidate.searchAlias?.toLowerCase() === name.toLowerCase());
    if (value) return indexedField(value.searchAlias ?? name, index.propertyKey, value);
  }
  return undefined;
};

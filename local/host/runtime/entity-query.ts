import { KvsRequestError } from './errors';
import { attributeOf, compareScalars, matchesCondition, matchesFilters } from './kvs-conditions';
import type { EntityQueryRequest } from './kvs-schemas';
import type { StoredItem } from './kvs-sqlite';

/**
 * A custom entity as the manifest declares it under `app.storage.entities`: an index is either an attribute name
 * (range on that attribute) or `{ name, range: [attribute], partition?: [attributes] }`.
 */
export interface EntityDefinition {
  name: string;
  /** The declared attributes and their types; the store checks every write against them (entity-values.ts). */
  attributes?: Record<string, { type: EntityAttributeType }>;
  indexes?: Array<string | { name: string; range: string[]; partition?: string[] }>;
}

/** Custom entity attribute types (`app.storage.entities[].attributes.<name>.type`). */
export const ENTITY_ATTRIBUTE_TYPES = ['any', 'boolean', 'float', 'integer', 'string'] as const;
export type EntityAttributeType = (typeof ENTITY_ATTRIBUTE_TYPES)[number];

interface ResolvedIndex {
  range: string;
  partition: string[];
}

const resolveIndex = (
  definitions: readonly EntityDefinition[],
  entityName: string,
  indexName: string,
): ResolvedIndex => {
  const entity = definitions.find((definition) => definition.name === entityName);
  if (!entity) {
    throw new KvsRequestError(
      400,
      'ENTITY_NOT_DEFINED',
      `Entity '${entityName}' is not defined; pass its definition in the runtime's 'entities' option to query it`,
    );
  }
  for (const index of entity.indexes ?? []) {
    if (typeof index === 'string' && index === indexName) {
      return { range: index, partition: [] };
    }
    if (typeof index === 'object' && index.name === indexName) {
      const [range] = index.range;
      if (range === undefined) {
        throw new KvsRequestError(
          400,
          'INDEX_NOT_DEFINED',
          `Index '${indexName}' of entity '${entityName}' has no range`,
        );
      }
      return { range, partition: index.partition ?? [] };
    }
  }
  throw new KvsRequestError(400, 'INDEX_NOT_DEFINED', `Index '${indexName}' is not defined for entity '${entityName}'`);
};

const encodeCursor = (position: [unknown, string]): string =>
  Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');

const decodeCursor = (cursor: string): [string | number, string] => {
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(position) &&
      position.length === 2 &&
      (typeof position[0] === 'string' || typeof position[0] === 'number') &&
      typeof position[1] === 'string'
    ) {
      return [position[0], position[1]];
    }
  } catch {
    // Falls through to the platform's answer for a cursor it did not issue.
  }
  throw new KvsRequestError(400, 'INVALID_CURSOR', 'The provided cursor is invalid');
};

interface IndexedItem {
  item: StoredItem;
  value: unknown;
  rangeValue: string | number;
}

interface IndexPosition {
  rangeValue: string | number;
  key: string;
}

const compareIndexed = (a: IndexPosition, b: IndexPosition): number => {
  if (typeof a.rangeValue !== typeof b.rangeValue) {
    return typeof a.rangeValue === 'number' ? -1 : 1;
  }
  const order = compareScalars(a.rangeValue, b.rangeValue) ?? 0;
  if (order !== 0) {
    return order;
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
};

/**
 * Answers an entity index query over the entity's items: partition match, range condition, filters, sort, then a
 * page of `limit` items. Items lacking the range attribute are not in the index, as in the platform's sparse indexes.
 */
export const queryEntityIndex = (
  definitions: readonly EntityDefinition[],
  request: EntityQueryRequest,
  items: readonly StoredItem[],
  limit: number,
): { page: StoredItem[]; cursor?: string } => {
  const index = resolveIndex(definitions, request.entityName, request.indexName);
  const partition = request.partition ?? [];
  if (partition.length !== index.partition.length) {
    throw new KvsRequestError(
      400,
      'INVALID_PARTITION',
      `Index '${request.indexName}' takes ${index.partition.length} partition value(s), got ${partition.length}`,
    );
  }
  const direction = request.sort === 'DESC' ? -1 : 1;
  const indexed: IndexedItem[] = [];
  for (const item of items) {
    const value: unknown = JSON.parse(item.json);
    const rangeValue = attributeOf(value, index.range);
    if (typeof rangeValue !== 'string' && typeof rangeValue !== 'number') {
      continue;
    }
    if (!index.partition.every((attribute, i) => attributeOf(value, attribute) === partition[i])) {
      continue;
    }
    if (request.range && !matchesCondition(rangeValue, request.range)) {
      continue;
    }
    if (request.filters && !matchesFilters(value, request.filters)) {
      continue;
    }
    indexed.push({ item, value, rangeValue });
  }
  const ordered = indexed
    .map((entry) => ({ ...entry, key: entry.item.key }))
    .sort((a, b) => direction * compareIndexed(a, b));

  let start = 0;
  if (request.cursor !== undefined) {
    const [rangeValue, key] = decodeCursor(request.cursor);
    start = ordered.findIndex((entry) => direction * compareIndexed(entry, { rangeValue, key }) > 0);
    if (start === -1) {
      start = ordered.length;
    }
  }
  const page = ordered.slice(start, start + limit);
  const last = page.at(-1);
  const hasMore = start + limit < ordered.length;
  return {
    page: page.map((entry) => entry.item),
    ...(hasMore && last ? { cursor: encodeCursor([last.rangeValue, last.key]) } : {}),
  };
};

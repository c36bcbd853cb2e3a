import { z } from 'zod';

/** The conditions @forge/kvs sends (WhereConditions / FilterConditions), as DynamoDB-like predicates. */
export const CONDITION_NAMES = [
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'NOT_CONTAINS',
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
] as const;

export const RANGE_CONDITION_NAMES = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
] as const;

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const conditionSchema = z.object({
  condition: z.enum(CONDITION_NAMES),
  values: z.array(scalar).min(1).max(2),
});
export const rangeConditionSchema = z.object({
  condition: z.enum(RANGE_CONDITION_NAMES),
  values: z.array(scalar).min(1).max(2),
});
export const filterItemSchema = conditionSchema.extend({ property: z.string().min(1) });
export const filtersSchema = z
  .object({ and: z.array(filterItemSchema).optional(), or: z.array(filterItemSchema).optional() })
  .refine((filters) => !(filters.and && filters.or), { message: 'filters take either "and" or "or", not both' });

export type Condition = z.infer<typeof conditionSchema>;
export type FilterItem = z.infer<typeof filterItemSchema>;
export type Filters = z.infer<typeof filtersSchema>;

/** Orders two values of the same type; undefined when they cannot be compared (as DynamoDB does). */
export const compareScalars = (a: unknown, b: unknown): number | undefined => {
  if (typeof a === 'number' && typeof b === 'number') {
    return a - b;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return undefined;
};

const compareWith = (actual: unknown, expected: unknown, accept: (order: number) => boolean): boolean => {
  const order = compareScalars(actual, expected);
  return order !== undefined && accept(order);
};

const contains = (actual: unknown, expected: unknown): boolean => {
  if (typeof actual === 'string') {
    return typeof expected === 'string' && actual.includes(expected);
  }
  return Array.isArray(actual) && actual.includes(expected);
};

export const matchesCondition = (actual: unknown, { condition, values }: Condition): boolean => {
  const [first, second] = values;
  switch (condition) {
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(first));
    case 'BETWEEN':
      return compareWith(actual, first, (o) => o >= 0) && compareWith(actual, second, (o) => o <= 0);
    case 'CONTAINS':
      return contains(actual, first);
    case 'NOT_CONTAINS':
      return actual !== undefined && !contains(actual, first);
    case 'EQUAL_TO':
      return actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== first;
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'GREATER_THAN':
      return compareWith(actual, first, (o) => o > 0);
    case 'GREATER_THAN_EQUAL_TO':
      return compareWith(actual, first, (o) => o >= 0);
    case 'LESS_THAN':
      return compareWith(actual, first, (o) => o < 0);
    case 'LESS_THAN_EQUAL_TO':
      return compareWith(actual, first, (o) => o <= 0);
  }
};

/** The attribute an entity condition names; a missing item or attribute reads as undefined. */
export const attributeOf = (value: unknown, property: string): unknown => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return undefined;
  }
  return Object.prototype.hasOwnProperty.call(value, property)
    ? (value as Record<string, unknown>)[property]
    : undefined;
};

export const matchesFilters = (value: unknown, filters: Filters): boolean => {
  const test = (item: FilterItem): boolean => matchesCondition(attributeOf(value, item.property), item);
  if (filters.or) {
    return filters.or.some(test);
  }
  return (filters.and ?? []).every(test);
};

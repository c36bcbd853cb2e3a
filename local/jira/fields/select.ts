import { type FieldDefinition, FIELDS } from './catalog';

/**
 * Resolves a `fields` list as Jira does: `*all`, `*navigable`, field ids, and `-id` exclusions; with only
 * exclusions (or nothing), the endpoint's default set is the base. Unknown ids are ignored.
 */
export const selectFields = (requested: readonly string[], fallback: '*all' | '*navigable'): FieldDefinition[] => {
  const excluded = new Set(requested.filter((token) => token.startsWith('-')).map((token) => token.slice(1)));
  const included = requested.filter((token) => !token.startsWith('-'));
  const base = included.length > 0 ? included : [fallback];
  const chosen = new Set<string>();
  for (const token of base) {
    if (token === '*all') FIELDS.forEach((field) => chosen.add(field.id));
    else if (token === '*navigable') FIELDS.filter((field) => field.navigable).forEach((field) => chosen.add(field.id));
    else chosen.add(token);
  }
  return FIELDS.filter((field) => chosen.has(field.id) && !excluded.has(field.id));
};

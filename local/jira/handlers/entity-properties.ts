import { JiraRestError, restErrors } from '../errors';

/** Jira's limits on an entity property (PUT /comment/{commentId}/properties/{propertyKey} in the OpenAPI description). */
const KEY_LIMIT = 255;
const VALUE_LIMIT = 32_768;

/**
 * The `properties` array of a create call (`IssueUpdateDetails.properties` for POST /issue, `Comment.properties`
 * for POST /issue/{key}/comment: `EntityProperty[]`, `{ key, value }`), as a record by key. Absent: none.
 */
export const readEntityProperties = (body: unknown): Record<string, unknown> => {
  const list = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).properties : undefined;
  if (list === undefined || list === null) return {};
  if (!Array.isArray(list)) throw restErrors.badRequest(['The properties must be a list of { key, value }.']);
  const properties: Record<string, unknown> = {};
  for (const entry of list as unknown[]) {
    const { key, value } = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    if (typeof key !== 'string' || key === '' || key.length > KEY_LIMIT)
      throw restErrors.badRequest([`The property key must be 1 to ${KEY_LIMIT} characters.`]);
    if (value === undefined) throw restErrors.badRequest([`The property '${key}' has no value.`]);
    if (JSON.stringify(value).length > VALUE_LIMIT)
      throw restErrors.badRequest([`The value of the property '${key}' is longer than ${VALUE_LIMIT} characters.`]);
    properties[key] = structuredClone(value);
  }
  return properties;
};

export const propertyNotFound = (key: string) =>
  new JiraRestError('PROPERTY_NOT_FOUND', 404, [`The property with key '${key}' does not exist.`]);

/** `PropertyKeys`: `{ keys: [{ self, key }] }`, `base` the entity's `.../properties` URL. */
export const propertyKeysBean = (base: string, properties: Record<string, unknown>) => ({
  keys: Object.keys(properties).map((key) => ({ self: `${base}/${encodeURIComponent(key)}`, key })),
});

/** `EntityProperty`: `{ key, value }`; a key the entity lacks is a 404. */
export const propertyBean = (key: string, properties: Record<string, unknown>) => {
  if (!(key in properties)) throw propertyNotFound(key);
  return { key, value: properties[key] };
};

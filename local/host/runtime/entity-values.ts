import type { EntityAttributeType, EntityDefinition } from './entity-query';
import { KvsRequestError } from './errors';
import { serializeValue } from './kvs-limits';

/*
 * "The Custom Entity Store strictly enforces attribute types. Attempting to store a value whose type doesn't match its
 * field will result in an error", with these value rules (Defining Custom Entities, "Values":
 * https://developer.atlassian.com/platform/forge/runtime-reference/custom-entities/) and the error code
 * INVALID_ENTITY_VALUE "Entity values must match one of the types defined in Custom Entities." (Error handling for
 * the Custom Entity Store: https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-customentities/).
 * The local store enforces them too, so that a timestamp in milliseconds stored as an `integer` fails here as it
 * fails on Forge, not only after a deploy.
 */
const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
const FLOAT_MIN_MAGNITUDE = 1e-130;
// The docs give 9.9999999999999999999999999999999999999E+125 (38 digits); a double rounds that to 1E+126, which is over it.
const FLOAT_MAX_MAGNITUDE = 9.999999999999999e125;

const problemWith = (type: EntityAttributeType, value: unknown): string | undefined => {
  switch (type) {
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX
        ? undefined
        : 'a 32-bit signed integer (-2,147,483,648 to 2,147,483,647)';
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'a float';
      const magnitude = Math.abs(value);
      return value === 0 || (magnitude >= FLOAT_MIN_MAGNITUDE && magnitude <= FLOAT_MAX_MAGNITUDE)
        ? undefined
        : 'a float of 0 or a magnitude from 1E-130 to 9.99...E+125';
    }
    case 'string':
      return typeof value === 'string' && value.trim() !== ''
        ? undefined
        : 'a string with at least one non-whitespace character';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'true or false';
    case 'any':
      return undefined;
  }
};

/**
 * Refuses an entity value whose declared attributes hold values of another type. Attributes the value leaves out are
 * fine (every attribute is optional); undeclared keys are stored as they are.
 */
export const checkEntityValue = (
  definitions: readonly EntityDefinition[],
  entityName: string,
  value: unknown,
): void => {
  const attributes = definitions.find((definition) => definition.name === entityName)?.attributes;
  if (attributes === undefined || typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const [name, { type }] of Object.entries(attributes)) {
    if (!(name in value)) continue;
    const problem = problemWith(type, (value as Record<string, unknown>)[name]);
    if (problem !== undefined) {
      throw new KvsRequestError(
        400,
        'INVALID_ENTITY_VALUE',
        `Entity values must match one of the types defined in Custom Entities: ${entityName}.${name} must be ${problem}`,
      );
    }
  }
};

/** A value's stored JSON, checked against the kvs limits and, for an entity, its declared attribute types. */
export const serializeItem = (
  definitions: readonly EntityDefinition[],
  entityName: string | undefined,
  value: unknown,
): string => {
  const json = serializeValue(value);
  if (entityName !== undefined) checkEntityValue(definitions, entityName, value);
  return json;
};

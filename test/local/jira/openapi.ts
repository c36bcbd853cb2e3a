import Ajv, { type ValidateFunction } from 'ajv';

import subset from './fixtures/jira-openapi-subset.json';

/**
 * Validates answers against Atlassian's OpenAPI schemas (the subset in fixtures/). Formats are checked as
 * Jira writes them: its date-times carry `+0000` offsets, which strict RFC 3339 would reject.
 */
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/);
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
ajv.addFormat('int32', {
  type: 'number',
  validate: (value: number) => Number.isInteger(value) && Math.abs(value) < 2 ** 31,
});
ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isSafeInteger(value) });
ajv.addSchema(subset, 'jira-openapi');

const cache = new Map<string, ValidateFunction>();

/** The schema's errors for a value, as `path message` lines; empty when it conforms. */
export const schemaErrors = (schemaName: string, value: unknown): string[] => {
  let validate = cache.get(schemaName);
  if (!validate) {
    const found = ajv.getSchema(`jira-openapi#/components/schemas/${schemaName}`);
    if (!found) throw new Error(`No schema ${schemaName} in the OpenAPI subset`);
    validate = found;
    cache.set(schemaName, validate);
  }
  return validate(value)
    ? []
    : (validate.errors ?? []).map(
        (error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
      );
};

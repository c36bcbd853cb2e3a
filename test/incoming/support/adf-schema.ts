import { readFileSync } from 'node:fs';

import Ajv from 'ajv-draft-04';

/**
 * The ADF JSON schema Atlassian publishes with @atlaskit/adf-schema (draft-04, so ajv-draft-04: ajv 8 refuses it).
 * It proves shape only: a link mark's href is any string there, so safety is asserted apart.
 */
const schema: unknown = JSON.parse(
  readFileSync(require.resolve('@atlaskit/adf-schema/json-schema/v1/full.json'), 'utf8'),
);

const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema as object);

/** The schema's complaints about `doc`, none when it is valid ADF. */
export const adfSchemaErrors = (doc: unknown): string[] =>
  validate(doc) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);

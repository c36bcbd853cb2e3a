import Ajv, { type Options } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import * as z from 'zod/mini';

/** One generated module: named validators, each from a zod schema, and where the schemas are defined. */
export interface ValidatorGroup {
  /** File name in src/generated, without `.ts`. */
  name: string;
  /** The module(s) holding the zod schemas, for the header. */
  source: string;
  /** Export name to zod schema. */
  schemas: Record<string, z.ZodMiniType>;
  /**
   * How many refinements (`.check(z.refine(...))`) the schemas hold, each restated by hand in the validator's
   * wrapper (JSON Schema cannot state them): a refinement added later fails the generation until it is.
   */
  refinements?: number;
  /**
   * The app reads only the verdict (and the value), never the problem: messages a schema sets itself (which the
   * adapter cannot give) are allowed.
   */
  verdictOnly?: boolean;
}

/*
 * ajv options for code that judges as zod does:
 * - `removeAdditional: 'all'`: zod objects strip keys they do not name (the generator refuses schemas that say
 *   anything else about extra keys, strict or loose objects, records, which this would silently change);
 * - `useDefaults`: a zod `_default` fills a missing field;
 * - `unicode: false`: zod measures strings by `.length` (UTF-16 units), and so the code needs none of ajv's
 *   runtime helpers (ucs2length), so ajv stays a build-time tool; `unicodeRegExp: false`: zod's patterns have no
 *   `u` flag (patterns with flags are refused: JSON Schema drops them);
 * - not `verbose` (errors carrying their schema and value: a third more code): each validator gets its JSON Schema
 *   as `schema` instead, from which the adapter (src/shared/validator.ts) words zod's message;
 * - `allErrors: true`: the app reports the first problem in zod's order (field by field), where ajv checks an
 *   object's required fields before its fields' values; the adapter picks it (only a value that fails pays);
 *   `messages: false`: the adapter words its own.
 */
const AJV_OPTIONS: Options = {
  code: { source: true, esm: true, lines: false },
  strict: true,
  allErrors: true,
  useDefaults: true,
  removeAdditional: 'all',
  unicode: false,
  unicodeRegExp: false,
  verbose: false,
  messages: false,
  // `unicode` is deprecated (ajv wants ucs2length by default); any other warning is a mistake in the schema.
  logger: {
    log: () => undefined,
    warn: (...args: unknown[]) => {
      if (!String(args[0]).includes('option unicode')) throw new Error(`ajv: ${args.map(String).join(' ')}`);
    },
    error: (...args: unknown[]) => {
      throw new Error(`ajv: ${args.map(String).join(' ')}`);
    },
  },
};

type JsonNode = Record<string, unknown>;

/** Refuses what the options above would judge differently from zod. */
const checkNode = (node: unknown, where: string): void => {
  if (Array.isArray(node)) {
    node.forEach((item, index) => checkNode(item, `${where}/${index}`));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as JsonNode;
  if ('additionalProperties' in schema || 'patternProperties' in schema || 'propertyNames' in schema)
    throw new Error(`${where}: only stripping zod objects can be generated (removeAdditional: 'all')`);
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.some((branch) => (branch as JsonNode).type === 'object'))
      throw new Error(`${where}: a union of objects would lose keys to removeAdditional in a failing branch`);
  }
  for (const [key, value] of Object.entries(schema)) checkNode(value, `${where}/${key}`);
};

/** zod's JSON Schema of the values the schema accepts; regex flags, which JSON Schema drops, are refused. */
/**
 * zod's JSON Schema of the values the schema accepts. Refused: regex flags (JSON Schema drops them), transforms,
 * pipes and overwrites such as `z.trim()` (a validator does not change values), messages of the schema's own
 * (unless only the verdict is read). Refinements are counted.
 */
const jsonSchemaOf = (
  schema: z.ZodMiniType,
  where: string,
  verdictOnly: boolean,
): { json: JsonNode; refinements: number } => {
  let refinements = 0;
  const customMessage = `${where}: a message of its own, which the adapter cannot give (zod's defaults only)`;
  const json = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-7',
    unrepresentable: 'throw',
    override: (context) => {
      const { def, bag } = context.zodSchema._zod;
      const { patterns } = bag as { patterns?: Set<RegExp> };
      for (const pattern of patterns ?? [])
        if (pattern.flags !== '') throw new Error(`${where}: regex ${String(pattern)} has flags JSON Schema drops`);
      if (def.type === 'pipe' || def.type === 'transform') throw new Error(`${where}: a ${def.type} changes values`);
      if (def.error !== undefined && !verdictOnly) throw new Error(customMessage);
      for (const check of def.checks ?? []) {
        if (check._zod.def.check === 'overwrite') throw new Error(`${where}: an overwrite check changes values`);
        if (check._zod.def.check === 'custom') refinements += 1;
        else if (check._zod.def.error !== undefined && !verdictOnly) throw new Error(customMessage);
      }
    },
  }) as JsonNode;
  checkNode(json, where);
  return { json, refinements };
};

const header = (group: ValidatorGroup): string =>
  [
    '// @ts-nocheck',
    '/*',
    ` * GENERATED by local/tools/generate-validators.ts from ${group.source}: do not edit.`,
    ' * Regenerate with `npm run generate:validators` (a test fails while this file is stale).',
    ' * ajv standalone code (https://ajv.js.org/standalone.html); typed by src/shared/validator.ts.',
    ' */',
    '',
  ].join('\n');

/** The text of src/generated/<name>.ts for a group. */
export const generateValidatorModule = (group: ValidatorGroup): string => {
  const ajv = new Ajv(AJV_OPTIONS);
  let refinements = 0;
  const jsons = Object.entries(group.schemas).map(([exportName, schema]) => {
    const read = jsonSchemaOf(schema, `${group.name}.${exportName}`, group.verdictOnly === true);
    refinements += read.refinements;
    ajv.addSchema(read.json, exportName);
    return [exportName, read.json] as const;
  });
  if (refinements !== (group.refinements ?? 0))
    throw new Error(
      `${group.name}: ${refinements} refinement(s), not ${group.refinements ?? 0}: restate each in its wrapper`,
    );
  const validators = standaloneCode(ajv, Object.fromEntries(jsons.map(([exportName]) => [exportName, exportName])));
  // The code holds the schema itself when an error names a part of it (an enum's values): that one is shared.
  const schemas = jsons.map(([exportName, json]) => {
    const text = JSON.stringify(json);
    const end = validators.indexOf(` = ${text};`);
    const shared = end < 0 ? undefined : /const (schema\d+)$/.exec(validators.slice(0, end))?.[1];
    return `${exportName}.schema = ${shared ?? text};`;
  });
  const code = `${validators}\n${schemas.join('\n')}`;
  if (/\brequire\(|^import /m.test(code))
    throw new Error(`${group.name}: the generated code needs ajv's runtime helpers; it must stand alone`);
  return `${header(group)}${code}\n`;
};

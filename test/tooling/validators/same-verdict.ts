import type * as z from 'zod/mini';

import { describeFirstSchemaProblem } from '../../../src/shared/describe-schema-problems';
import { IN_ENGLISH } from '../../../src/shared/schema-problem-messages';
import type { Validator } from '../../../src/shared/validator';

/** A value and what it is (a test name). */
export type Sample = readonly [name: string, value: unknown];

/** What zod makes of a value, as the app reports it: the parsed value or the first problem's line. */
const throughZod = (schema: z.ZodMiniType, value: unknown): { ok: boolean; value?: unknown; problem?: string } => {
  const parsed = schema.safeParse(value, IN_ENGLISH);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: describeFirstSchemaProblem(parsed.error) };
};

/**
 * One test per sample: the generated validator accepts exactly what the zod schema accepts, returns the same value
 * (defaults filled, unknown keys stripped) and reports the same first problem, in the same words (not compared for
 * a validator whose problems the app never reads, `verdictOnly`).
 */
export const expectSameVerdicts = <T>(
  schema: z.ZodMiniType,
  validate: Validator<T>,
  samples: readonly Sample[],
  { verdictOnly = false } = {},
) => {
  it.each(samples)('%s', (_name, value) => {
    const before = structuredClone(value);
    const { problem: _problem, ...expected } = throughZod(schema, value);
    const actual = validate(value);
    if (verdictOnly) expect(actual.ok ? { ok: true, value: actual.value } : { ok: false }).toEqual(expected);
    else
      expect(actual.ok ? { ok: true, value: actual.value } : { ok: false, problem: actual.problem }).toEqual(
        throughZod(schema, value),
      );
    // The validator fills defaults and strips keys in a copy: the value given stays as it was.
    expect(value).toEqual(before);
  });
};

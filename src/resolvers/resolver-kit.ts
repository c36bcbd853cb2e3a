import type * as z from 'zod/mini';

import { CommonErrorCode } from '../contract/error-codes';
import { fail, ok, type ResolverError, type ResolverResult } from '../contract/result';
import { diagnosticsOf, toResolverError } from '../messages/error-answers';
import { type Audience, INTERNAL_MESSAGE, VALIDATION_MESSAGE } from '../messages/words';
import { safeErrorLabel } from '../shared/error-names';
import { IN_ENGLISH } from '../shared/schema-problem-messages';

/** What @forge/resolver hands a resolver function. */
export interface ResolverRequest {
  payload: unknown;
  context: Record<string, unknown>;
}

export type ResolverFunction<T> = (request: ResolverRequest) => Promise<ResolverResult<T>>;

export interface ResolverFunctionSpec<S extends z.ZodMiniType, T> {
  /** The resolver function key, for log lines. */
  name: string;
  audience: Audience;
  schema: S;
  /** Runs before the payload is looked at, e.g. the admin check. */
  guard?: (request: ResolverRequest) => void | Promise<void>;
  run: (input: z.output<S>, request: ResolverRequest) => Promise<T>;
}

/**
 * First message per payload field. Issues about the payload as a whole (not an object, unknown fields) get no
 * entry: naming an unknown field would repeat whatever text the caller put in a key.
 */
export const fieldErrorsOf = (error: z.core.$ZodError): Record<string, string> => {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if (field !== undefined) fieldErrors[String(field)] ??= issue.message;
  }
  return fieldErrors;
};

const validationFailure = (error: z.core.$ZodError): ResolverError => {
  const fieldErrors = fieldErrorsOf(error);
  return Object.keys(fieldErrors).length === 0
    ? { code: CommonErrorCode.ValidationFailed, message: 'The request was not valid. Reload the page and try again.' }
    : { code: CommonErrorCode.ValidationFailed, message: VALIDATION_MESSAGE, fieldErrors };
};

/**
 * What the caller is told about an error `name` (a function key, for log lines) ran into: a known error's code and
 * fixed message, anything else INTERNAL_ERROR, logged by name and code only.
 */
export const errorAnswer = (name: string, audience: Audience, error: unknown): ResolverError => {
  const known = toResolverError(error, audience);
  const label = safeErrorLabel(error);
  if (known !== undefined) {
    const details = diagnosticsOf(error);
    console.warn(`[issue-mailer] ${name}: ${label}${details === '' ? '' : ` ${details}`}`);
    return known;
  }
  console.error(`[issue-mailer] ${name} failed: ${label}`);
  return { code: CommonErrorCode.Internal, message: INTERNAL_MESSAGE };
};

/**
 * A resolver function that validates its payload, runs the service call and answers a ResolverResult.
 * Known errors answer their code and a fixed message; anything else is INTERNAL_ERROR, logged by name and code
 * only. Payloads are never logged.
 */
export const resolverFunction =
  <S extends z.ZodMiniType, T>(spec: ResolverFunctionSpec<S, T>): ResolverFunction<T> =>
  async (request) => {
    try {
      await spec.guard?.(request);
      const parsed = spec.schema.safeParse(request.payload ?? {}, IN_ENGLISH);
      if (!parsed.success) return fail(validationFailure(parsed.error));
      return ok(await spec.run(parsed.data, request));
    } catch (error) {
      return fail(errorAnswer(spec.name, spec.audience, error));
    }
  };

/**
 * A resolver function whose code is loaded on its first call (a section's chunk, behind a dynamic import()): the
 * loaded function answers, with its own checks. Code that fails to load answers as any unknown error does
 * (INTERNAL_ERROR, logged by name); the next call tries the load again.
 */
export const loadedOnCall =
  <T>(name: string, audience: Audience, load: () => Promise<ResolverFunction<T>>): ResolverFunction<T> =>
  async (request) => {
    let loaded: ResolverFunction<T>;
    try {
      loaded = await load();
    } catch (error) {
      return fail(errorAnswer(name, audience, error));
    }
    return loaded(request);
  };

import { LiquidError } from 'liquidjs';

import { RangeTooLargeError } from './liquid-bounds';
import { TemplateError, type TemplateField } from './template-errors';
import { TemplateLimitExceeded } from './template-limits';

/*
 * Kept apart from template-errors.ts, which every function's bundle holds (the error classes and codes): this one
 * knows liquidjs's errors, so it belongs to the template engine, loaded only where a template is rendered.
 */

const stripPosition = (message: string): string => message.replace(/, line:\d+, col:\d+$/, '');

/**
 * A parse or render failure of `field` as a TemplateError. liquidjs appends ", line:3, col:5" and the source
 * around it to its own messages; the reason is taken from the error it wrapped and the position from its token.
 */
export const toTemplateError = (field: TemplateField, error: unknown): TemplateError => {
  if (error instanceof TemplateError) return error;
  if (error instanceof RangeTooLargeError)
    return new TemplateError(field, error.message, error.position, { cause: error, limit: error.limit });
  if (LiquidError.is(error)) {
    const [line = 1, column = 1] = error.token.getPosition();
    const inner = error.originalError;
    const reason = inner !== undefined && !LiquidError.is(inner) ? inner.message : stripPosition(error.message);
    const limit = inner instanceof TemplateLimitExceeded ? inner.limit : undefined;
    return new TemplateError(field, reason, { line, column }, { cause: error, limit });
  }
  if (error instanceof TemplateLimitExceeded)
    return new TemplateError(field, error.message, undefined, { cause: error, limit: error.limit });
  if (error instanceof Error && /limit exceeded$/.test(error.message)) {
    return new TemplateError(field, error.message, undefined, { cause: error });
  }
  return new TemplateError(field, 'the template could not be rendered', undefined, { cause: error });
};

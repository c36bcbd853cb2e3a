import { AppError } from '../shared/app-error';
import type { EmailTemplateSource, RenderedEmail } from './render-email';
import type { TemplateIssueData } from './template-data';
import { TemplateError, TemplateErrorCode, type TemplateField } from './template-errors';
import type { TemplateLimit } from './template-limits';

/**
 * What the render thread and the thread that asks it say to each other. Messages cross by structured clone:
 * plain data only, so errors travel as their parts and are rebuilt on the other side.
 */

/** Set in the thread's workerData: a module that finds it serves renders (render-thread.ts). */
export const RENDER_THREAD_MARKER = 'issueMailerRenderThread';

export type RenderThreadData = Readonly<Record<typeof RENDER_THREAD_MARKER, true>>;

export const isRenderThreadData = (value: unknown): value is RenderThreadData =>
  typeof value === 'object' && value !== null && (value as Record<string, unknown>)[RENDER_THREAD_MARKER] === true;

export interface RenderRequest {
  id: number;
  template: EmailTemplateSource;
  data: TemplateIssueData;
}

/** A TemplateError in parts, or only the name of anything else (its message could hold template text). */
export type RenderFailure =
  | {
      kind: 'template';
      field: TemplateField;
      message: string;
      limit: TemplateLimit | undefined;
      line: number | undefined;
      column: number | undefined;
    }
  | { kind: 'other'; name: string };

export type RenderThreadMessage =
  | { type: 'ready' }
  | { type: 'rendered'; id: number; email: RenderedEmail }
  | { type: 'failed'; id: number; failure: RenderFailure };

export const toRenderFailure = (error: unknown): RenderFailure => {
  if (error instanceof TemplateError) {
    return {
      kind: 'template',
      field: error.field,
      message: error.message,
      limit: error.limit,
      line: error.line,
      column: error.column,
    };
  }
  return { kind: 'other', name: error instanceof Error ? error.name : typeof error };
};

/** The render thread failed in a way that is not the template's: it could not start, or broke unexpectedly. */
export class RenderThreadError extends AppError<'RENDER_THREAD_FAILED'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('RenderThreadError', TemplateErrorCode.RenderThreadFailed, message, options);
  }
}

export const fromRenderFailure = (failure: RenderFailure): Error => {
  if (failure.kind === 'other')
    return new RenderThreadError(`Rendering the email failed in the render thread (${failure.name}).`);
  const position =
    failure.line === undefined || failure.column === undefined
      ? undefined
      : { line: failure.line, column: failure.column };
  return new TemplateError(failure.field, failure.message, position, {
    limit: failure.limit,
    message: failure.message,
  });
};

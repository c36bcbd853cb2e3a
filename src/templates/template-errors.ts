import { AppError } from '../shared/app-error';
import type { TemplateLimit } from './template-limits';

export type TemplateField = 'subject' | 'body';

/** Stable codes of templates: writing, storing and rendering them. */
export const TemplateErrorCode = {
  Invalid: 'TEMPLATE_INVALID',
  /** The template parses but goes over one of TEMPLATE_LIMITS. */
  LimitExceeded: 'TEMPLATE_LIMIT_EXCEEDED',
  NotFound: 'TEMPLATE_NOT_FOUND',
  ReadOnly: 'TEMPLATE_READ_ONLY',
  InUse: 'TEMPLATE_IN_USE',
  /** The render thread could not start, or broke in a way that is not the template's (render-thread-protocol.ts). */
  RenderThreadFailed: 'RENDER_THREAD_FAILED',
} as const;
export type TemplateErrorCode = (typeof TemplateErrorCode)[keyof typeof TemplateErrorCode];

/** liquidjs's limit messages, in words for the person who wrote the template, and the limit each one is. */
const REASONS: ReadonlyArray<[RegExp, string, TemplateLimit]> = [
  [
    /^template render limit exceeded$/,
    'the template takes too long to render (a loop that never ends?)',
    'render-time',
  ],
  [/^memory alloc limit exceeded$/, 'the template builds too much text (a loop that never ends?)', 'memory'],
  [/^output limit exceeded/, 'the template writes too much text (a loop that never ends?)', 'output'],
  [/^parse length limit exceeded$/, 'the template is too long', 'template-length'],
];

/** liquidjs names the offending tag or expression; a long one is cut so the message stays a message. */
const MAX_REASON = 160;

const limitOf = (message: string): TemplateLimit | undefined =>
  REASONS.find(([pattern]) => pattern.test(message.trim().replace(/\.$/, '')))?.[2];

const reasonOf = (message: string): string => {
  const trimmed = message.trim().replace(/\.$/, '');
  const known = REASONS.find(([pattern]) => pattern.test(trimmed));
  if (known !== undefined) return known[1];
  return trimmed.length <= MAX_REASON ? trimmed : `${trimmed.slice(0, MAX_REASON - 1)}…`;
};

/**
 * A subject or body that does not parse or render. The message is safe to show the admin: a position and
 * liquidjs's own reason ("Line 3, column 5: tag "endif" not found."), never the surrounding template source.
 */
export class TemplateError extends AppError<'TEMPLATE_INVALID' | 'TEMPLATE_LIMIT_EXCEEDED'> {
  /** The limit it went over, when it did. */
  readonly limit: TemplateLimit | undefined;
  readonly field: TemplateField;
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(
    field: TemplateField,
    reason: string,
    position?: { line: number; column: number },
    /** `message`: the whole message as composed already, for an error that crossed from the render thread. */
    options?: { cause?: unknown; limit?: TemplateLimit | undefined; message?: string },
  ) {
    const text = reasonOf(reason);
    const limit = options?.limit ?? limitOf(reason);
    super(
      'TemplateError',
      limit === undefined ? TemplateErrorCode.Invalid : TemplateErrorCode.LimitExceeded,
      options?.message ??
        (position === undefined
          ? `${capitalize(text)}.`
          : `Line ${position.line}, column ${position.column}: ${text}.`),
      options,
    );
    this.limit = limit;
    this.field = field;
    this.line = position?.line;
    this.column = position?.column;
  }
  /** As the admin page's save and preview answers carry field messages. */
  get fieldErrors(): Record<string, string> {
    return { [this.field]: this.message };
  }
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export class TemplateNotFoundError extends AppError<'TEMPLATE_NOT_FOUND'> {
  constructor(id: string) {
    super('TemplateNotFoundError', TemplateErrorCode.NotFound, `No template with id "${id}".`);
  }
}

/** The built-in template is part of the app: it can be copied, not changed or deleted. */
export class BuiltInTemplateReadOnlyError extends AppError<'TEMPLATE_READ_ONLY'> {
  constructor() {
    super(
      'BuiltInTemplateReadOnlyError',
      TemplateErrorCode.ReadOnly,
      'The built-in template cannot be changed or deleted; save a copy instead.',
    );
  }
}

/** A project's default template cannot be deleted while it is one. */
export class TemplateInUseError extends AppError<'TEMPLATE_IN_USE'> {
  constructor(id: string) {
    super(
      'TemplateInUseError',
      TemplateErrorCode.InUse,
      `Template "${id}" is a project's default template; choose another default for that project first.`,
    );
  }
}

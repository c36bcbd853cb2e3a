import type { AppError } from '../shared/app-error';

/**
 * Who reads the words: a Jira admin on the admin page (or in the email log), who can act on configuration details;
 * or a user emailing an issue (an agent), who is pointed at their admin instead.
 */
export type Audience = 'admin' | 'user';

/** A fixed sentence, or one composed by the app from the error's own safe parts (sizes, names the admin chose). */
export type Wording<E extends AppError = AppError> = string | ((error: E) => string);

/** What people are told about one error code. */
export interface ErrorWords<E extends AppError = AppError> {
  admin: Wording<E>;
  /** The agent's words, where they differ from the admin's. */
  user?: Wording<E>;
  /** Per-field messages that go with the words, to the admin only (unless `validation`). */
  fields?: (error: E) => Record<string, string>;
  /** A form to correct rather than a failure: answered as VALIDATION_FAILED, with `fields`, to everyone. */
  validation?: true;
}

/**
 * A code no one is given words for: answered as INTERNAL_ERROR, like an error the app does not know (a bug or a
 * broken invariant, which only the log can explain).
 */
export const NO_WORDS = null;

export const VALIDATION_MESSAGE = 'Check the highlighted fields.';
export const INTERNAL_MESSAGE = 'Something went wrong. Try again; if it keeps happening, contact your Jira admin.';

/**
 * The per-field messages an error carries (the validation errors, TemplateError), written by the app for the person
 * filling in the form.
 */
export const fieldErrorsOf = (error: AppError): Record<string, string> =>
  'fieldErrors' in error ? { ...(error.fieldErrors as Readonly<Record<string, string>>) } : {};

/** The words for a form whose fields say what is wrong. */
export const VALIDATION_WORDS: ErrorWords = { admin: VALIDATION_MESSAGE, fields: fieldErrorsOf, validation: true };

export const say = <E extends AppError>(wording: Wording<E>, error: E): string =>
  typeof wording === 'string' ? wording : wording(error);

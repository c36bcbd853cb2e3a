import type { AppError } from '../shared/app-error';

/*
 * What the providers' word tables (microsoft/words.ts, google/words.ts) are made of, and the sentences both say.
 * messages/ gathers them with the app's other words (messages/error-words.ts) through providers/words.ts.
 */

/** A fixed sentence, or one composed from the error's own safe parts (guidance, sizes, names the admin chose). */
export type ServiceWording<E extends AppError> = string | ((error: E) => string);

/** What people are told about one code of a mail service: an admin's words, and an agent's where they differ. */
export interface ServiceWords<E extends AppError = AppError> {
  admin: ServiceWording<E>;
  user?: ServiceWording<E>;
}

export const TELL_ADMIN = 'Tell your Jira admin; the email log has the details.';
export const MAY_HAVE_GONE = 'it may have been sent. Ask a recipient whether it arrived before sending it again.';

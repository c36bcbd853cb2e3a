import { AuthorizeError } from '../credentials/authorization/errors';
import { AuthorizationError, TokenError } from '../oauth/errors';
import { MICROSOFT_SERVICE_WORDS, serviceWordsByClass } from '../providers/words';
import { AppError } from '../shared/app-error';
import {
  INCOMING_LOG_WORDS,
  JIRA_WORDS,
  MAIL_HANDLER_WORDS,
  MAIL_WORDS,
  NOTIFICATION_WORDS,
  OUTBOX_WORDS,
  STORE_WORDS,
  TEMPLATE_WORDS,
} from './app-words';
import { AUTHORIZATION_WORDS, AUTHORIZE_WORDS } from './authorize-words';
import { CREDENTIAL_WORDS, TOKEN_WORDS } from './connection-words';
import { type Audience, type ErrorWords, say } from './words';

/**
 * The one place codes become words for people: every code of every error family, with an admin's and an agent's
 * words (NO_WORDS for the few no one is told about, answered as INTERNAL_ERROR). Keyed by code; the token family
 * has a table of its own (TOKEN_WORDS), as its ENDPOINT_NOT_ALLOWED is the sign-in host's.
 */
export const ERROR_WORDS = {
  ...MICROSOFT_SERVICE_WORDS,
  ...CREDENTIAL_WORDS,
  ...OUTBOX_WORDS,
  ...NOTIFICATION_WORDS,
  ...MAIL_HANDLER_WORDS,
  ...INCOMING_LOG_WORDS,
  ...JIRA_WORDS,
  ...TEMPLATE_WORDS,
  ...MAIL_WORDS,
  ...STORE_WORDS,
} as const;

export type WordedCode = keyof typeof ERROR_WORDS;

/** What an error is called in front of `audience`: its code, the words and the per-field messages that go with them. */
export interface SaidError {
  code: string;
  message: string;
  fieldErrors?: Record<string, string>;
  /** A form to correct (VALIDATION_FAILED) rather than a failure. */
  validation: boolean;
}

const said = <E extends AppError>(words: ErrorWords<E>, error: E, audience: Audience): SaidError => {
  const fields = words.validation === true || audience === 'admin' ? words.fields : undefined;
  return {
    code: error.code,
    message: say(audience === 'user' ? (words.user ?? words.admin) : words.admin, error),
    ...(fields === undefined ? {} : { fieldErrors: fields(error) }),
    validation: words.validation === true,
  };
};

const isWorded = (code: string): code is WordedCode => Object.hasOwn(ERROR_WORDS, code);

/** `instanceof` of a generic class narrows to its `any` instance; this narrows to its `string` one. */
const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/**
 * The words for an error, looked up by its code; never the error's own message unless its words say so. Undefined
 * for an error of no family, or a code with NO_WORDS.
 */
export const errorWords = (error: unknown, audience: Audience): SaidError | undefined => {
  if (error instanceof TokenError) return said(TOKEN_WORDS[error.code], error, audience);
  if (error instanceof AuthorizationError) return said(AUTHORIZATION_WORDS, error, audience);
  if (error instanceof AuthorizeError) return said(AUTHORIZE_WORDS[error.code], error, audience);
  // Some mail services' families have tables of their own, their codes told apart by their class (providers/).
  const byClass = serviceWordsByClass(error);
  if (byClass !== undefined && isAppError(error)) return said(byClass, error, audience);
  if (!isAppError(error) || !isWorded(error.code)) return undefined;
  const words = ERROR_WORDS[error.code];
  return words === null ? undefined : said(words, error, audience);
};

/** Stable codes for what goes wrong inside the emulator itself (not Jira answers; those are JiraRestError). */
export type JiraEmulatorErrorCode = 'JIRA_EMULATOR_SEED_INVALID' | 'JIRA_EMULATOR_OPTIONS_INVALID';

export class JiraEmulatorError extends Error {
  readonly code: JiraEmulatorErrorCode;

  constructor(code: JiraEmulatorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JiraEmulatorError';
    this.code = code;
  }
}

/** Why a REST call is refused; tests and logs match on it rather than on the message. */
export type JiraRestErrorCode =
  | 'NOT_AUTHENTICATED'
  | 'ISSUE_NOT_FOUND'
  | 'PROJECT_NOT_FOUND'
  | 'PROJECT_ROLE_NOT_FOUND'
  | 'ATTACHMENT_NOT_FOUND'
  | 'MEDIA_TOKEN_REFUSED'
  | 'MEDIA_FILE_NOT_FOUND'
  | 'COMMENT_NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'PROPERTY_NOT_FOUND'
  | 'FORBIDDEN'
  | 'BAD_REQUEST'
  | 'INVALID_JQL'
  | 'API_REMOVED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'RANGE_NOT_SATISFIABLE'
  | 'XSRF_CHECK_FAILED'
  | 'ATTACHMENT_TOO_LARGE'
  | 'NO_ROUTE';

/**
 * A refusal shaped as Jira's `ErrorCollection` (`errorMessages` + `errors`). Handlers throw it; the router
 * turns it into the response Jira would send.
 */
export class JiraRestError extends Error {
  readonly code: JiraRestErrorCode;
  readonly status: number;
  readonly errorMessages: string[];
  readonly errors: Record<string, string>;

  constructor(code: JiraRestErrorCode, status: number, errorMessages: string[], errors: Record<string, string> = {}) {
    super(`${status} ${code}: ${[...errorMessages, ...Object.values(errors)].join(' ')}`);
    this.name = 'JiraRestError';
    this.code = code;
    this.status = status;
    this.errorMessages = errorMessages;
    this.errors = errors;
  }
}

/** The refusals Jira words the same way everywhere. */
export const restErrors = {
  notAuthenticated: () =>
    new JiraRestError('NOT_AUTHENTICATED', 401, [
      'You are not authenticated. Authentication required to perform this operation.',
    ]),
  /** Jira does not tell "missing" from "not allowed to see" for issues. */
  issueNotFound: () =>
    new JiraRestError('ISSUE_NOT_FOUND', 404, ['Issue does not exist or you do not have permission to see it.']),
  projectNotFound: (key: string) =>
    new JiraRestError('PROJECT_NOT_FOUND', 404, [`No project could be found with key '${key}'.`]),
  projectRoleNotFound: (id: string) =>
    new JiraRestError('PROJECT_ROLE_NOT_FOUND', 404, [`No project role could be found with id '${id}'.`]),
  attachmentNotFound: (id: string) =>
    new JiraRestError('ATTACHMENT_NOT_FOUND', 404, [`The attachment with id '${id}' does not exist.`]),
  commentNotFound: (id: string) =>
    new JiraRestError('COMMENT_NOT_FOUND', 404, [`Can not find a comment for the id: ${id}.`]),
  userNotFound: () =>
    new JiraRestError('USER_NOT_FOUND', 404, ['Specified user does not exist or you do not have required permissions']),
  badRequest: (messages: string[], errors: Record<string, string> = {}) =>
    new JiraRestError('BAD_REQUEST', 400, messages, errors),
  invalidJql: (messages: string[]) => new JiraRestError('INVALID_JQL', 400, messages),
  forbidden: (message: string) => new JiraRestError('FORBIDDEN', 403, [message]),
};

export const JiraErrorCode = {
  IssueNotFound: 'JIRA_ISSUE_NOT_FOUND',
  Forbidden: 'JIRA_FORBIDDEN',
  RequestFailed: 'JIRA_REQUEST_FAILED',
  ResponseInvalid: 'JIRA_RESPONSE_INVALID',
  /** A JQL Jira refused (400): it does not parse, or names what does not exist. */
  JqlRejected: 'JIRA_JQL_REJECTED',
} as const;
export type JiraErrorCode = (typeof JiraErrorCode)[keyof typeof JiraErrorCode];

/** A Jira REST call failed. The message says method and path and status, never the body. */
export class JiraError extends Error {
  readonly code: JiraErrorCode;
  readonly status: number | undefined;

  constructor(code: JiraErrorCode, message: string, details: { status?: number; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'JiraError';
    this.code = code;
    this.status = details.status;
  }
}

/** The person calling an admin function is not a Jira administrator. */
export class NotAdminError extends Error {
  readonly code = 'NOT_ADMIN';
  constructor() {
    super('Only Jira administrators can change Issue Mailer settings.');
    this.name = 'NotAdminError';
  }
}

import { AppError } from '../shared/app-error';

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
export class JiraError extends AppError<JiraErrorCode> {
  readonly status: number | undefined;

  constructor(code: JiraErrorCode, message: string, details: { status?: number; cause?: unknown } = {}) {
    super('JiraError', code, message, details);
    this.status = details.status;
  }
}

/** The person calling an admin function is not a Jira administrator. */
export class NotAdminError extends AppError<'NOT_ADMIN'> {
  constructor() {
    super('NotAdminError', 'NOT_ADMIN', 'The caller is not a Jira administrator.');
  }
}

import { AppError } from '../shared/app-error';

export const JiraErrorCode = {
  IssueNotFound: 'JIRA_ISSUE_NOT_FOUND',
  Forbidden: 'JIRA_FORBIDDEN',
  RequestFailed: 'JIRA_REQUEST_FAILED',
  ResponseInvalid: 'JIRA_RESPONSE_INVALID',
  /** A JQL Jira refused (400): it does not parse, or names what does not exist. */
  JqlRejected: 'JIRA_JQL_REJECTED',
  /** A write Jira refused for its fields (400), e.g. a reporter the app may not set. */
  FieldsRefused: 'JIRA_FIELDS_REFUSED',
  /** A file over the site's attachment size limit (413). */
  AttachmentTooLarge: 'JIRA_ATTACHMENT_TOO_LARGE',
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

/**
 * Jira refused a create or edit for these fields (its 400 `errors` object). Only the field names are kept: Jira's
 * wording may quote the values.
 */
export class JiraFieldsRefusedError extends JiraError {
  readonly fields: readonly string[];

  constructor(where: string, fields: readonly string[]) {
    super(
      JiraErrorCode.FieldsRefused,
      `${where} answered 400 for the fields: ${fields.join(', ') || '(none named)'}.`,
      {
        status: 400,
      },
    );
    this.name = 'JiraFieldsRefusedError';
    this.fields = fields;
  }
}

/** The person calling an admin function is not a Jira administrator. */
export class NotAdminError extends AppError<'NOT_ADMIN'> {
  constructor() {
    super('NotAdminError', 'NOT_ADMIN', 'The caller is not a Jira administrator.');
  }
}

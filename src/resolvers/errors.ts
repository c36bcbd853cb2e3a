import { AppError } from '../shared/app-error';

/** An issue action was invoked without an issue in its context (not from an issue view). */
export class NoIssueContextError extends AppError<'NO_ISSUE_CONTEXT'> {
  constructor() {
    super('NoIssueContextError', 'NO_ISSUE_CONTEXT', 'The invocation context names no issue.');
  }
}

/** An issue action was invoked without an issue in its context (not from an issue view). */
export class NoIssueContextError extends Error {
  readonly code = 'NO_ISSUE_CONTEXT';
  constructor() {
    super('The invocation context names no issue.');
    this.name = 'NoIssueContextError';
  }
}

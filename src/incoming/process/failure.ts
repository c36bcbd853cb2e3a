import { JiraError, JiraErrorCode } from '../../jira/errors';
import { IncomingMailboxError, ITEM_GONE_CODE } from '../../mail-model/incoming-errors';
import { AppError } from '../../shared/app-error';
import { StorageError } from '../../storage/errors';
import { IncomingRecordError } from '../records/errors';

/**
 * Whether a failure may pass if the job runs again: then it is rethrown for the queue to retry, and the claim's
 * lease running out lets the next run resume (looking for the Jira write's mark first). Jira without an answer, or
 * with one the app could not read, may have written: only a run that looks for the mark can tell.
 */
export const isTransientFailure = (error: unknown): boolean => {
  if (error instanceof IncomingMailboxError) return error.kind === 'passing';
  if (error instanceof JiraError) {
    if (error.code === JiraErrorCode.ResponseInvalid) return true;
    if (error.code !== JiraErrorCode.RequestFailed) return false;
    return error.status === undefined || error.status === 429 || error.status >= 500;
  }
  // Storage: the platform's rate limit or failure, or a record write conflict, all worth another run.
  return error instanceof StorageError || error instanceof IncomingRecordError;
};

const SAFE_MESSAGES: Readonly<Record<string, string>> = {
  JIRA_FORBIDDEN: 'Jira refused the app: it may not write to this issue or project.',
  JIRA_ISSUE_NOT_FOUND: 'The issue is gone from Jira.',
  JIRA_FIELDS_REFUSED: 'Jira refused the new issue for its fields.',
  JIRA_REQUEST_FAILED: 'Jira refused the write.',
  [ITEM_GONE_CODE]: 'The message or an attachment is no longer in the mailbox.',
};

/**
 * How a final failure is written to the incoming log: the error's stable code and a sentence of the app's own (an
 * error's message may quote an answer, so it is never shown): the provider's for a mail service's refusal it has
 * words for.
 */
export const describeFailure = (error: unknown): { code: string; message: string } => {
  const code: string = error instanceof AppError ? (error as AppError).code : 'INCOMING_UNEXPECTED';
  const provided = error instanceof IncomingMailboxError ? error.logMessage : undefined;
  return { code, message: provided ?? SAFE_MESSAGES[code] ?? 'Processing stopped on an unexpected failure.' };
};

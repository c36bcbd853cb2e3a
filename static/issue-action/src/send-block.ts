import type { ResolverError } from '../../../src/contract/result';
import type { DeliveryProgress } from './delivery-tracker';

/** Answers to "Send" that no second press can change: only an admin can (sending permission, set-up). */
const ADMIN_ONLY_ANSWERS: ReadonlySet<string> = new Set(['NOT_ALLOWED_TO_SEND', 'NOT_CONFIGURED']);

export const BLOCKED_BY_FAILURE = "Sending again can't work until your Jira admin fixes this.";

/**
 * Why "Send" stays disabled after a failure, or undefined while pressing it again can help (a wrong address, an
 * outage, throttling). The backend says which failures need an admin (the delivery view's `remedy`).
 */
export const sendBlock = (progress: DeliveryProgress | null, answer: ResolverError | null): string | undefined => {
  if (answer && ADMIN_ONLY_ANSWERS.has(answer.code)) return BLOCKED_BY_FAILURE;
  if (
    progress?.phase === 'final' &&
    progress.view.status === 'failed' &&
    progress.view.lastError?.remedy === 'ask-admin'
  ) {
    return BLOCKED_BY_FAILURE;
  }
  return undefined;
};

/** What the sender can quote to an admin about a failed email: its id in the email log, and when it failed. */
export interface FailureReference {
  emailId: string;
  failedAt?: string;
}

export const failureReference = (progress: DeliveryProgress | null): FailureReference | undefined => {
  if (progress?.phase !== 'final' || progress.view.status !== 'failed') return undefined;
  const { emailId, finishedAt } = progress.view;
  return finishedAt === undefined ? { emailId } : { emailId, failedAt: finishedAt };
};

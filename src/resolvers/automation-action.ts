import { type QueuedByAction, runSendEmailAction, type SendEmailActionDeps } from '../automation/send-email-action';
import { requestJiraAsUser } from '../jira/jira-client';
import { readMyself } from '../jira/myself';
import { INTERNAL_MESSAGE } from '../messages/words';
import { safeErrorLabel } from '../shared/error-names';
import { toResolverError } from './error-messages';
import { runtimeDeps } from './runtime-deps';

/** How Automation reads an action's failure: each message goes to the rule's audit log. */
export type ActionAnswer = ({ success: true } & QueuedByAction) | { errors: Array<{ message: string }> };

/**
 * The "Send issue email" Automation action (function `automation-send-email`). Automation calls it with the
 * configured inputs (smart values resolved) as the rule's actor. A configuration to fix, or any known failure,
 * answers `errors` with a message for the rule's author; nothing unknown is ever repeated to them.
 */
export const answerSendEmailAction = async (
  payload: unknown,
  deps: SendEmailActionDeps,
  actorAccountId: () => Promise<string>,
): Promise<ActionAnswer> => {
  try {
    const queued = await runSendEmailAction(payload, await actorAccountId(), deps);
    return { success: true, ...queued };
  } catch (error) {
    const known = toResolverError(error, 'admin');
    console.warn(`[issue-mailer] Automation "Send issue email": ${safeErrorLabel(error)}`);
    // The audit log has no highlighted fields: a validation failure says what each field's message says.
    const fieldMessages = Object.values(known?.fieldErrors ?? {});
    return {
      errors: (fieldMessages.length > 0 ? fieldMessages : [known?.message ?? INTERNAL_MESSAGE]).map((message) => ({
        message,
      })),
    };
  }
};

export const handler = async (payload: unknown, _context: unknown): Promise<ActionAnswer> =>
  answerSendEmailAction(payload, runtimeDeps.automation, async () => (await readMyself(requestJiraAsUser)).accountId);

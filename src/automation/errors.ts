import { AppError } from '../shared/app-error';

/** Stable codes of the "Send issue email" Automation action. */
export const AutomationErrorCode = {
  InputInvalid: 'AUTOMATION_INPUT_INVALID',
  ActorNotAllowed: 'AUTOMATION_ACTOR_NOT_ALLOWED',
  SendLimit: 'AUTOMATION_SEND_LIMIT',
} as const;
export type AutomationErrorCode = (typeof AutomationErrorCode)[keyof typeof AutomationErrorCode];

/**
 * Why the "Send issue email" action sent nothing, in words the app composed for the rule's author (the audit log
 * shows `message` as it is). Never a credential, a mailbox or anything else the author was not shown already.
 */
export abstract class AutomationRefusal extends AppError<AutomationErrorCode> {}

/** The rule's configuration is wrong in a way its author can fix; the message is what the audit log shows. */
export class ActionInputError extends AutomationRefusal {
  constructor(message: string) {
    super('ActionInputError', AutomationErrorCode.InputInvalid, message);
  }
}

/** The admin's "who may send" setting leaves out the user the rule runs as. */
export class RuleActorNotAllowedError extends AutomationRefusal {
  constructor(reason: string) {
    super(
      'RuleActorNotAllowedError',
      AutomationErrorCode.ActorNotAllowed,
      `Not sent: this rule runs as a user who may not email issues. ${reason}`,
    );
  }
}

/** The rule has sent the issue as many emails in the last hour as one rule may (a rule that triggers itself). */
export class RuleSendLimitError extends AutomationRefusal {
  constructor(issueKey: string, limit: number) {
    super(
      'RuleSendLimitError',
      AutomationErrorCode.SendLimit,
      `Not sent: this rule has already emailed ${issueKey} ${limit} times in the last hour, the most Issue Mailer sends ` +
        'for one rule and one issue in an hour. If the rule is triggered by changes its own emails cause, add a condition so that it does not trigger itself.',
    );
  }
}

/**
 * Why the "Send issue email" action sent nothing, in words the app composed for the rule's author (the audit log
 * shows `message` as it is). Never a credential, a mailbox or anything else the author was not shown already.
 */
export abstract class AutomationRefusal extends Error {
  abstract readonly code: string;
}

/** The rule's configuration is wrong in a way its author can fix; the message is what the audit log shows. */
export class ActionInputError extends AutomationRefusal {
  readonly code = 'AUTOMATION_INPUT_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ActionInputError';
  }
}

/** The admin's "who may send" setting leaves out the user the rule runs as. */
export class RuleActorNotAllowedError extends AutomationRefusal {
  readonly code = 'AUTOMATION_ACTOR_NOT_ALLOWED';
  constructor(reason: string) {
    super(`Not sent: this rule runs as a user who may not email issues. ${reason}`);
    this.name = 'RuleActorNotAllowedError';
  }
}

/** The rule has sent the issue as many emails in the last hour as one rule may (a rule that triggers itself). */
export class RuleSendLimitError extends AutomationRefusal {
  readonly code = 'AUTOMATION_SEND_LIMIT';
  constructor(issueKey: string, limit: number) {
    super(
      `Not sent: this rule has already emailed ${issueKey} ${limit} times in the last hour, the most Issue Mailer sends ` +
        'for one rule and one issue in an hour. If the rule is triggered by changes its own emails cause, add a condition so that it does not trigger itself.',
    );
    this.name = 'RuleSendLimitError';
  }
}

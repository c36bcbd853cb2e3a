import { AppError } from '../shared/app-error';

/** Stable codes of notification rules. */
export const NotificationErrorCode = {
  RuleNotFound: 'NOTIFICATION_RULE_NOT_FOUND',
  RuleInvalid: 'NOTIFICATION_RULE_INVALID',
  TooManyRules: 'NOTIFICATION_RULES_LIMIT',
  StoredRuleInvalid: 'NOTIFICATION_RULE_UNREADABLE',
} as const;
export type NotificationErrorCode = (typeof NotificationErrorCode)[keyof typeof NotificationErrorCode];

export class NotificationError extends AppError<NotificationErrorCode> {
  constructor(code: NotificationErrorCode, message: string, options?: { cause?: unknown }) {
    super('NotificationError', code, message, options);
  }
}

export class RuleNotFoundError extends NotificationError {
  constructor(id: string) {
    super(NotificationErrorCode.RuleNotFound, `No notification rule ${id}.`);
    this.name = 'RuleNotFoundError';
  }
}

/** A rule that names what does not exist (template, credential) or a JQL Jira refuses; the field says which. */
export class RuleInvalidError extends NotificationError {
  readonly fieldErrors: Readonly<Record<string, string>>;
  constructor(fieldErrors: Record<string, string>) {
    super(
      NotificationErrorCode.RuleInvalid,
      `The notification rule is not valid: ${Object.keys(fieldErrors).join(', ')}.`,
    );
    this.name = 'RuleInvalidError';
    this.fieldErrors = fieldErrors;
  }
}

export class TooManyRulesError extends NotificationError {
  constructor(limit: number) {
    super(NotificationErrorCode.TooManyRules, `At most ${limit} notification rules.`);
    this.name = 'TooManyRulesError';
  }
}

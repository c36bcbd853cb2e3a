/** The rule's configuration is wrong in a way its author can fix; the message is what the audit log shows. */
export class ActionInputError extends Error {
  readonly code = 'AUTOMATION_INPUT_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'ActionInputError';
  }
}

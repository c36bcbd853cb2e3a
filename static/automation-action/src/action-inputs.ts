import type { AutomationActionOptions } from '../../../src/contract/automation-action';
import { readActionRecipients } from '../../../src/contract/automation-recipients';
import type { Choice } from '../../shared/choices';

/** The action's inputs as manifest.yml declares them; the form always submits all five, as strings. */
export const ACTION_INPUT_NAMES = ['issueKey', 'recipients', 'template', 'mailbox', 'message'] as const;
export type ActionInputName = (typeof ACTION_INPUT_NAMES)[number];
export type ActionFormInputs = Record<ActionInputName, string>;

/** A new rule emails the issue that triggered it. */
export const DEFAULT_ISSUE = '{{issue.key}}';

/** Automation's `errors.invalidInputs`, one message per field. */
export type FieldMessages = Partial<Record<ActionInputName, string>>;

export interface ActionContext {
  inputs: ActionFormInputs;
  invalid: FieldMessages;
  /** Whether `inputs` is exactly what Automation holds (nothing filled in by default). */
  stored: boolean;
}

export type { Choice };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const field = (record: unknown, key: string): unknown => (isRecord(record) ? record[key] : undefined);

/** The rule's inputs as Automation kept them (any other keys dropped); an Issue never set starts at {{issue.key}}. */
export const initialInputs = (stored: unknown): ActionFormInputs => {
  const text = (name: ActionInputName): string | undefined => {
    const value = field(stored, name);
    if (typeof value === 'string') return value;
    return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
  };
  return {
    issueKey: text('issueKey') ?? DEFAULT_ISSUE,
    recipients: text('recipients') ?? '',
    template: text('template') ?? '',
    mailbox: text('mailbox') ?? '',
    message: text('message') ?? '',
  };
};

/**
 * What the action would refuse when the rule runs, found while the rule is configured: recipients are checked with
 * the run's own rules (src/contract/automation-recipients.ts), smart values left for Automation to resolve. An empty
 * required input is Automation's to report ("Recipients is required"), from the manifest's `required`.
 */
export const inputProblems = (inputs: ActionFormInputs): FieldMessages => {
  if (inputs.recipients.trim() === '') return {};
  const recipients = readActionRecipients(inputs.recipients, 'unresolved');
  return recipients.ok ? {} : { recipients: recipients.message };
};

/** True when the form shows what Automation holds: a stored input that was missing is shown with its default. */
export const sameAsStored = (inputs: ActionFormInputs, stored: unknown): boolean =>
  ACTION_INPUT_NAMES.every((name) => field(stored, name) === inputs[name]);

/** `invalidInputs[field].message` for this form's fields. */
export const invalidInputMessages = (invalidInputs: unknown): FieldMessages => {
  const messages: FieldMessages = {};
  for (const name of ACTION_INPUT_NAMES) {
    const message = field(field(invalidInputs, name), 'message');
    if (typeof message === 'string' && message.trim() !== '') messages[name] = message;
  }
  return messages;
};

/** What `view.getContext()` tells the form: `extension.data.inputs` and `extension.errors.invalidInputs`. */
export const readActionContext = (context: unknown): ActionContext => {
  const extension = field(context, 'extension');
  const stored = field(field(extension, 'data'), 'inputs');
  const inputs = initialInputs(stored);
  return {
    inputs,
    invalid: invalidInputMessages(field(field(extension, 'errors'), 'invalidInputs')),
    stored: sameAsStored(inputs, stored),
  };
};

/** A value the options no longer hold (a renamed template, a smart value) stays chosen and says so. */
const withCurrent = (choices: Choice[], current: string, loaded: boolean): Choice[] => {
  if (current === '' || choices.some((choice) => choice.value === current)) return choices;
  return [...choices, { value: current, label: loaded ? `${current} (not found)` : current }];
};

/** "Project default" (empty), then the templates by name: the action looks templates up by name. */
export const templateChoices = (options: AutomationActionOptions | undefined, current: string): Choice[] => {
  const names = [...new Set((options?.templates ?? []).map((template) => template.name))];
  return [
    { value: '', label: 'Project default' },
    ...withCurrent(
      names.map((name) => ({ value: name, label: name })),
      current,
      options !== undefined,
    ),
  ];
};

/** "Default credential" (empty), then each credential by name, with the mailbox it sends from. */
export const mailboxChoices = (options: AutomationActionOptions | undefined, current: string): Choice[] => {
  const mailboxes = options?.mailboxes ?? [];
  const choices = mailboxes.map((mailbox) => ({
    value: mailbox.name,
    label: `${mailbox.name} (${mailbox.senderMailbox})`,
  }));
  // The action also takes a sender address; one typed in the rule before is a valid choice.
  const byAddress = mailboxes.find((mailbox) => mailbox.senderMailbox.toLowerCase() === current.toLowerCase());
  if (byAddress && !choices.some((choice) => choice.value === current))
    choices.push({ value: current, label: current });
  return [{ value: '', label: 'Default credential' }, ...withCurrent(choices, current, options !== undefined)];
};

/** What the default credential sends from, for the hint under "Sender mailbox". */
export const defaultMailbox = (options: AutomationActionOptions | undefined): string | undefined => {
  const fallback = options?.mailboxes.find((mailbox) => mailbox.isDefault) ?? options?.mailboxes[0];
  return fallback ? `${fallback.name} (${fallback.senderMailbox})` : undefined;
};

import type { AutomationActionInput, AutomationActionModule } from '../manifest-actions';
import { resolveSmartValues, type SmartValueIssue } from './smart-values';

/** A configured input's value: forms submit text; number and boolean inputs may also hold their own type. */
export type ConfiguredValue = string | number | boolean;
export type ActionConfiguration = Record<string, ConfiguredValue>;

/** `context.extension.errors.invalidInputs`: per input, what Automation found wrong with the saved configuration. */
export type InvalidInputs = Record<string, { message: string }>;

const isBlank = (value: ConfiguredValue | undefined): boolean =>
  value === undefined || (typeof value === 'string' && value.trim() === '');

const typeAccepts = (input: AutomationActionInput, value: unknown): value is ConfiguredValue => {
  if (typeof value === 'string') return true;
  if (input.type === 'boolean') return typeof value === 'boolean';
  if (input.type === 'integer') return Number.isSafeInteger(value);
  if (input.type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return false;
};

/**
 * Checks a configuration as Automation does before it saves or runs a rule: only declared inputs, each of its
 * declared type (text may hold smart values), every required input present. Messages use the input's title.
 */
export const checkConfiguration = (
  action: AutomationActionModule,
  configuration: Record<string, unknown>,
): InvalidInputs => {
  const invalid: InvalidInputs = {};
  const declared = new Map(action.inputs.map((input) => [input.name, input]));
  for (const name of Object.keys(configuration)) {
    if (!declared.has(name)) invalid[name] = { message: `${name} is not an input of ${action.name}` };
  }
  for (const input of action.inputs) {
    const value = configuration[input.name];
    if (value !== undefined && !typeAccepts(input, value)) {
      invalid[input.name] = {
        message: `${input.title} must be ${input.type === 'integer' ? 'a whole number' : `a ${input.type}`}`,
      };
    } else if (input.required && isBlank(value)) {
      invalid[input.name] = { message: `${input.title} is required` };
    }
  }
  return invalid;
};

const convert = (input: AutomationActionInput, text: string): { value?: ConfiguredValue; error?: string } => {
  const trimmed = text.trim();
  if (input.type === 'string') return { value: text };
  // An optional input whose smart value came out empty is left out, as an unset one is.
  if (trimmed === '') return input.required ? { error: `${input.title} is empty` } : {};
  if (input.type === 'boolean') {
    if (trimmed === 'true' || trimmed === 'false') return { value: trimmed === 'true' };
    return { error: `${input.title} must be true or false` };
  }
  const number = Number(trimmed);
  if (input.type === 'integer' && !Number.isSafeInteger(number))
    return { error: `${input.title} must be a whole number` };
  if (!Number.isFinite(number)) return { error: `${input.title} must be a number` };
  return { value: number };
};

export type PayloadResult = { ok: true; payload: Record<string, ConfiguredValue> } | { ok: false; messages: string[] };

/**
 * The payload Automation hands the action's function: each configured input with its smart values resolved
 * against the rule's issue, converted to its declared type. Call it on a configuration `checkConfiguration`
 * passed.
 */
export const buildActionPayload = (
  action: AutomationActionModule,
  configuration: ActionConfiguration,
  issue: SmartValueIssue,
): PayloadResult => {
  const payload: Record<string, ConfiguredValue> = {};
  const messages: string[] = [];
  for (const input of action.inputs) {
    const value = configuration[input.name];
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      payload[input.name] = value;
      continue;
    }
    const converted = convert(input, resolveSmartValues(value, issue));
    if (converted.error !== undefined) messages.push(converted.error);
    else if (converted.value !== undefined) payload[input.name] = converted.value;
  }
  return messages.length > 0 ? { ok: false, messages } : { ok: true, payload };
};

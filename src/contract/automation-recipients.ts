import { addressKey, parseEmailAddress } from './email-address';
import { RECIPIENT_ROLES, type RecipientRole } from './recipient-roles';

/**
 * The "Recipients" input of the Automation action "Send issue email", read the same way when the rule's form saves
 * it and when the rule runs: addresses and the words reporter, assignee and watchers, separated by commas,
 * semicolons or new lines. At save time the input may still hold smart values (`{{issue.reporter.emailAddress}}`),
 * which only Automation resolves, at run time: a token with one is accepted then and checked when the rule runs.
 */
export interface ActionRecipients {
  roles: RecipientRole[];
  addresses: string[];
}

export type ActionRecipientsRead = { ok: true; value: ActionRecipients } | { ok: false; message: string };

export const ACTION_RECIPIENTS_EMPTY = '"Recipients" is empty: add email addresses, or reporter, assignee or watchers.';

/** Long values are cut in messages: the audit log and the form show a glimpse, not a copy. */
export const quoteInput = (value: string): string => `"${value.length > 60 ? `${value.slice(0, 59)}…` : value}"`;

const SMART_VALUE = /\{\{[^]*?\}\}/;

export const hasSmartValue = (text: string): boolean => SMART_VALUE.test(text);

export const recipientTokens = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((token) => token.trim())
    .filter((token) => token !== '');

/**
 * Reads the recipients as the action uses them. With `smartValues: 'unresolved'` (the form, before Automation has
 * resolved anything) a token holding a smart value is skipped; at run time every token must be an address or a role.
 */
export const readActionRecipients = (text: string, smartValues: 'unresolved' | 'resolved'): ActionRecipientsRead => {
  const tokens = recipientTokens(text);
  if (tokens.length === 0) return { ok: false, message: ACTION_RECIPIENTS_EMPTY };
  const roles: RecipientRole[] = [];
  const addresses: string[] = [];
  const seen = new Set<string>();
  for (const token of tokens) {
    if (smartValues === 'unresolved' && hasSmartValue(token)) continue;
    const role = RECIPIENT_ROLES.find((candidate) => candidate === token.toLowerCase());
    if (role !== undefined) {
      if (!roles.includes(role)) roles.push(role);
      continue;
    }
    const address = parseEmailAddress(token);
    if (!address.ok) {
      return {
        ok: false,
        message: `${quoteInput(token)} in "Recipients" is neither an email address nor reporter, assignee or watchers.`,
      };
    }
    const key = addressKey(address.value.address);
    if (!seen.has(key)) {
      seen.add(key);
      addresses.push(address.value.address);
    }
  }
  return { ok: true, value: { roles, addresses } };
};

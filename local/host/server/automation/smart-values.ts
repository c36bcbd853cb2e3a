/** The trigger issue's fields that the local rule's smart values can name. */
export interface SmartValueIssue {
  id: string;
  key: string;
  summary: string;
}

/** The smart values the local host resolves; Automation resolves many more, which are empty here. */
export const SUPPORTED_SMART_VALUES = ['issue.key', 'issue.id', 'issue.summary'] as const;

const SMART_VALUE = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Replaces each `{{...}}` in a configured input by its value for the rule's issue, as Automation does before it
 * calls an action. A smart value Automation cannot resolve renders as nothing, so unknown ones are empty here too.
 */
export const resolveSmartValues = (text: string, issue: SmartValueIssue): string => {
  const values: Record<(typeof SUPPORTED_SMART_VALUES)[number], string> = {
    'issue.key': issue.key,
    'issue.id': issue.id,
    'issue.summary': issue.summary,
  };
  return text.replace(SMART_VALUE, (_match, name: string) =>
    (SUPPORTED_SMART_VALUES as readonly string[]).includes(name) ? values[name as keyof typeof values] : '',
  );
};

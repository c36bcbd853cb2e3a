import {
  type NotificationEvent,
  type NotificationRuleInput,
  notificationRuleInputSchema,
  type NotificationRuleView,
  parseEmailAddress,
  RECIPIENT_ROLES,
  type RecipientRole,
  type ResolverError,
} from '../../../../src/contract';
import { splitAllRecipients } from '../../../shared/address-split';

/** The rule form as its controls hold it. */
export interface RuleFormValues {
  name: string;
  event: NotificationEvent;
  /** A status name; '' for any status. Kept while another event is chosen, sent only for transitions. */
  toStatus: string;
  /** A Jira field id for "A chosen field changed"; '' when none is chosen. */
  fieldId: string;
  projectKeys: string[];
  jql: string;
  templateId: string;
  roles: RecipientRole[];
  /** "Other addresses" as typed: separated by commas or new lines. */
  addresses: string;
  /** '' for the default credential. */
  credentialId: string;
  enabled: boolean;
}

/**
 * Where a message shows: each resolver fieldErrors key on its control, and `addresses` (the parser's message for
 * "Other addresses") apart from `recipients` (the group as a whole, e.g. "Add at least one recipient").
 */
export type RuleField =
  | 'name'
  | 'event'
  | 'toStatus'
  | 'fieldId'
  | 'projectKeys'
  | 'jql'
  | 'templateId'
  | 'recipients'
  | 'addresses'
  | 'credentialId'
  | 'enabled';

export type RuleErrors = Partial<Record<RuleField, string>>;

/** The order the fields appear in, to focus the first one with a message. */
export const RULE_FIELDS: readonly RuleField[] = [
  'name',
  'event',
  'toStatus',
  'fieldId',
  'projectKeys',
  'jql',
  'templateId',
  'recipients',
  'addresses',
  'credentialId',
  'enabled',
];

const isRuleField = (key: string): key is RuleField => (RULE_FIELDS as readonly string[]).includes(key);

/** The control's id; for the Projects and Recipients groups, their fieldset's (focus goes to its first box). */
export const ruleFieldId = (field: RuleField) => `rule-${field}`;

export const EVENT_LABELS: Record<NotificationEvent, string> = {
  'issue-created': 'Issue created',
  'issue-commented': 'Issue commented',
  'issue-transitioned': 'Issue transitioned',
  'issue-assigned': 'Issue assigned',
  'issue-resolved': 'Issue resolved',
  'priority-changed': 'Priority changed',
  'field-changed': 'A chosen field changed',
  'attachment-added': 'Attachment added',
};

export const ROLE_LABELS: Record<RecipientRole, string> = {
  reporter: 'Reporter',
  assignee: 'Assignee',
  watchers: 'Watchers',
};

export const emptyRuleValues = (): RuleFormValues => ({
  name: '',
  event: 'issue-created',
  toStatus: '',
  fieldId: '',
  projectKeys: [],
  jql: '',
  templateId: '',
  roles: [],
  addresses: '',
  credentialId: '',
  enabled: true,
});

export const ruleValuesFrom = (rule: NotificationRuleView): RuleFormValues => ({
  name: rule.name,
  event: rule.event,
  toStatus: rule.toStatus ?? '',
  fieldId: rule.fieldId ?? '',
  projectKeys: [...rule.projectKeys],
  jql: rule.jql ?? '',
  templateId: rule.templateId,
  roles: RECIPIENT_ROLES.filter((role) => rule.recipients.roles.includes(role)),
  addresses: rule.recipients.addresses.join('\n'),
  credentialId: rule.credentialId ?? '',
  enabled: rule.enabled,
});

/** Only what the rule means: the status for transitions only, no empty JQL, no credential for the default one. */
export const toRuleInput = (values: RuleFormValues, id?: string): NotificationRuleInput => {
  const input: NotificationRuleInput = {
    name: values.name.trim(),
    enabled: values.enabled,
    event: values.event,
    projectKeys: [...values.projectKeys],
    templateId: values.templateId,
    recipients: {
      addresses: splitAllRecipients(values.addresses),
      roles: RECIPIENT_ROLES.filter((role) => values.roles.includes(role)),
    },
  };
  if (id !== undefined) input.id = id;
  if (values.event === 'issue-transitioned' && values.toStatus !== '') input.toStatus = values.toStatus;
  if (values.event === 'field-changed' && values.fieldId !== '') input.fieldId = values.fieldId;
  const jql = values.jql.trim();
  if (jql !== '') input.jql = jql;
  if (values.credentialId !== '') input.credentialId = values.credentialId;
  return input;
};

/** A stored rule as saveNotificationRule takes it again, e.g. with `enabled` flipped from the table. */
export const ruleInputFrom = (rule: NotificationRuleView, enabled = rule.enabled): NotificationRuleInput => {
  const input: NotificationRuleInput = {
    id: rule.id,
    name: rule.name,
    enabled,
    event: rule.event,
    projectKeys: [...rule.projectKeys],
    templateId: rule.templateId,
    recipients: { addresses: [...rule.recipients.addresses], roles: [...rule.recipients.roles] },
  };
  if (rule.toStatus !== undefined) input.toStatus = rule.toStatus;
  if (rule.fieldId !== undefined) input.fieldId = rule.fieldId;
  if (rule.jql !== undefined) input.jql = rule.jql;
  if (rule.credentialId !== undefined) input.credentialId = rule.credentialId;
  return input;
};

/** `recipients.addresses.2` and `recipients[addresses][2]` alike name "Other addresses". */
const fieldOfPath = (path: readonly PropertyKey[]): RuleField | null => {
  const [top, second] = path.map(String);
  if (top === 'recipients' && second === 'addresses') return 'addresses';
  return top !== undefined && isRuleField(top) ? top : null;
};

const pathOf = (key: string): string[] => key.split(/[.[\]]+/).filter((part) => part !== '');

/**
 * The backend's schema, run here so its messages show before a round trip; an address the parser refuses shows
 * the parser's own message ("… is not a valid email address."), as the issue dialog does.
 */
export const validateRule = (input: NotificationRuleInput): RuleErrors => {
  const errors: RuleErrors = {};
  const parsed = notificationRuleInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfPath(issue.path);
      if (field) errors[field] ??= issue.message;
    }
  }
  for (const address of input.recipients.addresses) {
    const result = parseEmailAddress(address);
    if (!result.ok) {
      errors.addresses = result.message;
      break;
    }
  }
  return errors;
};

/** A refused save: messages on the form's fields, and any the form has no field for. */
export const ruleErrorsFrom = (error: ResolverError): { fields: RuleErrors; other: string[] } => {
  const fields: RuleErrors = {};
  const other: string[] = [];
  for (const [key, message] of Object.entries(error.fieldErrors ?? {})) {
    const field = fieldOfPath(pathOf(key));
    if (field) fields[field] ??= message;
    else if (message !== error.message && !other.includes(message)) other.push(message);
  }
  return { fields, other };
};

/** The table's "When": "Issue commented", "Transitioned to Done", "Labels changed". */
export const whenText = (
  rule: Pick<NotificationRuleView, 'event' | 'toStatus' | 'fieldId'>,
  fieldName?: string,
): string => {
  if (rule.event === 'field-changed') return `${fieldName ?? rule.fieldId ?? 'A field'} changed`;
  if (rule.event !== 'issue-transitioned') return EVENT_LABELS[rule.event];
  return rule.toStatus === undefined ? 'Transitioned to any status' : `Transitioned to ${rule.toStatus}`;
};

/** The table's "Recipients": "Reporter, Watchers, ana@contoso.example" or "Assignee, 3 addresses". */
export const recipientsText = (recipients: NotificationRuleView['recipients']): string => {
  const parts = RECIPIENT_ROLES.filter((role) => recipients.roles.includes(role)).map((role) => ROLE_LABELS[role]);
  const count = recipients.addresses.length;
  if (count === 1) parts.push(recipients.addresses[0] as string);
  else if (count > 1) parts.push(`${count} addresses`);
  return parts.join(', ');
};

/** Rules oldest first, as the backend lists them: a saved rule replaces itself, a new one goes last. */
export const upsertRule = (
  rules: readonly NotificationRuleView[],
  rule: NotificationRuleView,
): NotificationRuleView[] =>
  rules.some((item) => item.id === rule.id)
    ? rules.map((item) => (item.id === rule.id ? rule : item))
    : [...rules, rule];

import {
  type AfterProcessing,
  DEFAULT_HANDLER_FOLDER,
  DEFAULT_PROCESSED_FOLDER,
  DEFAULT_SENDER_HOURLY_LIMIT,
  DEFAULT_SUBJECT_KEY_PATTERN,
  type JiraUserRef,
  type MailHandlerInput,
  mailHandlerInputSchema,
  type MailHandlerMode,
  type MailHandlerView,
  type ResolverError,
  type SenderPolicy,
} from '../../../../src/contract';

/** The handler form as its controls hold it: numbers as typed, domains one a line or comma-separated. */
export interface HandlerFormValues {
  name: string;
  enabled: boolean;
  credentialId: string;
  /** 'own': the credential's sender mailbox; 'other': `mailbox`. */
  mailboxChoice: 'own' | 'other';
  mailbox: string;
  folder: string;
  mode: MailHandlerMode;
  projectKey: string;
  issueTypeId: string;
  defaultReporter: JiraUserRef | null;
  senders: SenderPolicy;
  allowedDomains: string;
  senderHourlyLimit: string;
  afterProcessing: AfterProcessing;
  processedFolder: string;
  subjectKeyPattern: string;
  backfillDays: string;
}

/** The fields in the order they show, to focus the first one with a message. */
export const HANDLER_FIELDS = [
  'name',
  'credentialId',
  'mailbox',
  'folder',
  'mode',
  'projectKey',
  'issueTypeId',
  'defaultReporter',
  'senders',
  'allowedDomains',
  'senderHourlyLimit',
  'afterProcessing',
  'processedFolder',
  'subjectKeyPattern',
  'backfillDays',
  'enabled',
] as const;
export type HandlerField = (typeof HANDLER_FIELDS)[number];
export type HandlerErrors = Partial<Record<HandlerField, string>>;

const isHandlerField = (key: string): key is HandlerField => (HANDLER_FIELDS as readonly string[]).includes(key);

export const handlerFieldId = (field: HandlerField) => `handler-${field}`;

export const MODE_LABELS: Record<MailHandlerMode, string> = {
  'issues-and-comments': 'Create issues from new mail and add replies as comments',
  'comments-only': 'Add replies as comments only',
};

export const SENDER_LABELS: Record<SenderPolicy, string> = {
  anyone: 'Anyone',
  'jira-users': 'Only addresses of Jira users',
  domains: 'Only these domains',
};

export const AFTER_LABELS: Record<AfterProcessing, string> = {
  move: 'Mark as read and move to a folder',
  leave: 'Leave it where it is',
};

export const emptyHandlerValues = (credentialId = ''): HandlerFormValues => ({
  name: '',
  enabled: true,
  credentialId,
  mailboxChoice: 'own',
  mailbox: '',
  folder: DEFAULT_HANDLER_FOLDER,
  mode: 'issues-and-comments',
  projectKey: '',
  issueTypeId: '',
  defaultReporter: null,
  senders: 'anyone',
  allowedDomains: '',
  senderHourlyLimit: String(DEFAULT_SENDER_HOURLY_LIMIT),
  afterProcessing: 'move',
  processedFolder: DEFAULT_PROCESSED_FOLDER,
  subjectKeyPattern: DEFAULT_SUBJECT_KEY_PATTERN,
  backfillDays: '0',
});

export const handlerValuesFrom = (handler: MailHandlerView): HandlerFormValues => ({
  name: handler.name,
  enabled: handler.enabled,
  credentialId: handler.credentialId,
  mailboxChoice: handler.mailbox === undefined ? 'own' : 'other',
  mailbox: handler.mailbox ?? '',
  folder: handler.folder,
  mode: handler.mode,
  projectKey: handler.projectKey ?? '',
  issueTypeId: handler.issueTypeId ?? '',
  defaultReporter: handler.defaultReporter ?? null,
  senders: handler.senders,
  allowedDomains: handler.allowedDomains.join('\n'),
  senderHourlyLimit: String(handler.senderHourlyLimit),
  afterProcessing: handler.afterProcessing,
  processedFolder: handler.processedFolder,
  subjectKeyPattern: handler.subjectKeyPattern,
  backfillDays: String(handler.backfillDays),
});

/** A number as typed; what is no whole number stays a string, so the schema's message names the field. */
const numberOf = (text: string): number | string => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : text);

export const toHandlerInput = (values: HandlerFormValues, id: string | undefined): MailHandlerInput => {
  const input: MailHandlerInput = {
    name: values.name,
    enabled: values.enabled,
    credentialId: values.credentialId,
    folder: values.folder,
    mode: values.mode,
    senders: values.senders,
    allowedDomains:
      values.senders === 'domains'
        ? values.allowedDomains
            .split(/[\s,;]+/)
            .map((domain) => domain.trim())
            .filter((domain) => domain !== '')
        : [],
    senderHourlyLimit: numberOf(values.senderHourlyLimit) as number,
    afterProcessing: values.afterProcessing,
    processedFolder: values.processedFolder,
    subjectKeyPattern: values.subjectKeyPattern,
    backfillDays: numberOf(values.backfillDays) as number,
  };
  if (id !== undefined) input.id = id;
  if (values.mailboxChoice === 'other') input.mailbox = values.mailbox;
  if (values.projectKey !== '') input.projectKey = values.projectKey;
  if (values.issueTypeId !== '') input.issueTypeId = values.issueTypeId;
  if (values.defaultReporter !== null) input.defaultReporter = values.defaultReporter;
  return input;
};

/** The backend's schema, run here so its messages show before a round trip. */
export const validateHandler = (input: MailHandlerInput): HandlerErrors => {
  const errors: HandlerErrors = {};
  const parsed = mailHandlerInputSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (isHandlerField(field)) errors[field] ??= issue.message;
    }
  }
  return errors;
};

/** A refused save: messages on the form's fields, and any the form has no field for. */
export const handlerErrorsFrom = (error: ResolverError): { fields: HandlerErrors; other: string[] } => {
  const fields: HandlerErrors = {};
  const other: string[] = [];
  for (const [key, message] of Object.entries(error.fieldErrors ?? {})) {
    const field = key.split(/[.[]/)[0] ?? key;
    if (isHandlerField(field)) fields[field] ??= message;
    else if (message !== error.message && !other.includes(message)) other.push(message);
  }
  return { fields, other };
};

/** Handlers by name, as the backend lists them. */
export const upsertHandler = (handlers: readonly MailHandlerView[], handler: MailHandlerView): MailHandlerView[] =>
  [...handlers.filter((item) => item.id !== handler.id), handler].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );

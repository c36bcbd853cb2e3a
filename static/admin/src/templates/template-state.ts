import {
  type AdminFunctions,
  BUILT_IN_TEMPLATE_ID,
  MAX_TEMPLATE_BYTES,
  type ResolverError,
  type TemplateInput,
  templateInputSchema,
  templatePreviewSchema,
  type TemplateView,
} from '../../../../src/contract';
import { type FieldErrors, fieldErrorsFromIssues, normaliseFieldErrors } from '../../../shared/field-errors';

/** The editor's fields as its inputs hold them. */
export interface TemplateFormValues {
  name: string;
  subject: string;
  body: string;
}

export type TemplateField = keyof TemplateFormValues;

/** The order the fields appear in, to focus the first one with an error. */
export const TEMPLATE_FIELDS: readonly TemplateField[] = ['name', 'subject', 'body'];

export const isTemplateField = (key: string): key is TemplateField =>
  (TEMPLATE_FIELDS as readonly string[]).includes(key);

export const templateFieldId = (field: TemplateField | 'issueKey') => `template-${field}`;

/** What the editor shows: a new template (maybe a copy), a stored one to edit, or the built-in one to read. */
export type EditorTarget =
  | { kind: 'new'; copyOf?: TemplateView }
  | { kind: 'edit'; template: TemplateView }
  | { kind: 'view'; template: TemplateView };

export type PreviewPayload = AdminFunctions['previewTemplate']['payload'];

const MAX_NAME_LENGTH = 80;
export const BODY_TOO_LARGE_MESSAGE = 'Keep the body under 100 KB.';

export const isBuiltIn = (template: TemplateView) => template.builtIn || template.id === BUILT_IN_TEMPLATE_ID;

export const emptyTemplateValues = (): TemplateFormValues => ({ name: '', subject: '', body: '' });

export const templateValuesFrom = (template: TemplateView): TemplateFormValues => ({
  name: template.name,
  subject: template.subject,
  body: template.body,
});

/** "Copy of Support", then "Copy of Support (2)" and on, as Jira names copied schemes; never over 80 characters. */
export const copyName = (name: string, takenNames: readonly string[]): string => {
  const taken = new Set(takenNames.map((taken) => taken.trim().toLowerCase()));
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const base = `Copy of ${name.trim()}`.slice(0, MAX_NAME_LENGTH - suffix.length).trimEnd();
    const candidate = `${base}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
};

/**
 * A new template starts from the built-in one's subject and layout (styled, with every placeholder in place), not
 * a blank unstyled page; only its name is empty. The built-in template is the first of the list the backend sends.
 */
export const editorValuesFor = (target: EditorTarget, templates: readonly TemplateView[]): TemplateFormValues => {
  if (target.kind !== 'new') return templateValuesFrom(target.template);
  if (!target.copyOf) {
    const builtIn = templates.find(isBuiltIn);
    return builtIn ? { ...templateValuesFrom(builtIn), name: '' } : emptyTemplateValues();
  }
  return {
    ...templateValuesFrom(target.copyOf),
    name: copyName(
      target.copyOf.name,
      templates.map((template) => template.name),
    ),
  };
};

export const toTemplateInput = (values: TemplateFormValues, id?: string): TemplateInput => {
  const input: TemplateInput = { name: values.name, subject: values.subject, body: values.body };
  if (id !== undefined) input.id = id;
  return input;
};

export const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

/** The backend's schema, run here so its messages appear before a round trip; the body's limit is in bytes. */
export const validateTemplateInput = (input: TemplateInput): FieldErrors => {
  const parsed = templateInputSchema.safeParse(input);
  const errors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues);
  if (!errors.body && utf8Bytes(input.body) > MAX_TEMPLATE_BYTES) errors.body = BODY_TOO_LARGE_MESSAGE;
  return errors;
};

/** A refused save or preview: messages for the editor's fields, and any the editor has no field for. */
export const templateErrorsFrom = (error: ResolverError): { fields: FieldErrors; other: string[] } => {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const [field, message] of Object.entries(normaliseFieldErrors(error.fieldErrors))) {
    if (isTemplateField(field)) fields[field] = message;
    else if (field !== 'issueKey' && message !== error.message) other.push(message);
  }
  return { fields, other };
};

export interface SourcePosition {
  line: number;
  column: number;
}

/** The position a Liquid error names, as the backend writes it: "Line 3, column 5: …". */
export const errorPosition = (message: string | undefined): SourcePosition | null => {
  const match = /\bline (\d+)(?:, column (\d+))?/i.exec(message ?? '');
  if (!match) return null;
  const line = Number(match[1]);
  const column = match[2] === undefined ? 1 : Number(match[2]);
  return line >= 1 && column >= 1 ? { line, column } : null;
};

/** The character offset of a 1-based line and column, clamped to the text (a stale position still lands). */
export const offsetOf = (text: string, { line, column }: SourcePosition): number => {
  const lines = text.split('\n');
  const index = Math.min(line, lines.length) - 1;
  let offset = 0;
  for (let i = 0; i < index; i += 1) offset += (lines[i]?.length ?? 0) + 1;
  return offset + Math.min(column - 1, lines[index]?.length ?? 0);
};

/** The 1-based line and column of a caret offset, for the editor's status line. */
export const positionOf = (text: string, offset: number): SourcePosition => {
  const before = text.slice(0, Math.max(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: before.length - lineStart + 1 };
};

export const lineCount = (text: string) => text.split('\n').length;

/**
 * The preview call for the editor's text. Jira keys are upper case, so "demo-1" is taken as DEMO-1; an empty key
 * previews against the sample issue.
 */
export const previewPayload = (
  values: TemplateFormValues,
  issueKey: string,
): { ok: true; payload: PreviewPayload } | { ok: false; errors: FieldErrors } => {
  const key = issueKey.trim().toUpperCase();
  const payload: PreviewPayload = { subject: values.subject, body: values.body };
  if (key !== '') payload.issueKey = key;
  const parsed = templatePreviewSchema.safeParse(payload);
  if (parsed.success) return { ok: true, payload };
  return { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues) };
};

/** The list as the backend orders it: the built-in template first, then by name. */
export const sortTemplates = (templates: readonly TemplateView[]): TemplateView[] =>
  [...templates].sort((a, b) => {
    if (isBuiltIn(a) !== isBuiltIn(b)) return isBuiltIn(a) ? -1 : 1;
    return a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });
  });

export const upsertTemplate = (templates: readonly TemplateView[], template: TemplateView): TemplateView[] =>
  sortTemplates([...templates.filter((item) => item.id !== template.id), template]);

/** "2.1 KB of 100 KB": how much of the body's limit is used. */
export const bodySizeText = (body: string): string => {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${kb(utf8Bytes(body))} of ${kb(MAX_TEMPLATE_BYTES)}`;
};

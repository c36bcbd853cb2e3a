import { type FormEvent, useState } from 'react';

import type { ResolverError, TemplateView, UnknownPlaceholder } from '../../../../src/contract';
import type { FieldErrors } from '../../../shared/field-errors';
import { saveTemplate } from '../shared/invokes';
import { useFormFocus } from '../shared/use-form-focus';
import {
  type EditorTarget,
  editorValuesFor,
  TEMPLATE_FIELDS,
  templateErrorsFrom,
  type TemplateField,
  templateFieldId,
  type TemplateFormValues,
  templateValuesFrom,
  toTemplateInput,
  validateTemplateInput,
} from './template-state';

export type TemplateNotice =
  /** Saved; `unknownPlaceholders` are what it names that renders as nothing (saved anyway). */
  | { kind: 'saved'; name: string; unknownPlaceholders: UnknownPlaceholder[] }
  | { kind: 'error'; error: ResolverError; otherErrors: string[] }
  | null;

export interface TemplateEditorOptions {
  target: EditorTarget;
  templates: readonly TemplateView[];
  /** Moves focus to the editor's heading once shown: the admin asked for it. */
  focusOnShow: boolean;
  onSaved: (template: TemplateView) => void;
}

/** After a refused save: the first field with a message. */
const focusFirstTemplateError = (_target: 'first-error', form: HTMLFormElement | null, errors: FieldErrors) => {
  const first = TEMPLATE_FIELDS.find((field) => errors[field]);
  if (first) form?.querySelector<HTMLElement>(`#${templateFieldId(first)}`)?.focus();
};

/**
 * The template editor's state and Save: the schema's checks before the round trip, then the backend's (a Liquid
 * parse error names its field and line). Text is never dropped on a refusal.
 */
export const useTemplateEditor = ({ target, templates, focusOnShow, onSaved }: TemplateEditorOptions) => {
  const [values, setValues] = useState<TemplateFormValues>(() => editorValuesFor(target, templates));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<TemplateNotice>(null);
  const [saving, setSaving] = useState(false);
  const { formRef, headingRef, focusAfterRender } = useFormFocus(focusOnShow, errors, focusFirstTemplateError);

  const readOnly = target.kind === 'view';
  const id = target.kind === 'edit' ? target.template.id : undefined;

  const update = (field: TemplateField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (errors[field]) setErrors(({ [field]: _cleared, ...rest }) => rest);
  };

  /** Also used by the preview, whose refusals name the same fields. */
  const showErrors = (fieldErrors: FieldErrors, focus: boolean) => {
    setErrors(fieldErrors);
    if (focus) focusAfterRender('first-error');
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving || readOnly) return;
    setNotice(null);
    const input = toTemplateInput(values, id);
    const clientErrors = validateTemplateInput(input);
    if (Object.keys(clientErrors).length > 0) {
      showErrors(clientErrors, true);
      return;
    }
    setSaving(true);
    const result = await saveTemplate(input);
    setSaving(false);
    if (result.ok) {
      const { unknownPlaceholders, ...template } = result.data;
      setErrors({});
      setValues(templateValuesFrom(template));
      setNotice({ kind: 'saved', name: template.name, unknownPlaceholders });
      onSaved(template);
      return;
    }
    const { fields, other } = templateErrorsFrom(result.error);
    setNotice({ kind: 'error', error: result.error, otherErrors: other });
    showErrors(fields, true);
  };

  return { values, errors, notice, saving, readOnly, formRef, headingRef, update, showErrors, onSubmit };
};

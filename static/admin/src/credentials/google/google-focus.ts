import type { FieldErrors } from '../../../../shared/field-errors';
import { GOOGLE_FIELD_ORDER, type GoogleField } from './google-form-state';

/** A field, or the Replace key button that stands in for the key input: where focus goes after a choice. */
export type GoogleFocusTarget = GoogleField | 'replace-key';

export const REPLACE_KEY_ID = 'replace-key';

/** Google's fields share the credential form's ids (`credential-<field>`), so labels and page objects stay alike. */
export const googleFieldId = (field: GoogleField) => `credential-${field}`;

/** Focuses a target, or (after a refused save) the first field with an error that the form shows. */
export const focusGoogleTarget = (
  target: GoogleFocusTarget | 'first-error',
  form: HTMLFormElement | null,
  errors: FieldErrors,
) => {
  const first = GOOGLE_FIELD_ORDER.find((field) => errors[field] && form?.querySelector(`#${googleFieldId(field)}`));
  const id =
    target === 'first-error'
      ? first
        ? googleFieldId(first)
        : null
      : target === 'replace-key'
        ? REPLACE_KEY_ID
        : googleFieldId(target);
  if (id) form?.querySelector<HTMLElement>(`#${id}`)?.focus();
};

import type { ChangeEvent } from 'react';

import type { FieldErrors } from '../../../shared/field-errors';
import type { CredentialFormValues, FormField } from './form-state';

/** The order fields appear in, to focus the first one with an error. */
export const FIELD_ORDER: FormField[] = [
  'name',
  'provider',
  'grantType',
  'clientAuthMethod',
  'clientId',
  'clientSecret',
  'secretExpiresOn',
  'nextClientSecret',
  'nextSecretExpiresOn',
  'certificatePem',
  'privateKeyPem',
  'tokenEndpoint',
  'authorizationEndpoint',
  'scope',
  'senderMailbox',
  'graphBaseUrl',
];

export const isFormField = (key: string): key is FormField => (FIELD_ORDER as string[]).includes(key);

export const fieldId = (field: FormField) => `credential-${field}`;

/** A field, or a button that replaces a removed control: where focus goes after a write-only choice. */
export type FocusTarget = FormField | 'replace-secret' | 'next-secret-action' | 'replace-certificate';
export const focusTargetId = (target: FocusTarget) => (target.includes('-') ? target : fieldId(target as FormField));

/** Focuses a target, or (after a refused save) the first field with an error that the form shows. */
export const focusCredentialTarget = (
  target: FocusTarget | 'first-error',
  form: HTMLFormElement | null,
  errors: FieldErrors,
) => {
  const first = FIELD_ORDER.find((field) => errors[field] && form?.querySelector(`#${fieldId(field)}`));
  const id = target === 'first-error' ? (first ? fieldId(first) : null) : focusTargetId(target);
  if (id) form?.querySelector<HTMLElement>(`#${id}`)?.focus();
};

/** Binds a text control to a field. */
export type TextBinding = (field: FormField) => {
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
};

/** What a section of plain (not write-only) fields needs from the form. */
export interface PlainFieldsProps {
  values: CredentialFormValues;
  errors: FieldErrors;
  text: TextBinding;
}

import { type FormEvent, useState } from 'react';

import type { MailHandlerView, ResolverError } from '../../../../src/contract';
import { saveMailHandler } from '../shared/invokes';
import { useFormFocus } from '../shared/use-form-focus';
import {
  emptyHandlerValues,
  HANDLER_FIELDS,
  type HandlerErrors,
  handlerErrorsFrom,
  handlerFieldId,
  type HandlerFormValues,
  handlerValuesFrom,
  toHandlerInput,
  validateHandler,
} from './mail-handler-state';

export type HandlerNotice =
  | { kind: 'saved'; name: string; enabled: boolean }
  | { kind: 'error'; error: ResolverError; otherErrors: string[] }
  | null;

export interface HandlerFormOptions {
  /** The handler to edit, or null to create one. */
  handler: MailHandlerView | null;
  /** A new handler's credential: the default one. */
  defaultCredentialId: string;
  onSaved: (handler: MailHandlerView) => void;
}

/** Which messages an edit makes stale: a value clears its own, and the rules between fields it takes part in. */
const CLEARS: Partial<Record<keyof HandlerFormValues, readonly (keyof HandlerErrors)[]>> = {
  mailboxChoice: ['mailbox'],
  mode: ['mode', 'projectKey', 'issueTypeId', 'defaultReporter'],
  senders: ['senders', 'allowedDomains'],
  folder: ['folder', 'processedFolder'],
  afterProcessing: ['afterProcessing', 'processedFolder'],
};

/** After a refused save: the first field with a message that is on screen. */
const focusFirstError = (_target: 'first-error', form: HTMLFormElement | null, errors: HandlerErrors) => {
  for (const field of HANDLER_FIELDS) {
    const target = errors[field] ? form?.querySelector<HTMLElement>(`#${handlerFieldId(field)}`) : null;
    if (target) {
      target.focus();
      return;
    }
  }
};

/**
 * The handler form's state and Save: the contract's schema before the round trip, then the backend's checks
 * (credential, project and issue type the app can use, conflicts with other handlers) on their fields.
 */
export const useMailHandlerForm = ({ handler, defaultCredentialId, onSaved }: HandlerFormOptions) => {
  const [values, setValues] = useState<HandlerFormValues>(() =>
    handler ? handlerValuesFrom(handler) : emptyHandlerValues(defaultCredentialId),
  );
  const [id, setId] = useState(handler?.id);
  const [errors, setErrors] = useState<HandlerErrors>({});
  const [notice, setNotice] = useState<HandlerNotice>(null);
  const [saving, setSaving] = useState(false);
  const { formRef, headingRef, focusAfterRender } = useFormFocus(true, errors, focusFirstError);

  const update = <K extends keyof HandlerFormValues>(field: K, value: HandlerFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setNotice(null);
    setErrors((current) => {
      const left = { ...current };
      for (const cleared of CLEARS[field] ?? [field as keyof HandlerErrors]) delete left[cleared];
      return left;
    });
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setNotice(null);
    const input = toHandlerInput(values, id);
    const clientErrors = validateHandler(input);
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors);
      focusAfterRender('first-error');
      return;
    }
    setSaving(true);
    const result = await saveMailHandler(input);
    setSaving(false);
    if (result.ok) {
      setId(result.data.id);
      setValues(handlerValuesFrom(result.data));
      setErrors({});
      setNotice({ kind: 'saved', name: result.data.name, enabled: result.data.enabled });
      onSaved(result.data);
      return;
    }
    const { fields, other } = handlerErrorsFrom(result.error);
    setErrors(fields);
    setNotice({ kind: 'error', error: result.error, otherErrors: other });
    focusAfterRender('first-error');
  };

  return { values, errors, notice, saving, formRef, headingRef, update, onSubmit };
};

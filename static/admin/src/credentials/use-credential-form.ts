import { type ChangeEvent, type FormEvent, useState } from 'react';

import type { ConnectionTestResult, ConnectionValues, CredentialView, MicrosoftCloud } from '../../../../src/contract';
import { type FieldErrors, normaliseFieldErrors } from '../../../shared/field-errors';
import { saveCredential, testConnection } from '../shared/invokes';
import { useFormFocus } from '../shared/use-form-focus';
import { withGrantType, withTokenEndpoint } from './authorization-code-values';
import { connectionErrors, connectionValuesOf } from './connection-values';
import { focusCredentialTarget, type FocusTarget, isFormField, type TextBinding } from './form-fields';
import {
  type CredentialFormValues,
  emptyFormValues,
  type FormField,
  formValuesFrom,
  NO_WRITE_ONLY_CHOICES,
  sameValues,
  toCredentialInput,
  validateCredentialInput,
  visibleWriteOnly,
  withProvider,
  type WriteOnlyChoices,
} from './form-state';
import { useFollowStored } from './use-follow-stored';
import { refusedSave, useFormRun } from './use-form-run';

export type { FormBusy, FormNotice } from './use-form-run';

export interface CredentialFormOptions {
  /** The credential being edited, or null to add one. */
  credential: CredentialView | null;
  /** Moves focus to the form's heading once shown: the admin asked for it with Add or Edit. */
  focusOnShow: boolean;
  /** A new credential's cloud and name, carried over when the admin switched back from Google Workspace. */
  initial?: { provider: MicrosoftCloud; name: string } | undefined;
  onSaved: (credential: CredentialView) => void;
  onTested: (id: string, result: ConnectionTestResult) => void;
}

/** Opens the write-only inputs a server error is about, so the message shows beside its field. */
const choicesForErrors = (errors: FieldErrors, choices: WriteOnlyChoices): WriteOnlyChoices => ({
  ...choices,
  replaceSecret: choices.replaceSecret || 'clientSecret' in errors,
  addNextSecret: choices.addNextSecret || 'nextClientSecret' in errors || 'nextSecretExpiresOn' in errors,
  replaceCertificate: choices.replaceCertificate || 'certificatePem' in errors || 'privateKeyPem' in errors,
});

/**
 * The credential form's state and flows: edits kept relative to the stored credential, validation before the
 * round trip, then Save, or Test connection of what the form shows.
 */
export const useCredentialForm = ({ credential, focusOnShow, initial, onSaved, onTested }: CredentialFormOptions) => {
  const [values, setValues] = useState<CredentialFormValues>(() => {
    if (credential) return formValuesFrom(credential);
    return initial ? withProvider({ ...emptyFormValues(), name: initial.name }, initial.provider) : emptyFormValues();
  });
  /** The stored values the form's edits are relative to. */
  const [savedValues, setSavedValues] = useState<CredentialFormValues>(values);
  const [choices, setChoices] = useState<WriteOnlyChoices>(NO_WRITE_ONLY_CHOICES);
  const run = useFormRun();
  const { errors, setErrors, notice, setNotice, sendTestEmail, setSendTestEmail } = run;
  const { testOutcome, setTestOutcome, busy, setBusy } = run;

  const dirty = !sameValues(values, savedValues) || Object.values(choices).some(Boolean);
  const visible = visibleWriteOnly(values, credential, choices);

  useFollowStored(credential, formValuesFrom, [savedValues, setSavedValues], setValues);

  const { formRef, headingRef, focusAfterRender } = useFormFocus(focusOnShow, errors, focusCredentialTarget);

  const update = (field: FormField, value: string) => {
    setValues((current) =>
      field === 'tokenEndpoint' ? withTokenEndpoint(current, value) : { ...current, [field]: value },
    );
    if (errors[field]) setErrors(({ [field]: _cleared, ...rest }) => rest);
  };

  /** A new cloud brings its own Scope and Graph API base URL, so errors about the old ones no longer hold. */
  const chooseProvider = (provider: MicrosoftCloud) => {
    setValues((current) => withProvider(current, provider));
    setErrors(({ provider: _p, scope: _s, graphBaseUrl: _g, ...rest }) => rest);
  };

  /** The grant decides which fields show: errors about the other grant's fields no longer hold. */
  const chooseGrantType = (grantType: CredentialFormValues['grantType']) => {
    setValues((current) => withGrantType(current, grantType));
    setErrors(({ grantType: _t, scope: _s, authorizationEndpoint: _a, ...rest }) => rest);
  };

  const choose = (change: Partial<WriteOnlyChoices>, focus?: FocusTarget) => {
    setChoices((current) => ({ ...current, ...change }));
    if (focus) focusAfterRender(focus);
  };

  const showErrors = (fieldErrors: FieldErrors) => {
    setErrors(fieldErrors);
    setChoices((current) => choicesForErrors(fieldErrors, current));
    focusAfterRender('first-error');
  };

  const save = async () => {
    if (busy) return;
    setNotice(null);
    const input = toCredentialInput(values, credential, choices);
    const clientErrors = validateCredentialInput(input, values, visible);
    if (Object.keys(clientErrors).length > 0) {
      showErrors(clientErrors);
      return;
    }
    setBusy('saving');
    const result = await saveCredential(input);
    setBusy(null);
    if (result.ok) {
      setErrors({});
      setChoices(NO_WRITE_ONLY_CHOICES);
      setTestOutcome(null);
      setValues(formValuesFrom(result.data));
      setSavedValues(formValuesFrom(result.data));
      setNotice({ kind: 'saved', name: result.data.name });
      onSaved(result.data);
      return;
    }
    const refused = refusedSave(result.error, isFormField);
    setNotice(refused.notice);
    showErrors(refused.fieldErrors);
  };

  /** Tests what the admin sees: the saved credential, or with unsaved edits the form's values (never saved). */
  const test = async () => {
    if (!credential || busy) return;
    let formValues: ConnectionValues | undefined;
    if (dirty) {
      const input = toCredentialInput(values, credential, choices);
      const blocking = connectionErrors(validateCredentialInput(input, values, visible));
      if (Object.keys(blocking).length > 0) {
        setTestOutcome(null);
        showErrors(blocking);
        return;
      }
      formValues = connectionValuesOf(input);
    }
    setBusy('testing');
    setTestOutcome(null);
    const result = await testConnection(credential.id, sendTestEmail, formValues);
    setBusy(null);
    if (result.ok) {
      setTestOutcome({ kind: 'result', result: result.data });
      // The list shows the saved credential's health: a test of unsaved values says nothing about it.
      if (result.data.tested !== 'form') onTested(credential.id, result.data);
    } else {
      setTestOutcome({ kind: 'error', error: result.error });
      const serverErrors = normaliseFieldErrors(result.error.fieldErrors);
      if (Object.keys(serverErrors).length > 0) showErrors(serverErrors);
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save();
  };

  const onTest = () => void test();

  const text: TextBinding = (field) => ({
    value: values[field],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => update(field, event.currentTarget.value),
  });

  return {
    values,
    errors,
    choices,
    notice,
    busy,
    dirty,
    sendTestEmail,
    setSendTestEmail,
    testOutcome,
    formRef,
    headingRef,
    text,
    update,
    choose,
    chooseProvider,
    chooseGrantType,
    onSubmit,
    onTest,
  };
};

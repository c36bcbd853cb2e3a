import { type FormEvent, useState } from 'react';

import type { ConnectionTestResult, CredentialView } from '../../../../../src/contract';
import type { FieldErrors } from '../../../../shared/field-errors';
import { saveGoogleCredential, testConnection } from '../../shared/invokes';
import { useFormFocus } from '../../shared/use-form-focus';
import { sameValues } from '../form-state';
import { useFollowStored } from '../use-follow-stored';
import { refusedSave, useFormRun } from '../use-form-run';
import { focusGoogleTarget } from './google-focus';
import {
  emptyGoogleValues,
  type GoogleField,
  type GoogleFormValues,
  googleValuesFrom,
  isGoogleField,
  type KeyChoice,
  keyInputVisible,
  NO_KEY,
  toGoogleCredentialInput,
  validateGoogleInput,
} from './google-form-state';
import { readServiceAccountKeyFile } from './service-account-key-file';

export interface GoogleFormOptions {
  /** The Google credential being edited, or null to add one. */
  credential: CredentialView | null;
  focusOnShow: boolean;
  /** A new credential's name, carried over when the admin switched the provider to Google Workspace. */
  initialName?: string;
  onSaved: (credential: CredentialView) => void;
  onTested: (id: string, result: ConnectionTestResult) => void;
}

/**
 * The Google credential form's state and flows: edits kept relative to the stored credential, the key file read in
 * the browser for its public facts, validation before the round trip, Save, and Test connection of the saved
 * credential (the unsaved values of a Google form are never tested: Save first).
 */
export const useGoogleCredentialForm = (options: GoogleFormOptions) => {
  const { credential, focusOnShow, initialName, onSaved, onTested } = options;
  const [values, setValues] = useState<GoogleFormValues>(() =>
    credential ? googleValuesFrom(credential) : emptyGoogleValues(initialName),
  );
  const [savedValues, setSavedValues] = useState<GoogleFormValues>(values);
  const [key, setKey] = useState<KeyChoice>(NO_KEY);
  const [replaceKey, setReplaceKey] = useState(false);
  /** Remounts the file input, which cannot be cleared by a value, once its file is saved or dropped. */
  const [fileInputKey, setFileInputKey] = useState(0);
  const run = useFormRun();
  const { errors, setErrors, notice, setNotice, sendTestEmail, setSendTestEmail } = run;
  const { testOutcome, setTestOutcome, busy, setBusy } = run;

  const keyVisible = keyInputVisible(credential, replaceKey);
  const dirty = !sameValues(values, savedValues) || replaceKey || key.state !== 'none';

  useFollowStored(credential, googleValuesFrom, [savedValues, setSavedValues], setValues);

  const { formRef, headingRef, focusAfterRender } = useFormFocus(focusOnShow, errors, focusGoogleTarget);

  const clearError = (field: GoogleField) => {
    if (errors[field]) setErrors(({ [field]: _cleared, ...rest }) => rest);
  };

  const update = <F extends keyof GoogleFormValues>(field: F, value: GoogleFormValues[F]) => {
    setValues((current) => ({ ...current, [field]: value }));
    clearError(field);
  };

  /** A chosen or dropped file is read at once: what it says, or why it is no key, shows on the field. */
  const chooseKeyFile = async (file: File) => {
    const reading = await readServiceAccountKeyFile(file);
    if (reading.ok) {
      setKey({ state: 'chosen', fileName: file.name, text: reading.text, summary: reading.summary });
      clearError('serviceAccountKey');
    } else {
      setKey({ state: 'invalid', fileName: file.name, message: reading.message });
      setErrors((current) => ({ ...current, serviceAccountKey: reading.message }));
    }
  };

  /** Opens or takes back Replace key; taking it back forgets the chosen file. */
  const chooseReplaceKey = (replace: boolean) => {
    setReplaceKey(replace);
    if (!replace) {
      setKey(NO_KEY);
      setFileInputKey((count) => count + 1);
      clearError('serviceAccountKey');
    }
    focusAfterRender(replace ? 'serviceAccountKey' : 'replace-key');
  };

  const showErrors = (fieldErrors: FieldErrors) => {
    setErrors(fieldErrors);
    // A server error about the key shows beside the key input, so that input opens.
    if ('serviceAccountKey' in fieldErrors) setReplaceKey(true);
    focusAfterRender('first-error');
  };

  const save = async () => {
    if (busy) return;
    setNotice(null);
    const input = toGoogleCredentialInput(values, credential, key, replaceKey);
    const clientErrors = validateGoogleInput(input, key, keyVisible);
    if (Object.keys(clientErrors).length > 0) {
      showErrors(clientErrors);
      return;
    }
    setBusy('saving');
    const result = await saveGoogleCredential(input);
    setBusy(null);
    if (result.ok) {
      const stored = googleValuesFrom(result.data);
      setErrors({});
      setKey(NO_KEY);
      setReplaceKey(false);
      setFileInputKey((count) => count + 1);
      setTestOutcome(null);
      setValues(stored);
      setSavedValues(stored);
      setNotice({ kind: 'saved', name: result.data.name });
      onSaved(result.data);
      return;
    }
    const refused = refusedSave(result.error, isGoogleField);
    setNotice(refused.notice);
    showErrors(refused.fieldErrors);
  };

  const test = async () => {
    if (!credential || busy || dirty) return;
    setBusy('testing');
    setTestOutcome(null);
    const result = await testConnection(credential.id, sendTestEmail);
    setBusy(null);
    if (result.ok) {
      setTestOutcome({ kind: 'result', result: result.data });
      onTested(credential.id, result.data);
    } else {
      setTestOutcome({ kind: 'error', error: result.error });
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void save();
  };

  return {
    values,
    errors,
    key,
    keyVisible,
    replaceKey,
    fileInputKey,
    notice,
    busy,
    dirty,
    sendTestEmail,
    setSendTestEmail,
    testOutcome,
    formRef,
    headingRef,
    update,
    chooseKeyFile: (file: File) => void chooseKeyFile(file),
    chooseReplaceKey,
    onSubmit,
    onTest: () => void test(),
  };
};

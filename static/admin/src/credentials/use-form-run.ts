import { useState } from 'react';

import type { ResolverError } from '../../../../src/contract';
import { type FieldErrors, normaliseFieldErrors } from '../../../shared/field-errors';
import type { ConnectionTestOutcome } from './connection-test-result';

export type FormNotice =
  { kind: 'saved'; name: string } | { kind: 'error'; error: ResolverError; otherErrors: string[] } | null;

export type FormBusy = 'saving' | 'testing' | null;

/** What every credential form (Microsoft's, Google's) shows about its last Save or Test connection. */
export const useFormRun = () => {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<FormNotice>(null);
  const [sendTestEmail, setSendTestEmail] = useState(false);
  const [testOutcome, setTestOutcome] = useState<ConnectionTestOutcome | null>(null);
  const [busy, setBusy] = useState<FormBusy>(null);
  return {
    errors,
    setErrors,
    notice,
    setNotice,
    sendTestEmail,
    setSendTestEmail,
    testOutcome,
    setTestOutcome,
    busy,
    setBusy,
  };
};

/**
 * A refused save: the errors about the form's own fields go beside them; the rest (a field the form does not show)
 * join the notice.
 */
export const refusedSave = (error: ResolverError, isField: (key: string) => boolean) => {
  const fieldErrors = normaliseFieldErrors(error.fieldErrors);
  const otherErrors = Object.entries(fieldErrors)
    .filter(([field]) => !isField(field))
    .map(([, message]) => message);
  return { fieldErrors, notice: { kind: 'error', error, otherErrors } satisfies FormNotice };
};

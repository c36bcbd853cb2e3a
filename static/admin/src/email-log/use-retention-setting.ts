import { type FormEvent, useCallback, useEffect, useState } from 'react';

import {
  type EmailLogSettings,
  emailLogSettingsSchema,
  type ResolverError,
  type ResolverResult,
} from '../../../../src/contract';
import { normaliseFieldErrors } from '../../../shared/field-errors';
import { loadPart, saveEmailLogSettings } from '../shared/invokes';
import { useFocusAfterRender } from '../shared/use-focus-after-render';

export const RETENTION_FIELD_ID = 'email-log-retention-days';

export type RetentionLoad = { state: 'loading' } | { state: 'failed'; error: ResolverError } | { state: 'loaded' };

export type RetentionNotice =
  { kind: 'saved'; days: number } | { kind: 'error'; error: ResolverError; otherErrors: string[] } | null;

/** The field's text as a number for the contract's schema: empty is not 0 but "no number". */
const daysOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * "Keep emails for N days": the stored value, the admin's edit, and Save. The contract's schema checks the number
 * first, with the backend's own messages; what the backend still refuses shows on the field too.
 */
export const useRetentionSetting = () => {
  const [load, setLoad] = useState<RetentionLoad>({ state: 'loading' });
  const [value, setValue] = useState('');
  const [savedValue, setSavedValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<RetentionNotice>(null);
  const [saving, setSaving] = useState(false);
  // Focus moves after the render that shows the message.
  const focusAfter = useFocusAfterRender();

  /** Shows what was read; the state was already 'loading' (the first read) or set so by `refresh`. */
  const show = useCallback((result: ResolverResult<EmailLogSettings>) => {
    if (!result.ok) {
      setLoad({ state: 'failed', error: result.error });
      return;
    }
    const days = String(result.data.retentionDays);
    setValue(days);
    setSavedValue(days);
    setLoad({ state: 'loaded' });
  }, []);

  const refresh = useCallback(async () => {
    setLoad({ state: 'loading' });
    show(await loadPart('emailLogSettings'));
  }, [show]);

  useEffect(() => {
    void loadPart('emailLogSettings').then(show);
  }, [show]);

  const onChange = (text: string) => {
    setValue(text);
    setError(undefined);
    setNotice(null);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setNotice(null);
    const parsed = emailLogSettingsSchema.safeParse({ retentionDays: daysOf(value) });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message);
      focusAfter(RETENTION_FIELD_ID);
      return;
    }
    setSaving(true);
    const result = await saveEmailLogSettings(parsed.data);
    setSaving(false);
    if (result.ok) {
      const days = String(result.data.retentionDays);
      setValue(days);
      setSavedValue(days);
      setError(undefined);
      setNotice({ kind: 'saved', days: result.data.retentionDays });
      return;
    }
    const { retentionDays: fieldError, ...others } = normaliseFieldErrors(result.error.fieldErrors);
    setError(fieldError);
    setNotice({ kind: 'error', error: result.error, otherErrors: Object.values(others) });
    if (fieldError) focusAfter(RETENTION_FIELD_ID);
  };

  return { load, value, error, notice, saving, dirty: value !== savedValue, refresh, onChange, onSubmit };
};

import { useEffect, useRef, useState } from 'react';

import type { FieldErrors } from '../../../shared/field-errors';
import { FIELD_ORDER, fieldId, type FocusTarget, focusTargetId } from './form-fields';

/**
 * Where focus goes in the credential form: its heading when the admin opened it, the first field with an error
 * after a failed save, or the control that took the place of the one a write-only choice removed.
 */
export const useFormFocus = (focusOnShow: boolean, errors: FieldErrors) => {
  const [focusTarget, setFocusTarget] = useState<FocusTarget | 'first-error' | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!focusOnShow) return;
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [focusOnShow]);

  // Focus moves after the render that shows its target.
  useEffect(() => {
    if (focusTarget === null) return;
    const form = formRef.current;
    const first = FIELD_ORDER.find((field) => errors[field] && form?.querySelector(`#${fieldId(field)}`));
    const id = focusTarget === 'first-error' ? (first ? fieldId(first) : null) : focusTargetId(focusTarget);
    if (id) form?.querySelector<HTMLElement>(`#${id}`)?.focus();
    setFocusTarget(null);
  }, [focusTarget, errors]);

  return { formRef, headingRef, focusAfterRender: setFocusTarget };
};

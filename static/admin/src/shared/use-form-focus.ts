import { useCallback, useEffect, useRef, useState } from 'react';

/** Puts focus on what a target names in the form, as the render that shows it left the form. */
export type FocusTargetIn<Target, Errors> = (target: Target, form: HTMLFormElement | null, errors: Errors) => void;

/**
 * Where focus goes in an admin form: its heading when the admin opened it; after a refused save (or a choice that
 * replaced a control) what `focusTarget` finds, once the render that shows the messages is on screen.
 * `focusTarget` is a module-level function, so it is the same on every render.
 */
export const useFormFocus = <Target, Errors>(
  focusOnShow: boolean,
  errors: Errors,
  focusTarget: FocusTargetIn<Target, Errors>,
) => {
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** The target asked for, waiting for the render that shows it. */
  const pending = useRef<Target | null>(null);
  const [requested, setRequested] = useState(0);

  useEffect(() => {
    if (!focusOnShow) return;
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [focusOnShow]);

  // Focus moves after the render that shows its target.
  useEffect(() => {
    const target = pending.current;
    if (target === null) return;
    pending.current = null;
    focusTarget(target, formRef.current, errors);
  }, [requested, errors, focusTarget]);

  const focusAfterRender = useCallback((target: Target) => {
    pending.current = target;
    setRequested((count) => count + 1);
  }, []);

  return { formRef, headingRef, focusAfterRender };
};

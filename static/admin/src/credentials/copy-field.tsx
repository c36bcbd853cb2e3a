import { type ReactNode, useRef, useState } from 'react';

import { Field } from '../../../shared/components/field';

type CopyOutcome = 'copied' | 'select' | null;

interface CopyFieldProps {
  id: string;
  label: string;
  hint?: ReactNode;
  value: string;
  /** The button's visible text. */
  buttonText: string;
  /** The button's accessible name when its text alone would be ambiguous ("Copy" beside several values). */
  buttonLabel?: string;
}

/**
 * A read-only value with a Copy button. Where the frame may not use the clipboard, the value is selected for Ctrl+C
 * instead; either way the outcome is announced.
 */
export const CopyField = ({ id, label, hint, value, buttonText, buttonLabel }: CopyFieldProps) => {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<CopyOutcome>(null);
  const copy = async () => {
    input.current?.select();
    const outcome = await navigator.clipboard.writeText(value).then(
      () => 'copied' as const,
      () => 'select' as const,
    );
    setCopied(outcome);
  };
  return (
    <Field id={id} label={label} hint={hint}>
      {(control) => (
        <>
          <div className="im-copy-row">
            <input
              {...control}
              ref={input}
              className="im-input im-input--code"
              type="text"
              readOnly
              value={value}
              onFocus={(event) => event.currentTarget.select()}
            />
            <button type="button" className="im-button" aria-label={buttonLabel} onClick={() => void copy()}>
              {buttonText}
            </button>
          </div>
          <p className="im-copy-row__status" role="status" aria-live="polite">
            {copied === 'copied' ? 'Copied' : copied === 'select' ? 'Selected: press Ctrl+C to copy.' : ''}
          </p>
        </>
      )}
    </Field>
  );
};

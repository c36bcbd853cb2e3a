import { type KeyboardEvent, useEffect, useRef } from 'react';

interface InlineConfirmProps {
  /** The group's accessible name, e.g. "Delete Support template?". */
  label: string;
  confirmText: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * "Delete? [Delete] [Keep]" in place of a row's actions, as the admin tables ask. Focus starts on the safe choice,
 * since the button or menu item that asked is gone; Escape keeps.
 */
export const InlineConfirm = ({ label, confirmText, busy, onConfirm, onCancel }: InlineConfirmProps) => {
  const keepRef = useRef<HTMLButtonElement>(null);
  // The autofocus attribute is not honoured for elements inserted after load.
  useEffect(() => keepRef.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent<HTMLSpanElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <span className="im-button-row im-confirm" role="group" aria-label={label} onKeyDown={onKeyDown}>
      <span className="im-confirm__question" aria-hidden="true">
        {confirmText}?
      </span>
      <button
        type="button"
        className="im-button im-button--danger"
        aria-disabled={busy}
        onClick={() => !busy && onConfirm()}
      >
        {busy && <span className="im-spinner im-spinner--inverse" aria-hidden="true" />}
        {confirmText}
      </button>
      <button ref={keepRef} type="button" className="im-button im-button--subtle" onClick={onCancel}>
        Keep
      </button>
    </span>
  );
};

import type { ReactNode } from 'react';

import { InlineConfirm } from './inline-confirm';

interface RowButtonProps {
  id?: string;
  /** The accessible name, which says the row: "Edit Weekly digest". */
  label: string;
  /** Shown as unavailable (another row action is under way); the button stays focusable. */
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

/** A subtle button in a table row's actions. */
export const RowButton = ({ id, label, disabled, onClick, children }: RowButtonProps) => (
  <button
    id={id}
    type="button"
    className="im-button im-button--subtle"
    aria-label={label}
    aria-disabled={disabled}
    onClick={onClick}
  >
    {children}
  </button>
);

interface RowActionsProps {
  /** Asking "Delete …?" in place of the row's buttons. */
  confirming: boolean;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/** A table row's buttons, or the inline "Delete …?" confirmation in their place. */
export const RowActions = ({ confirming, confirmLabel, busy, onConfirm, onCancel, children }: RowActionsProps) =>
  confirming ? (
    <InlineConfirm label={confirmLabel} confirmText="Delete" busy={busy} onConfirm={onConfirm} onCancel={onCancel} />
  ) : (
    <span className="im-button-row">{children}</span>
  );

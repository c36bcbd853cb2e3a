import type { ReactNode } from 'react';

interface SuggestionListboxProps {
  id: string;
  label: string;
  open: boolean;
  /** "Searching…", "No … match", a failure: shown under the options. */
  status: string | null;
  /** The app's class that sizes the popup. */
  className: string;
  children: ReactNode;
}

/**
 * The suggestions under a chip input (the listbox of the ARIA combobox pattern). Focus stays in the text box; its
 * aria-activedescendant names the highlighted option, and a live region of the caller announces the count.
 */
export const SuggestionListbox = ({ id, label, open, status, className, children }: SuggestionListboxProps) => (
  <div className={`im-listbox ${className}`} hidden={!open}>
    <ul id={id} role="listbox" aria-label={label} className="im-listbox__list">
      {children}
    </ul>
    {status !== null && (
      <p className="im-listbox__status" aria-hidden="true">
        {status}
      </p>
    )}
  </div>
);

interface SuggestionOptionProps {
  id: string;
  selected: boolean;
  /** The app's class that lays the option out. */
  className: string;
  onPick: () => void;
  /** Makes this option the highlighted one, the one Enter picks. */
  onHighlight: () => void;
  children: ReactNode;
}

/**
 * One suggestion; a click picks it without taking focus from the text box. Moving the pointer over it highlights
 * it, so the option that looks highlighted is always the one Enter picks. Only movement counts: a list that opens
 * under a resting pointer (the browser then fires mouseover, not mousemove) highlights nothing by itself.
 */
export const SuggestionOption = ({ id, selected, className, onPick, onHighlight, children }: SuggestionOptionProps) => (
  <li
    id={id}
    role="option"
    aria-selected={selected}
    className={`im-listbox__option ${className}`}
    // Keeps focus (and the caret) in the text box, as the combobox pattern wants.
    onMouseDown={(event) => event.preventDefault()}
    onMouseMove={() => {
      if (!selected) onHighlight();
    }}
    onClick={onPick}
  >
    {children}
  </li>
);

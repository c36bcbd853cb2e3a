import type { FocusEvent, ReactNode, RefObject } from 'react';

/**
 * The chip input both apps draw (the admin page's group and role pickers, the dialog's recipient boxes): chosen
 * values as chips in one input-looking box with a text box for the next one, the suggestions under it, then a
 * live region for the suggestion count and an always-present note (so the note is announced when it appears).
 * The caller renders the chips, the text box and the suggestions; this is the frame and its accessibility wiring.
 */
interface ChipInputProps {
  inputRef: RefObject<HTMLInputElement | null>;
  /** The chips, as list items; no list is drawn when there are none. */
  chips: readonly ReactNode[];
  /** The chip list's accessible name, if it has one. */
  chipsLabel?: string;
  invalid: boolean;
  /** The app's own class on the box, for its sizes. */
  boxClassName?: string;
  /** Whether a click on a chip too (not only on the box itself) puts the caret in the text box. */
  focusOnChipClick: boolean;
  /** The combobox text box. */
  input: ReactNode;
  suggestions: ReactNode;
  announcement: string;
  noteId: string;
  noteClassName: string;
  note: ReactNode;
  wrapRef?: RefObject<HTMLDivElement | null>;
  onBlur?: (event: FocusEvent<HTMLDivElement>) => void;
}

export const ChipInput = ({
  inputRef,
  chips,
  chipsLabel,
  invalid,
  boxClassName,
  focusOnChipClick,
  input,
  suggestions,
  announcement,
  noteId,
  noteClassName,
  note,
  wrapRef,
  onBlur,
}: ChipInputProps) => {
  const boxClass = ['im-chip-input__box', boxClassName, invalid ? 'im-chip-input__box--invalid' : undefined]
    .filter(Boolean)
    .join(' ');
  return (
    <div>
      <div ref={wrapRef} className="im-chip-input" onBlur={onBlur}>
        <div
          className={boxClass}
          // A click anywhere in the box, as on an input, puts the caret in the text box.
          onClick={(event) => {
            if (focusOnChipClick || event.target === event.currentTarget) inputRef.current?.focus();
          }}
        >
          {chips.length > 0 && (
            <ul className="im-chips" aria-label={chipsLabel}>
              {chips}
            </ul>
          )}
          {input}
        </div>
        {suggestions}
      </div>
      <span className="im-visually-hidden" role="status">
        {announcement}
      </span>
      <p className={`im-field__hint ${noteClassName}`} id={noteId} role="status">
        {note}
      </p>
    </div>
  );
};

/** The combobox attributes of a chip input's text box (the ARIA combobox pattern with a listbox popup). */
export const comboboxAttributes = (listId: string, expanded: boolean, activeId: string | undefined) => ({
  role: 'combobox',
  'aria-autocomplete': 'list' as const,
  'aria-expanded': expanded,
  'aria-controls': listId,
  'aria-activedescendant': expanded ? activeId : undefined,
  autoComplete: 'off',
  spellCheck: false,
});

/** The next highlighted suggestion for ArrowDown (+1) or ArrowUp (-1), wrapping around; -1 means none yet. */
export const stepActive = (activeIndex: number, step: 1 | -1, count: number): number => {
  const from = activeIndex === -1 ? (step === 1 ? -1 : count) : activeIndex;
  return (from + step + count) % count;
};

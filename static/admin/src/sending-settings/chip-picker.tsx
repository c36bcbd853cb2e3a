import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';

import { ChipInput, comboboxAttributes, stepActive } from '../../../shared/components/chip-input';
import { Field } from '../../../shared/components/field';
import { SuggestionListbox, SuggestionOption } from '../../../shared/components/suggestion-listbox';
import { notAddedMessage } from './unadded-text';

export interface ChipOption {
  value: string;
  label: string;
}

interface ChipPickerProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** "group" in "Remove group Developers". */
  noun: string;
  chosen: readonly ChipOption[];
  /** Suggestions for the current query; chosen ones are left out here. */
  options: readonly ChipOption[];
  query: string;
  /** Shown instead of, or under, the suggestions: "Searching…", "No groups match", a failure. */
  status: string | null;
  onQueryChange: (query: string) => void;
  onAdd: (option: ChipOption) => void;
  onRemove: (value: string) => void;
}

const ChosenChip = ({ option, noun, onRemove }: { option: ChipOption; noun: string; onRemove: () => void }) => (
  <li className="im-chip">
    <span className="im-chip__label">{option.label}</span>
    <button type="button" className="im-chip__remove" aria-label={`Remove ${noun} ${option.label}`} onClick={onRemove}>
      <span aria-hidden="true">×</span>
    </button>
  </li>
);

/**
 * A Jira-style multi-select: chosen values as removable chips in the field, a text box that suggests more (the
 * ARIA combobox pattern). Arrow keys move through the suggestions, Enter adds one, Escape closes them. Text that
 * matches no chip is kept, never cleared behind the admin's back: a second Escape, or leaving the field, says
 * under it that the text was not added (the form's Save refuses it the same way).
 */
export const ChipPicker = (props: ChipPickerProps) => {
  const { id, label, hint, error, noun, chosen, query, status } = props;
  const [open, setOpen] = useState(false);
  /** The highlighted suggestion; -1 for none (opened by a click, nothing chosen yet). */
  const [active, setActive] = useState(-1);
  /** Escape with the suggestions closed, or focus left the field: time to say the text was not added. */
  const [leftBehind, setLeftBehind] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const listId = useId();
  const chosenValues = new Set(chosen.map((option) => option.value));
  const options = props.options.filter((option) => !chosenValues.has(option.value));
  const activeIndex = Math.min(active, options.length - 1);
  const activeOption = activeIndex >= 0 ? options[activeIndex] : undefined;
  const optionId = (index: number) => `${listId}-option-${index}`;
  const expanded = open && (options.length > 0 || status !== null);
  const typed = query.trim();
  // Save's error says the same, so it is not said twice.
  const notAdded = leftBehind && typed !== '' && !error ? notAddedMessage(noun, typed) : '';
  const notAddedId = `${id}-not-added`;

  const add = (option: ChipOption) => {
    props.onAdd(option);
    props.onQueryChange('');
    setOpen(false);
    setActive(-1);
    setLeftBehind(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(event.key === 'ArrowDown' ? 0 : options.length - 1);
          return;
        }
        if (options.length === 0) return;
        setActive(stepActive(activeIndex, event.key === 'ArrowDown' ? 1 : -1, options.length));
        return;
      }
      case 'Enter':
        // Enter adds the highlighted suggestion; with none, it submits the form as usual.
        if (expanded && activeOption) {
          event.preventDefault();
          add(activeOption);
        }
        return;
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
        } else if (typed !== '') {
          event.preventDefault();
          setLeftBehind(true);
        }
        return;
    }
  };

  const remove = (option: ChipOption) => {
    props.onRemove(option.value);
    inputRef.current?.focus();
  };

  const announcement = !expanded
    ? ''
    : options.length > 0
      ? `${options.length} ${options.length === 1 ? 'suggestion' : 'suggestions'}. Use the arrow keys to choose.`
      : (status ?? '');

  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => (
        <ChipInput
          wrapRef={wrapRef}
          onBlur={(event) => {
            if (wrapRef.current?.contains(event.relatedTarget)) return;
            setOpen(false);
            if (typed !== '') setLeftBehind(true);
          }}
          inputRef={inputRef}
          invalid={control['aria-invalid'] === true}
          focusOnChipClick
          chipsLabel={`Chosen ${label.toLowerCase()}`}
          chips={chosen.map((option) => (
            <ChosenChip key={option.value} option={option} noun={noun} onRemove={() => remove(option)} />
          ))}
          input={
            <input
              {...control}
              aria-describedby={
                [control['aria-describedby'], notAdded ? notAddedId : undefined].filter(Boolean).join(' ') || undefined
              }
              ref={inputRef}
              className="im-chip-input__text im-picker__input"
              type="text"
              {...comboboxAttributes(listId, expanded, activeOption ? optionId(activeIndex) : undefined)}
              value={query}
              placeholder={chosen.length === 0 ? `Choose ${noun}s` : ''}
              onChange={(event) => {
                props.onQueryChange(event.currentTarget.value);
                setOpen(true);
                setActive(0);
                setLeftBehind(false);
              }}
              onClick={() => {
                if (open) return;
                setOpen(true);
                setActive(-1);
              }}
              onKeyDown={onKeyDown}
            />
          }
          suggestions={
            <SuggestionListbox
              id={listId}
              label={`${label} suggestions`}
              open={expanded}
              status={status}
              className="im-picker__popup"
            >
              {options.map((option, index) => (
                <SuggestionOption
                  key={option.value}
                  id={optionId(index)}
                  selected={index === activeIndex}
                  className="im-picker__option"
                  onPick={() => add(option)}
                  onHighlight={() => setActive(index)}
                >
                  {option.label}
                </SuggestionOption>
              ))}
            </SuggestionListbox>
          }
          announcement={announcement}
          noteId={notAddedId}
          noteClassName="im-chip-input__not-added"
          note={notAdded}
        />
      )}
    </Field>
  );
};

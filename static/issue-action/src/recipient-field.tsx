import {
  type ClipboardEvent,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useRef,
  useState,
} from 'react';

import { ChipInput, comboboxAttributes } from '../../shared/components/chip-input';
import { Field } from '../../shared/components/field';
import { plural } from './format';
import { PeopleSuggestions } from './people-suggestions';
import { isReachable, type Reachable } from './person-labels';
import { RecipientChip } from './recipient-chip';
import { onRecipientKey, onRecipientPaste } from './recipient-keys';
import { type Recipient, RECIPIENT_LABELS, type RecipientField as FieldName } from './recipient-state';
import { MIN_SEARCH_LENGTH, type PeopleSearch, usePeopleSearch } from './use-people-search';

export const recipientInputId = (field: FieldName) => `email-${field}`;

interface RecipientFieldProps {
  field: FieldName;
  chips: readonly Recipient[];
  text: string;
  note: string | null;
  /** The backend's message for this field from the last send or preview. */
  error: string | undefined;
  required?: boolean;
  hint?: ReactNode;
  inputRef?: RefObject<HTMLInputElement | null>;
  isRecipient: (address: string) => boolean;
  onType: (text: string) => void;
  onCommit: (text?: string) => void;
  onPick: (person: Reachable) => void;
  onRemove: (id: string) => void;
  onRemoveLast: () => void;
}

const statusOf = (search: PeopleSearch, query: string, shown: number): string | null => {
  switch (search.status) {
    case 'idle':
      return null;
    case 'searching':
      return shown > 0 ? null : 'Searching…';
    case 'failed':
      return search.message;
    case 'done':
      // Someone typing a whole address needs no "no match" in the way.
      return shown > 0 || query.includes('@') ? null : `No people match “${query.trim()}”.`;
  }
};

/**
 * A recipient box: chips for the addresses so far, a text box for the next one. Enter, comma, semicolon, Tab or
 * leaving the box turns what is typed into chips, a pasted list becomes chips at once, Backspace in an empty box
 * removes the last chip. Typing a name suggests people (the ARIA combobox pattern).
 */
export const RecipientField = (props: RecipientFieldProps) => {
  const { field, chips, text, note, error, required = false, hint } = props;
  const label = RECIPIENT_LABELS[field];
  const id = recipientInputId(field);
  const ownRef = useRef<HTMLInputElement>(null);
  const inputRef = props.inputRef ?? ownRef;
  const [focused, setFocused] = useState(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const search = usePeopleSearch(focused && open ? text : '');
  const people = search.results.filter(isReachable).filter((person) => !props.isRecipient(person.address));
  const status = statusOf(search, text, people.length);
  const expanded = open && focused && text.trim().length >= MIN_SEARCH_LENGTH && (people.length > 0 || status !== null);
  const activeIndex = Math.min(active, people.length - 1);
  const listId = `${id}-suggestions`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const noteId = `${id}-note`;
  const messageId = (chip: Recipient) => `${id}-chip-${chip.id}`;
  const invalidIds = chips.filter((chip) => !chip.valid).map(messageId);

  // A box full of chips scrolls; the text box (where the next address goes) stays in view as chips are added.
  useEffect(() => {
    const input = inputRef.current;
    if (input && input === document.activeElement) input.scrollIntoView({ block: 'nearest' });
  }, [chips.length, inputRef]);

  const suggestionAnnouncement = !expanded
    ? ''
    : people.length > 0
      ? `${plural(people.length, 'person', 'people')} found. Use the arrow keys to choose.`
      : (status ?? '');

  const pick = (person: Reachable) => {
    props.onPick(person);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) =>
    onRecipientKey(event, {
      text,
      chipCount: chips.length,
      people,
      activeIndex,
      activePerson: expanded && activeIndex >= 0 ? people[activeIndex] : undefined,
      expanded,
      setActive,
      setOpen,
      pick,
      onCommit: props.onCommit,
      onRemoveLast: props.onRemoveLast,
    });

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) =>
    onRecipientPaste(event, text, (pasted) => {
      props.onCommit(pasted);
      setOpen(false);
    });

  return (
    <Field id={id} label={label} required={required} hint={hint} error={error}>
      {(control) => {
        const describedBy = [control['aria-describedby'], ...invalidIds, note ? noteId : undefined]
          .filter(Boolean)
          .join(' ');
        const invalid = error !== undefined || invalidIds.length > 0;
        return (
          <ChipInput
            inputRef={inputRef}
            invalid={invalid}
            boxClassName="im-recipients__box"
            focusOnChipClick={false}
            chips={chips.map((chip) => (
              <RecipientChip
                key={chip.id}
                chip={chip}
                messageId={messageId(chip)}
                onRemove={() => {
                  props.onRemove(chip.id);
                  inputRef.current?.focus();
                }}
              />
            ))}
            input={
              <input
                id={control.id}
                ref={inputRef}
                className="im-chip-input__text im-recipients__input"
                type="text"
                inputMode="email"
                {...comboboxAttributes(listId, expanded, activeIndex >= 0 ? optionId(activeIndex) : undefined)}
                aria-describedby={describedBy || undefined}
                aria-invalid={invalid || undefined}
                aria-required={control['aria-required']}
                value={text}
                placeholder={chips.length === 0 ? 'Name or email address' : ''}
                onChange={(event) => {
                  props.onType(event.currentTarget.value);
                  setOpen(true);
                  setActive(-1);
                }}
                onKeyDown={onKeyDown}
                onPaste={onPaste}
                onFocus={() => setFocused(true)}
                onBlur={() => {
                  setFocused(false);
                  setOpen(false);
                  setActive(-1);
                  props.onCommit();
                }}
              />
            }
            suggestions={
              <PeopleSuggestions
                listId={listId}
                optionId={optionId}
                people={people}
                active={activeIndex}
                status={status}
                open={expanded}
                onPick={pick}
                onHighlight={setActive}
              />
            }
            announcement={suggestionAnnouncement}
            noteId={noteId}
            noteClassName="im-recipients__note"
            note={note}
          />
        );
      }}
    </Field>
  );
};

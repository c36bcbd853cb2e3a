import { SOURCE_LABELS, type Reachable } from './person-labels';

interface PeopleSuggestionsProps {
  listId: string;
  optionId(index: number): string;
  people: readonly Reachable[];
  /** The highlighted option; -1 for none, so Enter adds what was typed. */
  active: number;
  /** "Searching…", "No people match", a failure: shown under the options. */
  status: string | null;
  open: boolean;
  onPick(person: Reachable): void;
  onHighlight(index: number): void;
}

/**
 * The people a recipient box suggests (the listbox of the ARIA combobox pattern). Focus stays in the text box; the
 * box's aria-activedescendant names the highlighted option.
 */
export function PeopleSuggestions({ listId, optionId, people, active, status, open, onPick, onHighlight }: PeopleSuggestionsProps) {
  return (
    <div className="im-suggest" hidden={!open}>
      <ul id={listId} role="listbox" aria-label="Suggested people" className="im-suggest__list">
        {people.map((person, index) => (
          <li
            key={`${person.source}:${person.address}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="im-suggest__option"
            // Keeps focus (and the caret) in the text box, as the combobox pattern wants.
            onMouseDown={(event) => event.preventDefault()}
            onMouseMove={() => {
              if (index !== active) onHighlight(index);
            }}
            onClick={() => onPick(person)}
          >
            <span className="im-person">
              <span className="im-person__name">{person.name}</span>
              <span className="im-person__address">{person.address}</span>
              {person.detail && <span className="im-person__detail">{person.detail}</span>}
            </span>
            <span className="im-lozenge im-person__source">{SOURCE_LABELS[person.source]}</span>
          </li>
        ))}
      </ul>
      {status !== null && (
        <p className="im-suggest__status" aria-hidden="true">
          {status}
        </p>
      )}
    </div>
  );
}

import { SuggestionListbox, SuggestionOption } from '../../shared/components/suggestion-listbox';
import { type Reachable, SOURCE_LABELS } from './person-labels';

interface PeopleSuggestionsProps {
  listId: string;
  optionId: (index: number) => string;
  people: readonly Reachable[];
  /** The highlighted option; -1 for none, so Enter adds what was typed. */
  active: number;
  /** "Searching…", "No people match", a failure: shown under the options. */
  status: string | null;
  open: boolean;
  onPick: (person: Reachable) => void;
  onHighlight: (index: number) => void;
}

/** The people a recipient box suggests, with where each was found. */
export const PeopleSuggestions = ({
  listId,
  optionId,
  people,
  active,
  status,
  open,
  onPick,
  onHighlight,
}: PeopleSuggestionsProps) => (
  <SuggestionListbox id={listId} label="Suggested people" open={open} status={status} className="im-suggest">
    {people.map((person, index) => (
      <SuggestionOption
        key={`${person.source}:${person.address}`}
        id={optionId(index)}
        selected={index === active}
        className="im-suggest__option"
        onHighlight={() => onHighlight(index)}
        onPick={() => onPick(person)}
      >
        <span className="im-person">
          <span className="im-person__name">{person.name}</span>
          <span className="im-person__address">{person.address}</span>
          {person.detail && <span className="im-person__detail">{person.detail}</span>}
        </span>
        <span className="im-lozenge im-person__source">{SOURCE_LABELS[person.source]}</span>
      </SuggestionOption>
    ))}
  </SuggestionListbox>
);

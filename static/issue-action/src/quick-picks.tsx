import { useState } from 'react';
import type { PersonOption } from '../../../src/contract/issue-email';
import { SOURCE_LABELS, isReachable, type Reachable } from './person-labels';
import { RECIPIENT_LABELS, type RecipientField } from './recipient-state';

interface QuickPicksProps {
  picks: readonly PersonOption[];
  /** The field a person's address is already in, if any. */
  fieldOf(address: string): RecipientField | undefined;
  onPick(person: Reachable): void;
}

/** Issues with many watchers would push the form down; the rest are one click away. */
const SHOWN_AT_FIRST = 6;

/**
 * The issue's people (reporter, assignee, watchers) as one-click "add to To" buttons. Someone whose email Jira hides
 * stays visible but disabled, so nobody wonders where the assignee went.
 */
export function QuickPicks({ picks, fieldOf, onPick }: QuickPicksProps) {
  const [showAll, setShowAll] = useState(false);
  if (picks.length === 0) return null;
  const shown = showAll ? picks : picks.slice(0, SHOWN_AT_FIRST);
  const hidden = picks.length - shown.length;
  return (
    <div className="im-quick-picks" role="group" aria-labelledby="quick-picks-label">
      <span className="im-quick-picks__label" id="quick-picks-label">
        Add from this issue
      </span>
      {shown.map((person, index) => {
        const role = SOURCE_LABELS[person.source];
        const key = `${person.source}:${person.address ?? person.name}:${index}`;
        if (!isReachable(person)) {
          return (
            <button
              key={key}
              type="button"
              className="im-quick-pick"
              disabled
              aria-label={`Add ${role.toLowerCase()}: ${person.name} (email hidden)`}
              title="Jira hides this person's email address."
            >
              {role}: {person.name} <span className="im-quick-pick__aside">email hidden</span>
            </button>
          );
        }
        const already = fieldOf(person.address);
        return (
          <button
            key={key}
            type="button"
            className="im-quick-pick"
            disabled={already !== undefined}
            aria-label={`Add ${role.toLowerCase()}: ${person.name}${already ? ` (in ${RECIPIENT_LABELS[already]})` : ''}`}
            title={person.address}
            onClick={() => onPick(person)}
          >
            <span className="im-quick-pick__icon" aria-hidden="true">
              {already ? '✓' : '+'}
            </span>
            {role}: {person.name}
          </button>
        );
      })}
      {hidden > 0 && (
        <button type="button" className="im-link-button im-quick-picks__more" onClick={() => setShowAll(true)}>
          {hidden} more
        </button>
      )}
    </div>
  );
}

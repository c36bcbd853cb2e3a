import { useState } from 'react';

import type { PersonOption } from '../../../src/contract/issue-email';
import { SOURCE_LABELS } from './person-labels';
import { RECIPIENT_LABELS, type RecipientField } from './recipient-state';

interface QuickPicksProps {
  picks: readonly PersonOption[];
  /** The field a person is already in, if any. */
  fieldOf: (person: PersonOption) => RecipientField | undefined;
  onPick: (person: PersonOption) => void;
}

/** Issues with many watchers would push the form down; the rest are one click away. */
const SHOWN_AT_FIRST = 6;

/** Jira hides the address, but the email can still reach a Jira user: the backend finds it when sending. */
const HIDDEN_TITLE = "Jira hides this person's email address. The email still reaches them; the address is not shown.";

/**
 * The issue's people (reporter, assignee, watchers) as one-click "add to To" buttons. Someone whose email Jira hides
 * is added by name; the address never reaches this page. Only someone Jira names no account for stays disabled.
 */
export const QuickPicks = ({ picks, fieldOf, onPick }: QuickPicksProps) => {
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
        const key = `${person.source}:${person.accountId ?? person.address ?? person.name}:${index}`;
        const addressHidden = person.address === null;
        if (addressHidden && person.accountId === undefined) {
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
        const already = fieldOf(person);
        return (
          <button
            key={key}
            type="button"
            className="im-quick-pick"
            disabled={already !== undefined}
            aria-label={`Add ${role.toLowerCase()}: ${person.name}${addressHidden ? ' (email hidden)' : ''}${already ? ` (in ${RECIPIENT_LABELS[already]})` : ''}`}
            title={person.address ?? HIDDEN_TITLE}
            onClick={() => onPick(person)}
          >
            <span className="im-quick-pick__icon" aria-hidden="true">
              {already ? '✓' : '+'}
            </span>
            {role}: {person.name}
            {addressHidden && <span className="im-quick-pick__aside">email hidden</span>}
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
};

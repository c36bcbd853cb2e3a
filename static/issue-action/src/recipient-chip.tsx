import { chipLabel, type Recipient } from './recipient-state';

interface RecipientChipProps {
  chip: Recipient;
  /** The id of the invalid chip's message, which the field's text box is described by. */
  messageId: string;
  onRemove: () => void;
}

/** The parser's message names the token; the one that does not (too long) gets the token in front. */
const invalidText = (chip: Extract<Recipient, { valid: false }>) =>
  chip.message.includes(chip.text) ? chip.message : `${chip.text}: ${chip.message}`;

/**
 * One recipient. A valid one shows the name (the address for screen readers and on hover); a Jira user whose address
 * Jira hides shows only their name, since the page never has the address; an invalid one is red and says why in
 * words, not only in colour.
 */
export const RecipientChip = ({ chip, messageId, onRemove }: RecipientChipProps) => {
  const label = chipLabel(chip);
  if (chip.valid && chip.address === null) {
    return (
      <li className="im-chip" title={`${chip.name}: Jira hides this person's email address.`}>
        <span className="im-chip__label">{label}</span>
        <span className="im-visually-hidden"> (email hidden)</span>
        <button type="button" className="im-chip__remove" aria-label={`Remove ${label}`} onClick={onRemove}>
          <span aria-hidden="true">×</span>
        </button>
      </li>
    );
  }
  return chip.valid ? (
    <li className="im-chip" title={chip.text}>
      <span className="im-chip__label">{label}</span>
      {chip.name !== undefined && <span className="im-visually-hidden"> &lt;{chip.address}&gt;</span>}
      <button type="button" className="im-chip__remove" aria-label={`Remove ${label}`} onClick={onRemove}>
        <span aria-hidden="true">×</span>
      </button>
    </li>
  ) : (
    <li className="im-chip im-chip--invalid" aria-invalid="true">
      <span className="im-chip__icon" aria-hidden="true">
        !
      </span>
      <span className="im-chip__label" id={messageId}>
        {invalidText(chip)}
      </span>
      <button type="button" className="im-chip__remove" aria-label={`Remove ${label}`} onClick={onRemove}>
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
};

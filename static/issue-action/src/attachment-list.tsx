import type { AttachmentOption } from '../../../src/contract/issue-email';
import { SectionMessage } from '../../shared/components/section-message';
import { MAX_ATTACHMENTS, selectedAttachments, toggleAttachment, totalBytes } from './content-state';
import { formatBytes, plural } from './format';

interface AttachmentListProps {
  attachments: readonly AttachmentOption[];
  chosen: readonly string[];
  maxBytes: number;
  error: string | undefined;
  onChange: (ids: string[]) => void;
}

export const ATTACHMENTS_ID = 'email-attachments';

/** The issue's attachments to send along, with the total size against what Microsoft 365 takes. */
export const AttachmentList = ({ attachments, chosen, maxBytes, error, onChange }: AttachmentListProps) => {
  const selected = selectedAttachments(attachments, chosen);
  const total = totalBytes(selected);
  const tooLarge = total > maxBytes;
  const tooMany = selected.length > MAX_ATTACHMENTS;
  const summaryId = `${ATTACHMENTS_ID}-summary`;
  const errorId = `${ATTACHMENTS_ID}-error`;
  return (
    <fieldset
      id={ATTACHMENTS_ID}
      className="im-fieldset im-choice-group"
      aria-describedby={[summaryId, error ? errorId : ''].filter(Boolean).join(' ')}
      tabIndex={-1}
    >
      <legend className="im-field__label">Attachments</legend>
      {attachments.length === 0 ? (
        <p className="im-secondary" id={summaryId}>
          This issue has no attachments.
        </p>
      ) : (
        <>
          <ul className="im-attachments">
            {attachments.map((attachment) => (
              <li key={attachment.id}>
                <label className="im-attachment">
                  <input
                    type="checkbox"
                    checked={chosen.includes(attachment.id)}
                    onChange={(event) => onChange(toggleAttachment(chosen, attachment.id, event.currentTarget.checked))}
                  />
                  <span className="im-attachment__name">{attachment.filename}</span>
                  <span className="im-attachment__size">{formatBytes(attachment.size)}</span>
                </label>
              </li>
            ))}
          </ul>
          <div className="im-attachments__footer">
            <p
              className={tooLarge ? 'im-attachments__total im-attachments__total--over' : 'im-attachments__total'}
              id={summaryId}
            >
              {selected.length === 0
                ? `None of ${plural(attachments.length, 'file')} selected.`
                : `${selected.length} of ${plural(attachments.length, 'file')} selected, ${formatBytes(total)} in total.`}
            </p>
            {attachments.length > 1 && (
              <button
                type="button"
                className="im-link-button"
                onClick={() => onChange(selected.length === attachments.length ? [] : attachments.map((a) => a.id))}
              >
                {selected.length === attachments.length ? 'Clear all' : 'Select all'}
              </button>
            )}
          </div>
        </>
      )}
      {tooLarge && (
        <SectionMessage appearance="warning" title="Too large to send">
          <p>
            The selected attachments add up to {formatBytes(total)}; an email can carry at most {formatBytes(maxBytes)}.
            Leave some out to send.
          </p>
        </SectionMessage>
      )}
      {tooMany && (
        <SectionMessage appearance="warning" title="Too many attachments">
          <p>An email can carry at most {MAX_ATTACHMENTS} attachments. Leave some out to send.</p>
        </SectionMessage>
      )}
      {error && (
        <p className="im-field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
};

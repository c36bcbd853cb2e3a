import { settingsFieldId } from './settings-state';

const COMMENT_HINT = `${settingsFieldId('commentAfterSend')}-hint`;

interface CommentAfterSendFieldProps {
  checked: boolean;
  error: string | undefined;
  onChange: (checked: boolean) => void;
}

/** "Comment on the issue after sending": one checkbox with its hint and error. */
export const CommentAfterSendField = ({ checked, error, onChange }: CommentAfterSendFieldProps) => (
  <div className="im-field">
    <label className="im-checkbox im-checkbox--field">
      <input
        id={settingsFieldId('commentAfterSend')}
        type="checkbox"
        checked={checked}
        aria-describedby={[error ? `${settingsFieldId('commentAfterSend')}-error` : '', COMMENT_HINT]
          .filter(Boolean)
          .join(' ')}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      Comment on the issue after sending
    </label>
    <p id={COMMENT_HINT} className="im-field__hint im-checkbox__hint">
      Adds "Emailed to … by …" to the issue.
    </p>
    {error && (
      <p className="im-field__error" id={`${settingsFieldId('commentAfterSend')}-error`}>
        {error}
      </p>
    )}
  </div>
);

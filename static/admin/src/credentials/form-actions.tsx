import type { FormBusy } from './use-credential-form';

interface FormActionsProps {
  isNew: boolean;
  /** Unsaved edits: Test connection tests the form's values without saving them, and the hint says so. */
  dirty: boolean;
  busy: FormBusy;
  sendTestEmail: boolean;
  onSendTestEmailChange: (sendTestEmail: boolean) => void;
  onTest: () => void;
  onClose: () => void;
  /** Google Workspace tests the saved credential only: with unsaved edits the button waits and says to save first. */
  testsSavedOnly?: boolean;
}

export const SAVE_FIRST_HINT = 'You have unsaved changes: save them first, then test the connection.';

/** Save and Cancel; for a saved credential, Test connection (optionally with a test email) and Close. */
export const FormActions = (props: FormActionsProps) => {
  const { isNew, dirty, busy, sendTestEmail, onSendTestEmailChange, onTest, onClose, testsSavedOnly = false } = props;
  const waitsForSave = testsSavedOnly && dirty;
  return (
    <div className="im-form__footer">
      <div className="im-button-row">
        <button type="submit" className="im-button im-button--primary" aria-disabled={busy !== null}>
          {busy === 'saving' && <span className="im-spinner im-spinner--inverse" aria-hidden="true" />}
          Save
        </button>
        {isNew && (
          <>
            <span className="im-button-row__spacer" />
            <button type="button" className="im-button im-button--subtle" onClick={onClose}>
              Cancel
            </button>
          </>
        )}
        {!isNew && (
          <>
            <button
              type="button"
              className="im-button"
              onClick={onTest}
              aria-disabled={busy !== null || waitsForSave}
              aria-describedby="test-connection-hint"
            >
              {busy === 'testing' && <span className="im-spinner" aria-hidden="true" />}
              Test connection
            </button>
            <label className="im-checkbox" htmlFor="credential-sendTestEmail">
              <input
                id="credential-sendTestEmail"
                type="checkbox"
                checked={sendTestEmail}
                onChange={(event) => onSendTestEmailChange(event.currentTarget.checked)}
              />
              Also send a test email to me
            </label>
            <span className="im-button-row__spacer" />
            <button type="button" className="im-button im-button--subtle" onClick={onClose}>
              Close
            </button>
          </>
        )}
      </div>
      <p id="test-connection-hint" className="im-field__hint">
        {isNew
          ? 'Save the credential, then test the connection.'
          : waitsForSave
            ? SAVE_FIRST_HINT
            : dirty
              ? 'You have unsaved changes: Test connection tests the values in the form, without saving them.'
              : 'Gets a token, checks its permissions and the sender mailbox; mails you only if you ask.'}
      </p>
    </div>
  );
};

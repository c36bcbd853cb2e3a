import { SectionMessage } from '../../shared/components/section-message';
import { closeDialog } from './close-dialog';
import { DialogShell } from './dialog-shell';
import { ReadyDialog } from './ready-dialog';
import { useEmailDraft } from './use-email-draft';

/** The "Email this issue" dialog the jira:issueAction opens. */
export const EmailDialog = () => {
  const draft = useEmailDraft();
  if (draft.state === 'ready') return <ReadyDialog draft={draft.draft} />;
  return (
    <DialogShell
      footer={
        <div className="im-dialog__actions">
          <button type="button" className="im-button im-button--subtle" onClick={() => void closeDialog()}>
            Cancel
          </button>
          <button type="button" className="im-button im-button--primary" disabled>
            Send
          </button>
        </div>
      }
    >
      {draft.state === 'loading' ? (
        <p role="status" className="im-secondary">
          <span className="im-spinner" aria-hidden="true" /> Loading…
        </p>
      ) : (
        <SectionMessage appearance="error" title="This issue can't be emailed right now">
          <p>{draft.error.message}</p>
        </SectionMessage>
      )}
    </DialogShell>
  );
};

import type { RefObject } from 'react';

import { closeDialog } from './close-dialog';

interface DialogFooterProps {
  onCompose: boolean;
  allowed: boolean;
  configured: boolean;
  done: boolean;
  busy: boolean;
  canSend: boolean;
  /** Why Send is not possible yet, if it is not; Send is described by it. */
  hint: string | undefined;
  /** What the live region under the form says. */
  status: string;
  /** The close button cancels an email being written; otherwise it closes. */
  cancels: boolean;
  sending: boolean;
  closeRef: RefObject<HTMLButtonElement | null>;
  onPreview: () => void;
  onSend: () => void;
}

/** The dialog's footer: Preview, the hint about what blocks Send, Cancel or Close, and Send. */
export const DialogFooter = (props: DialogFooterProps) => {
  const { onCompose, allowed, configured, done, busy, closeRef } = props;
  return (
    <>
      {onCompose && allowed && !done && (
        <button
          type="button"
          className="im-button"
          disabled={!configured}
          aria-disabled={busy || undefined}
          onClick={props.onPreview}
        >
          Preview
        </button>
      )}
      <p className="im-dialog__hint" id="send-hint" role="status">
        {props.status}
      </p>
      <div className="im-dialog__actions">
        <button
          ref={closeRef}
          type="button"
          className={`im-button ${done ? 'im-button--primary' : 'im-button--subtle'}`}
          onClick={() => void closeDialog()}
        >
          {/* History only shows: nothing there to cancel. */}
          {props.cancels ? 'Cancel' : 'Close'}
        </button>
        {/* Someone who may not send gets the reason and no form: nothing to send either. */}
        {onCompose && !done && allowed && (
          <button
            type="button"
            className="im-button im-button--primary"
            disabled={!props.canSend}
            aria-disabled={busy || undefined}
            aria-describedby={props.hint !== undefined ? 'send-hint' : undefined}
            onClick={props.onSend}
          >
            {props.sending && <span className="im-spinner" aria-hidden="true" />}
            Send
          </button>
        )}
      </div>
    </>
  );
};

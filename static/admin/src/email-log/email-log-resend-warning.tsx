import { useEffect, useRef } from 'react';

import type { ResolverError } from '../../../../src/contract';
import { SectionMessage } from '../../../shared/components/section-message';

interface ResendWarningProps {
  error: ResolverError;
  onResendAnyway: () => void;
  onCancel: () => void;
}

/**
 * "Nothing has changed since this email failed": asked in place, before a resend that would most likely fail the
 * same way. Focus goes to the safe choice, since the "Resend" button that asked is gone; Escape cancels.
 */
export const ResendWarning = ({ error, onResendAnyway, onCancel }: ResendWarningProps) => {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        // The panel closes on Escape; here Escape only takes the question back.
        event.preventDefault();
        event.stopPropagation();
        onCancel();
      }}
    >
      <SectionMessage appearance="warning" title="Nothing has changed since this email failed">
        <p>{error.message}</p>
        <div className="im-button-row im-email-detail__confirm">
          <button type="button" className="im-button im-button--primary" onClick={onResendAnyway}>
            Resend anyway
          </button>
          <button ref={cancelRef} type="button" className="im-button im-button--subtle" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </SectionMessage>
    </div>
  );
};

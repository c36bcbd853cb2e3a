import { deliveryAppearance, deliveryNote, deliveryText } from './delivery-text';
import type { DeliveryProgress } from './delivery-tracker';
import { FailureReference } from './failure-reference';
import { failureReference } from './send-block';

export const DELIVERY_STATUS_ID = 'delivery-status';

/**
 * Where a queued email stands, from "Queued: waiting to be sent..." to "Sent to 2 people". The live region is
 * always in the page, empty until "Send", so screen readers announce each change (politely, whole). Under it, while
 * the next status read is a while away, that the email is still being sent; a failed email's reference for the
 * admin follows it.
 */
export const DeliveryStatus = ({ progress }: { progress: DeliveryProgress | null }) => {
  const appearance = progress ? deliveryAppearance(progress) : undefined;
  const reference = failureReference(progress);
  const note = progress ? deliveryNote(progress) : null;
  return (
    <>
      <div
        id={DELIVERY_STATUS_ID}
        className="im-delivery"
        role="status"
        aria-live="polite"
        aria-atomic="true"
        aria-label="Delivery status"
      >
        {progress && (
          <p className={`im-delivery__message im-delivery__message--${appearance}`}>
            {appearance === 'progress' ? (
              <span className="im-spinner" aria-hidden="true" />
            ) : (
              <span className="im-delivery__icon" aria-hidden="true" />
            )}
            <span className="im-delivery__text">{deliveryText(progress)}</span>
          </p>
        )}
      </div>
      {note && <p className="im-delivery__note">{note}</p>}
      {reference && <FailureReference reference={reference} />}
    </>
  );
};

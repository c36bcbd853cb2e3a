import type { DeliveryEvent } from '../../../../src/contract';
import { formatDateTime } from '../shared/format';
import { DeliveryLozenge } from './delivery-lozenge';

/** What happened to an email, oldest first, as the outbox recorded it. */
export const EmailLogEvents = ({ events, titleId }: { events: readonly DeliveryEvent[]; titleId: string }) => (
  <section className="im-email-events" aria-labelledby={titleId}>
    <h4 id={titleId} className="im-email-events__title">
      Delivery events
    </h4>
    {events.length === 0 ? (
      <p className="im-secondary">Nothing has happened to this email yet.</p>
    ) : (
      <ol className="im-timeline">
        {events.map((event, index) => (
          <li key={index} className="im-timeline__item">
            <div className="im-timeline__head">
              <time className="im-secondary im-nowrap" dateTime={event.at}>
                {formatDateTime(event.at)}
              </time>
              <DeliveryLozenge status={event.status} />
            </div>
            <p className="im-timeline__note">{event.note}</p>
            {(event.attempt !== undefined || event.requestId || event.from) && (
              <p className="im-timeline__meta im-secondary">
                {event.attempt !== undefined && `Attempt ${event.attempt}`}
                {event.attempt !== undefined && event.from && ' · '}
                {event.from && `From ${event.from}`}
                {(event.attempt !== undefined || event.from) && event.requestId && ' · '}
                {event.requestId && (
                  <>
                    Request ID <code className="im-copyable">{event.requestId}</code>
                  </>
                )}
              </p>
            )}
            {event.error && (
              <p className="im-timeline__error">
                <code>{event.error.code}</code> {event.error.message}
              </p>
            )}
          </li>
        ))}
      </ol>
    )}
  </section>
);

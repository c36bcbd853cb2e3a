import type { HandlerCheck, MailHandlerTestResult, MailHandlerView } from '../../../../src/contract';
import { LoadFailed } from '../../../shared/components/load-failed';
import { useResolverLoad } from '../../../shared/loadable';
import { testMailHandler } from '../shared/invokes';

const TEST_TITLE = 'handler-test-title';

const subscriptionText = (check: MailHandlerTestResult['subscription']): string => {
  if (!check.ok) return check.message;
  const state = check.data;
  if (state.status === 'active') return `Active until ${new Date(state.expiresAt).toLocaleString()}.`;
  if (state.status === 'expired') return `Expired ${new Date(state.expiredAt).toLocaleString()}.`;
  if (state.status === 'polled') {
    return `Not needed: the mailbox is read every ${state.everyMinutes} minutes for new mail.`;
  }
  return 'None yet: it is created when the handler connects.';
};

const CheckRow = <T,>({ label, check, text }: { label: string; check: HandlerCheck<T>; text: (data: T) => string }) => (
  <div className="im-handler-test__row">
    <dt>
      <span className={`im-status-icon im-status-icon--${check.ok ? 'passed' : 'failed'}`} aria-hidden="true">
        {check.ok ? '✓' : '!'}
      </span>{' '}
      {label}
    </dt>
    <dd>{check.ok ? text(check.data) : check.message}</dd>
  </div>
);

/** Test: the folder with its unread count, the processed folder and the subscription, each answered on its own. */
export const HandlerTestPanel = ({ handler, onClose }: { handler: MailHandlerView; onClose: () => void }) => {
  const { load, retry } = useResolverLoad(handler.id, testMailHandler);
  return (
    <section className="im-handler-test" aria-labelledby={TEST_TITLE} aria-busy={load.state === 'loading'}>
      <div className="im-section__header">
        <h3 id={TEST_TITLE}>Test: {handler.name}</h3>
        <button type="button" className="im-button im-button--subtle" onClick={onClose}>
          Close
        </button>
      </div>
      {load.state === 'loading' && (
        <p role="status" className="im-secondary">
          <span className="im-spinner" aria-hidden="true" /> Testing…
        </p>
      )}
      {load.state === 'failed' && (
        <LoadFailed title="The test did not run" message={load.error.message} onRetry={retry} />
      )}
      {load.state === 'loaded' && (
        <div role="status">
          <p className="im-secondary">Mailbox: {load.data.mailbox || '—'}</p>
          <dl className="im-handler-test__checks">
            <CheckRow
              label="Folder"
              check={load.data.folder}
              text={(folder) => `${folder.displayName}: ${folder.unreadCount} unread of ${folder.totalCount}.`}
            />
            {load.data.processedFolder && (
              <CheckRow
                label="Processed folder"
                check={load.data.processedFolder}
                text={(folder) => `${folder.displayName}${folder.created ? ' (created now)' : ''}.`}
              />
            )}
            <CheckRow
              label="Subscription"
              check={load.data.subscription}
              text={() => subscriptionText(load.data.subscription)}
            />
          </dl>
          <button type="button" className="im-button" onClick={retry}>
            Test again
          </button>
        </div>
      )}
    </section>
  );
};

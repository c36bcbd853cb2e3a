import type { ReactNode } from 'react';

import { type ConnectionTestOutcome, ConnectionTestResultView } from './connection-test-result';

/** Test connection run from a row: its result shows under the table. `outcome` is null while it runs. */
export interface RowTest {
  id: string;
  name: string;
  outcome: ConnectionTestOutcome | null;
}

export const ROW_TEST_TITLE = 'row-test-title';

interface RowTestPanelProps {
  rowTest: RowTest;
  onDismiss: () => void;
  /** For an authorization code credential: "Authorize again" when the test says the grant is gone. */
  onAuthorizeAgain?: (() => void) | undefined;
  /** How that "Authorize again" goes, under the result that offered it. */
  authorizeMessage?: ReactNode;
}

export const RowTestPanel = ({ rowTest, onDismiss, onAuthorizeAgain, authorizeMessage }: RowTestPanelProps) => (
  <section className="im-row-test" aria-labelledby={ROW_TEST_TITLE} aria-busy={rowTest.outcome === null}>
    <div className="im-section__header">
      <h3 id={ROW_TEST_TITLE} tabIndex={-1}>
        Test connection: {rowTest.name}
      </h3>
      {rowTest.outcome && (
        <button type="button" className="im-button im-button--subtle" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
    {rowTest.outcome ? (
      <>
        <ConnectionTestResultView outcome={rowTest.outcome} onAuthorizeAgain={onAuthorizeAgain} />
        {authorizeMessage}
      </>
    ) : (
      <p role="status" className="im-secondary">
        <span className="im-spinner" aria-hidden="true" /> Testing the connection…
      </p>
    )}
  </section>
);

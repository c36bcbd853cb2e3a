import { SectionMessage } from '../../shared/components/section-message';
import { HistoryEntry } from './history-entry';
import type { HistoryState } from './use-email-history';

interface HistoryPanelProps {
  state: HistoryState;
  onReload: () => void;
}

/** The emails sent from this issue, newest first. */
export const HistoryPanel = ({ state, onReload }: HistoryPanelProps) => (
  <div className="im-history" aria-busy={state.status === 'loading'}>
    {(state.status === 'loading' || state.status === 'idle') && (
      <p role="status" className="im-secondary">
        <span className="im-spinner" aria-hidden="true" /> Loading the history…
      </p>
    )}
    {state.status === 'failed' && (
      <SectionMessage appearance="error" title="The history could not be loaded">
        <p>{state.error.message}</p>
        <p>
          <button type="button" className="im-link-button" onClick={onReload}>
            Try again
          </button>
        </p>
      </SectionMessage>
    )}
    {state.status === 'ready' && state.entries.length === 0 && (
      <p className="im-history__empty">No emails sent from this issue yet.</p>
    )}
    {state.status === 'ready' && state.entries.length > 0 && (
      <ul className="im-history__list">
        {state.entries.map((entry) => (
          <HistoryEntry key={entry.id} entry={entry} />
        ))}
      </ul>
    )}
  </div>
);

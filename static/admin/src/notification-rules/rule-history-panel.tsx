import type { NotificationRuleView, RuleRun } from '../../../../src/contract';
import { LoadFailed } from '../../../shared/components/load-failed';
import { useResolverLoad } from '../../../shared/loadable';
import { AdminTable } from '../shared/admin-table';
import { formatDateTime } from '../shared/format';
import { getNotificationRuleHistory } from '../shared/invokes';
import { EVENT_LABELS } from './notification-rule-state';

const OUTCOME_LABELS: Record<RuleRun['outcome'], { text: string; className: string }> = {
  fired: { text: 'Fired', className: 'im-lozenge im-lozenge--success' },
  skipped: { text: 'Skipped', className: 'im-lozenge' },
  failed: { text: 'Failed', className: 'im-lozenge im-lozenge--danger' },
};

export const ruleHistoryTitleId = (ruleId: string) => `rule-history-title-${ruleId}`;

/** A rule's last runs, newest first: each time a Jira event was considered, whether the rule sent, and why not. */
export const RuleHistoryPanel = ({ rule, onClose }: { rule: NotificationRuleView; onClose: () => void }) => {
  const { load: runs, retry } = useResolverLoad(rule.id, getNotificationRuleHistory);

  return (
    <section className="im-rule-panel" aria-labelledby={ruleHistoryTitleId(rule.id)}>
      <div className="im-rule-panel__header">
        <h3 id={ruleHistoryTitleId(rule.id)} tabIndex={-1}>
          History: {rule.name}
        </h3>
        <button type="button" className="im-button im-button--subtle" onClick={onClose}>
          Close history
        </button>
      </div>
      <p className="im-secondary">The last 50 times a Jira event was considered for this rule, newest first.</p>
      {runs.state === 'loading' && <p className="im-secondary">Loading history…</p>}
      {runs.state === 'failed' && (
        <LoadFailed title="The history could not be loaded" message={runs.error.message} onRetry={retry} />
      )}
      {runs.state === 'loaded' && runs.data.length === 0 && (
        <p className="im-empty">No Jira event has reached this rule yet.</p>
      )}
      {runs.state === 'loaded' && runs.data.length > 0 && (
        <AdminTable
          caption={`History of ${rule.name}`}
          columns={['When', 'Issue', 'Event', 'Result', 'Why']}
          actions={false}
        >
          {runs.data.map((run, index) => (
            <tr key={`${run.at}-${run.issueKey}-${index}`}>
              <td>{formatDateTime(run.at)}</td>
              <td>{run.issueKey}</td>
              <td>{EVENT_LABELS[run.event]}</td>
              <td>
                <span className={OUTCOME_LABELS[run.outcome].className}>{OUTCOME_LABELS[run.outcome].text}</span>
              </td>
              <td className="im-break">{run.reason}</td>
            </tr>
          ))}
        </AdminTable>
      )}
    </section>
  );
};

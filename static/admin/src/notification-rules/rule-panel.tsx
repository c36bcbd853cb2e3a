import { useEffect } from 'react';

import type { NotificationRuleView } from '../../../../src/contract';
import { RuleHistoryPanel, ruleHistoryTitleId } from './rule-history-panel';
import { RuleTryPanel, ruleTryTitleId } from './rule-try-panel';

/** What is open under the rules table for one rule; a new key remounts it. */
export interface OpenPanel {
  rule: NotificationRuleView;
  kind: 'history' | 'try';
  key: number;
}

/** A rule's history or "Try on an issue", under the table; focus moves to its heading when it opens. */
export const RulePanel = ({ panel, onClose }: { panel: OpenPanel; onClose: () => void }) => {
  useEffect(() => {
    const id = panel.kind === 'history' ? ruleHistoryTitleId(panel.rule.id) : ruleTryTitleId(panel.rule.id);
    document.getElementById(id)?.focus();
  }, [panel]);
  return panel.kind === 'history' ? (
    <RuleHistoryPanel rule={panel.rule} onClose={onClose} />
  ) : (
    <RuleTryPanel rule={panel.rule} onClose={onClose} />
  );
};

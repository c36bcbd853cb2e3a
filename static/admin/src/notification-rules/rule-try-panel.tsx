import { type FormEvent, useState } from 'react';

import type { NotificationRuleView, ResolverError, RuleTrial } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import { SectionMessage } from '../../../shared/components/section-message';
import { tryNotificationRule } from '../shared/invokes';

export const ruleTryTitleId = (ruleId: string) => `rule-try-title-${ruleId}`;

type TryState =
  | { state: 'idle' }
  | { state: 'trying' }
  | { state: 'done'; trial: RuleTrial }
  | { state: 'failed'; error: ResolverError };

/**
 * "Try on an issue": the admin names an issue and sees what the rule would send for it (recipients, subject, the
 * rendered body in a sandboxed frame), or why it would send nothing. The issue is read as the admin; nothing is
 * sent or queued.
 */
export const RuleTryPanel = ({ rule, onClose }: { rule: NotificationRuleView; onClose: () => void }) => {
  const [issueKey, setIssueKey] = useState('');
  const [result, setResult] = useState<TryState>({ state: 'idle' });
  const inputId = `rule-try-issue-${rule.id}`;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (result.state === 'trying') return;
    setResult({ state: 'trying' });
    const answer = await tryNotificationRule(rule.id, issueKey.trim().toUpperCase());
    setResult(answer.ok ? { state: 'done', trial: answer.data } : { state: 'failed', error: answer.error });
  };

  return (
    <section className="im-rule-panel" aria-labelledby={ruleTryTitleId(rule.id)}>
      <div className="im-rule-panel__header">
        <h3 id={ruleTryTitleId(rule.id)} tabIndex={-1}>
          Try on an issue: {rule.name}
        </h3>
        <button type="button" className="im-button im-button--subtle" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="im-secondary">
        See what this rule would email for an issue if its event happened now. Nothing is sent.
      </p>
      <form className="im-inline-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <Field
          id={inputId}
          label="Issue key"
          hint="For example DEMO-1."
          error={result.state === 'failed' ? result.error.message : undefined}
        >
          {(control) => (
            <input
              {...control}
              className="im-input"
              value={issueKey}
              onChange={(change) => setIssueKey(change.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" className="im-button im-button--primary" aria-disabled={result.state === 'trying'}>
          {result.state === 'trying' ? 'Trying…' : 'Try'}
        </button>
      </form>
      {result.state === 'done' && result.trial.outcome === 'would-skip' && (
        <SectionMessage appearance="information" title="The rule would send nothing">
          <p>{result.trial.reason}</p>
        </SectionMessage>
      )}
      {result.state === 'done' && result.trial.outcome === 'would-send' && (
        <div className="im-rule-trial">
          <SectionMessage appearance="success" title="The rule would send this email (nothing was sent)">
            <p>To: {result.trial.to.join(', ')}</p>
            <p>Subject: {result.trial.subject}</p>
            {result.trial.notes.length > 0 && <p>Left out: {result.trial.notes.join('; ')}.</p>}
          </SectionMessage>
          <iframe className="im-preview__frame" title="Rule email preview" sandbox="" srcDoc={result.trial.html} />
        </div>
      )}
    </section>
  );
};

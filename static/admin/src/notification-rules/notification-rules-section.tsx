import { useState } from 'react';

import type { CredentialView, NotificationRuleView } from '../../../../src/contract';
import { LoadFailed } from '../../../shared/components/load-failed';
import type { Loadable } from '../../../shared/loadable';
import { deleteNotificationRule, saveNotificationRule } from '../shared/invokes';
import { ListLoading } from '../shared/list-skeleton';
import { type Notice, SectionNotice } from '../shared/section-notice';
import { useFocusAfterRender } from '../shared/use-focus-after-render';
import type { TemplateListState } from '../templates/use-template-list';
import { NotificationRuleForm } from './notification-rule-form';
import {
  deleteRuleButtonId,
  editRuleButtonId,
  NotificationRuleList,
  RULE_COLUMNS,
  type RuleRowBusy,
} from './notification-rule-list';
import { ruleInputFrom } from './notification-rule-state';
import { type OpenPanel, RulePanel } from './rule-panel';
import { useNotificationRules } from './use-notification-rules';

export const RULES_TITLE = 'notification-rules-title';
const CREATE_RULE_BUTTON = 'create-notification-rule';

/** A new key remounts the form: only when the admin opens another rule, not when one is saved. */
interface OpenForm {
  rule: NotificationRuleView | null;
  key: number;
}

interface NotificationRulesSectionProps {
  /** The page's template list, shared with the templates section so a new template is offered at once. */
  list: TemplateListState;
  /** The page's credentials, for "From". */
  credentials: Loadable<CredentialView[]>;
}

/** "Notification rules": email an issue when it is created, commented or transitioned. */
export const NotificationRulesSection = ({ list, credentials }: NotificationRulesSectionProps) => {
  const data = useNotificationRules();
  const { rules, upsert, remove } = data;
  const [form, setForm] = useState<OpenForm | null>(null);
  const [confirmingDeleteId, setConfirmingDeleteId] = useState<string | null>(null);
  const [busy, setBusy] = useState<RuleRowBusy>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [panel, setPanel] = useState<OpenPanel | null>(null);
  /** Focus for an element the next render shows, when an action removed the one that had focus. */
  const focusAfter = useFocusAfterRender();

  const open = (rule: NotificationRuleView | null) => {
    setNotice(null);
    setForm((current) => ({ rule, key: (current?.key ?? 0) + 1 }));
  };

  const close = () => {
    const rule = form?.rule;
    setForm(null);
    focusAfter(rule ? editRuleButtonId(rule.id) : CREATE_RULE_BUTTON);
  };

  const onSaved = (rule: NotificationRuleView) => {
    upsert(rule);
    setForm((current) => current && { ...current, rule });
  };

  const onToggle = async (rule: NotificationRuleView, enabled: boolean) => {
    setNotice(null);
    setBusy({ id: rule.id, action: 'toggle', enabled });
    const result = await saveNotificationRule(ruleInputFrom(rule, enabled));
    setBusy(null);
    if (result.ok) {
      upsert(result.data);
      setNotice({ appearance: 'success', text: `${result.data.name} is ${result.data.enabled ? 'on' : 'off'}.` });
    } else {
      setNotice({
        appearance: 'error',
        title: `${rule.name} was not turned ${enabled ? 'on' : 'off'}`,
        text: result.error.message,
      });
    }
  };

  const onConfirmDelete = async (rule: NotificationRuleView) => {
    setNotice(null);
    setBusy({ id: rule.id, action: 'delete' });
    const result = await deleteNotificationRule(rule.id);
    setBusy(null);
    setConfirmingDeleteId(null);
    if (result.ok) {
      remove(rule.id);
      if (form?.rule?.id === rule.id) setForm(null);
      setNotice({ appearance: 'success', text: `${rule.name} was deleted.` });
      focusAfter(RULES_TITLE);
    } else {
      setNotice({ appearance: 'error', title: `${rule.name} was not deleted`, text: result.error.message });
      focusAfter(deleteRuleButtonId(rule.id));
    }
  };

  return (
    <section
      className="im-section im-section--page"
      aria-labelledby={RULES_TITLE}
      aria-busy={rules.state === 'loading'}
    >
      <div className="im-section__header">
        <h2 id={RULES_TITLE} tabIndex={-1}>
          Notification rules
        </h2>
        <button id={CREATE_RULE_BUTTON} type="button" className="im-button" onClick={() => open(null)}>
          Create rule
        </button>
      </div>
      <p className="im-secondary">
        Email an issue by itself when something happens to it, with a template, to the people and addresses you choose.
      </p>
      <SectionNotice notice={notice} />
      {rules.state === 'loading' && <ListLoading label="Loading notification rules…" columns={[...RULE_COLUMNS, '']} />}
      {rules.state === 'failed' && (
        <LoadFailed
          title="Notification rules could not be loaded"
          message={rules.error.message}
          onRetry={() => void data.refresh()}
        />
      )}
      {rules.state === 'loaded' && rules.data.length === 0 && (
        <p className="im-empty">
          No notification rules yet. Create one to email issues when they are created, commented or transitioned.
        </p>
      )}
      {rules.state === 'loaded' && rules.data.length > 0 && (
        <NotificationRuleList
          rules={rules.data}
          templates={list.templates}
          templatesLoad={list.load}
          fieldNames={
            new Map(data.fields.state === 'loaded' ? data.fields.data.map((field) => [field.id, field.name]) : [])
          }
          selectedId={form?.rule?.id ?? null}
          confirmingDeleteId={confirmingDeleteId}
          busy={busy}
          onEdit={open}
          onPanel={(rule, kind) => setPanel({ rule, kind, key: Date.now() })}
          onToggle={(rule, enabled) => void onToggle(rule, enabled)}
          onAskDelete={(rule) => {
            setNotice(null);
            setConfirmingDeleteId(rule.id);
          }}
          onConfirmDelete={(rule) => void onConfirmDelete(rule)}
          onKeep={(rule) => {
            setConfirmingDeleteId(null);
            focusAfter(deleteRuleButtonId(rule.id));
          }}
        />
      )}
      {panel && <RulePanel key={panel.key} panel={panel} onClose={() => setPanel(null)} />}
      {form && (
        <div className="im-rule-editor">
          <NotificationRuleForm
            key={form.key}
            rule={form.rule}
            focusOnShow
            choices={{
              statuses: data.statuses,
              fields: data.fields,
              projects: data.projects,
              templates: list.templates,
              templatesLoad: list.load,
              credentials,
            }}
            onSaved={onSaved}
            onClose={close}
          />
        </div>
      )}
    </section>
  );
};

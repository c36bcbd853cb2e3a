import { type FormEvent, useState } from 'react';

import type { NotificationRuleView, ResolverError } from '../../../../src/contract';
import { saveNotificationRule } from '../shared/invokes';
import { useFormFocus } from '../shared/use-form-focus';
import {
  emptyRuleValues,
  RULE_FIELDS,
  type RuleErrors,
  ruleErrorsFrom,
  type RuleField,
  ruleFieldId,
  type RuleFormValues,
  ruleValuesFrom,
  toRuleInput,
  validateRule,
} from './notification-rule-state';

export type RuleNotice =
  | { kind: 'saved'; name: string; enabled: boolean }
  | { kind: 'error'; error: ResolverError; otherErrors: string[] }
  | null;

export interface RuleFormOptions {
  /** The rule to edit, or null to create one. */
  rule: NotificationRuleView | null;
  /** Moves focus to the form's heading once shown: the admin asked for it with Create rule or Edit. */
  focusOnShow: boolean;
  onSaved: (rule: NotificationRuleView) => void;
}

/** Which messages an edit makes stale: a new address list may also answer "add at least one recipient". */
const CLEARS: Record<keyof RuleFormValues, readonly RuleField[]> = {
  name: ['name'],
  event: ['event', 'toStatus', 'fieldId'],
  toStatus: ['toStatus'],
  fieldId: ['fieldId'],
  projectKeys: ['projectKeys'],
  jql: ['jql'],
  templateId: ['templateId'],
  roles: ['recipients'],
  addresses: ['addresses', 'recipients'],
  credentialId: ['credentialId'],
  enabled: ['enabled'],
};

/** A field's control, or a group's first checkbox. */
const focusableOf = (form: HTMLFormElement | null, field: RuleField): HTMLElement | null => {
  const element = form?.querySelector<HTMLElement>(`#${ruleFieldId(field)}`) ?? null;
  if (!element || element.matches('input, select, textarea')) return element;
  return element.querySelector<HTMLElement>('input, select, textarea');
};

/** After a refused save: the first field with a message; a hidden field (To status) is skipped. */
const focusFirstRuleError = (_target: 'first-error', form: HTMLFormElement | null, errors: RuleErrors) => {
  for (const field of RULE_FIELDS) {
    const target = errors[field] ? focusableOf(form, field) : null;
    if (target) {
      target.focus();
      return;
    }
  }
};

/**
 * The rule form's state and Save: the contract's schema and the address parser before the round trip, then the
 * backend's checks (unknown template or credential, a JQL Jira refuses) on their fields. Edits survive a refusal.
 */
export const useNotificationRuleForm = ({ rule, focusOnShow, onSaved }: RuleFormOptions) => {
  const [values, setValues] = useState<RuleFormValues>(() => (rule ? ruleValuesFrom(rule) : emptyRuleValues()));
  /** Set once saved, so the next Save edits the same rule. */
  const [id, setId] = useState(rule?.id);
  const [errors, setErrors] = useState<RuleErrors>({});
  const [notice, setNotice] = useState<RuleNotice>(null);
  const [saving, setSaving] = useState(false);
  const { formRef, headingRef, focusAfterRender } = useFormFocus(focusOnShow, errors, focusFirstRuleError);

  const update = <K extends keyof RuleFormValues>(field: K, value: RuleFormValues[K]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setNotice(null);
    setErrors((current) => {
      const left = { ...current };
      for (const cleared of CLEARS[field]) delete left[cleared];
      return left;
    });
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setNotice(null);
    const input = toRuleInput(values, id);
    const clientErrors = validateRule(input);
    if (Object.keys(clientErrors).length > 0) {
      setErrors(clientErrors);
      focusAfterRender('first-error');
      return;
    }
    setSaving(true);
    const result = await saveNotificationRule(input);
    setSaving(false);
    if (result.ok) {
      setId(result.data.id);
      setValues(ruleValuesFrom(result.data));
      setErrors({});
      setNotice({ kind: 'saved', name: result.data.name, enabled: result.data.enabled });
      onSaved(result.data);
      return;
    }
    const { fields, other } = ruleErrorsFrom(result.error);
    setErrors(fields);
    setNotice({ kind: 'error', error: result.error, otherErrors: other });
    focusAfterRender('first-error');
  };

  return { values, errors, notice, saving, formRef, headingRef, update, onSubmit };
};

export type NotificationRuleForm = ReturnType<typeof useNotificationRuleForm>;

import type { CredentialView, JiraFieldRef, ProjectRef, StatusRef, TemplateView } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import type { Loadable } from '../../../shared/loadable';
import { SaveMessages } from '../shared/save-messages';
import type { TemplateListLoad } from '../templates/use-template-list';
import { ruleFieldId } from './notification-rule-state';
import { RuleFromField } from './rule-from-field';
import { RuleProjectsField } from './rule-projects-field';
import { RuleRecipientsField } from './rule-recipients-field';
import { RuleTemplateField } from './rule-template-field';
import { RuleTriggerFields } from './rule-trigger-fields';
import { type RuleFormOptions, useNotificationRuleForm } from './use-notification-rule-form';

export const RULE_FORM_TITLE = 'rule-form-title';
const ENABLED_HINT = `${ruleFieldId('enabled')}-hint`;
const ENABLED_ERROR = `${ruleFieldId('enabled')}-error`;

/** What the form offers to choose from; each list may still be loading, or have failed on its own. */
export interface RuleFormChoices {
  statuses: Loadable<StatusRef[]>;
  fields: Loadable<JiraFieldRef[]>;
  projects: Loadable<ProjectRef[]>;
  templates: readonly TemplateView[];
  templatesLoad: TemplateListLoad;
  credentials: Loadable<CredentialView[]>;
}

interface NotificationRuleFormProps extends RuleFormOptions {
  choices: RuleFormChoices;
  onClose: () => void;
}

const savedText = (name: string, enabled: boolean) =>
  enabled ? `“${name}” is saved and emails issues from now on.` : `“${name}” is saved. It is off until you enable it.`;

/** Creates or edits one notification rule, inline under the rules table. */
export const NotificationRuleForm = ({ choices, onClose, ...options }: NotificationRuleFormProps) => {
  const { formRef, headingRef, ...form } = useNotificationRuleForm(options);
  const { values, errors, notice, saving, update } = form;

  return (
    <form
      ref={formRef}
      className="im-form im-rule-form"
      noValidate
      aria-labelledby={RULE_FORM_TITLE}
      aria-busy={saving}
      onSubmit={(event) => void form.onSubmit(event)}
    >
      <div className="im-form__header">
        <h3 id={RULE_FORM_TITLE} ref={headingRef} tabIndex={-1}>
          {options.rule ? `Edit rule: ${options.rule.name}` : 'Create notification rule'}
        </h3>
        <p className="im-secondary">
          When the event happens to an issue of the chosen projects, Issue Mailer emails it with the template. Fields
          marked <span className="im-field__required">*</span> are required.
        </p>
      </div>

      <div className="im-rule-form__fields">
        <Field id={ruleFieldId('name')} label="Name" required error={errors.name} hint="Shown to admins only.">
          {(control) => (
            <input
              {...control}
              className="im-input"
              type="text"
              autoComplete="off"
              maxLength={100}
              value={values.name}
              onChange={(event) => update('name', event.currentTarget.value)}
            />
          )}
        </Field>

        <RuleTriggerFields
          event={values.event}
          toStatus={values.toStatus}
          fieldId={values.fieldId}
          statuses={choices.statuses}
          fields={choices.fields}
          errors={errors}
          onEvent={(event) => update('event', event)}
          onToStatus={(toStatus) => update('toStatus', toStatus)}
          onFieldId={(fieldId) => update('fieldId', fieldId)}
        />

        <RuleProjectsField
          chosen={values.projectKeys}
          projects={choices.projects}
          error={errors.projectKeys}
          onChange={(projectKeys) => update('projectKeys', projectKeys)}
        />

        <Field
          id={ruleFieldId('jql')}
          label="JQL"
          error={errors.jql}
          hint={
            <>
              Only issues this JQL matches, e.g. <code>priority = High</code>
            </>
          }
        >
          {(control) => (
            <textarea
              {...control}
              className="im-textarea im-input--code"
              rows={2}
              autoComplete="off"
              spellCheck={false}
              value={values.jql}
              onChange={(event) => update('jql', event.currentTarget.value)}
            />
          )}
        </Field>

        <RuleTemplateField
          templateId={values.templateId}
          templates={choices.templates}
          templatesLoad={choices.templatesLoad}
          error={errors.templateId}
          onChange={(templateId) => update('templateId', templateId)}
        />

        <RuleRecipientsField
          roles={values.roles}
          addresses={values.addresses}
          errors={errors}
          onRoles={(roles) => update('roles', roles)}
          onAddresses={(addresses) => update('addresses', addresses)}
        />

        <RuleFromField
          credentialId={values.credentialId}
          credentials={choices.credentials}
          error={errors.credentialId}
          onChange={(credentialId) => update('credentialId', credentialId)}
        />

        <div className="im-field">
          <label className="im-checkbox im-checkbox--field" htmlFor={ruleFieldId('enabled')}>
            <input
              id={ruleFieldId('enabled')}
              type="checkbox"
              checked={values.enabled}
              aria-describedby={[errors.enabled ? ENABLED_ERROR : '', ENABLED_HINT].filter(Boolean).join(' ')}
              onChange={(event) => update('enabled', event.currentTarget.checked)}
            />
            Enabled
          </label>
          <p id={ENABLED_HINT} className="im-field__hint im-checkbox__hint">
            A rule that is off keeps its settings and sends nothing.
          </p>
          {errors.enabled && (
            <p id={ENABLED_ERROR} className="im-field__error">
              {errors.enabled}
            </p>
          )}
        </div>
      </div>

      <div className="im-form__footer">
        <div className="im-button-row">
          <button type="submit" className="im-button im-button--primary" aria-disabled={saving}>
            {saving && <span className="im-spinner im-spinner--inverse" aria-hidden="true" />}
            Save rule
          </button>
          <button type="button" className="im-button im-button--subtle" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>

      <SaveMessages
        saving={saving}
        saved={notice?.kind === 'saved' ? { title: 'Rule saved', text: savedText(notice.name, notice.enabled) } : null}
        failed={
          notice?.kind === 'error'
            ? { title: 'The rule was not saved', message: notice.error.message, otherErrors: notice.otherErrors }
            : null
        }
      />
    </form>
  );
};

import type { CredentialView } from '../../../../src/contract';
import { LoadFailed } from '../../../shared/components/load-failed';
import type { Loadable } from '../../../shared/loadable';
import { FormSkeleton } from '../shared/form-skeleton';
import { SaveMessages } from '../shared/save-messages';
import type { TemplateListState } from '../templates/use-template-list';
import { CommentAfterSendField } from './comment-after-send-field';
import { ProjectSenderRows } from './project-sender-rows';
import { ProjectTemplateRows } from './project-template-rows';
import { RuleMailboxesField } from './rule-mailboxes-field';
import { useMailSettings } from './use-mail-settings';
import { WhoMaySendField } from './who-may-send-field';

export const SETTINGS_TITLE = 'settings-title';

/**
 * "Sending settings": the issue comment, who may send, each project's default template, and the mailboxes
 * Automation rules may send from.
 */
export const SendingSettingsSection = ({
  list,
  credentials,
}: {
  list: TemplateListState;
  credentials: Loadable<CredentialView[]>;
}) => {
  const form = useMailSettings();
  const { load, values, errors, notice, saving } = form;

  return (
    <section
      className="im-section im-section--page"
      aria-labelledby={SETTINGS_TITLE}
      aria-busy={load.state === 'loading'}
    >
      <div className="im-section__header">
        <h2 id={SETTINGS_TITLE} tabIndex={-1}>
          Sending settings
        </h2>
      </div>
      <p className="im-secondary">How people email issues on this site.</p>

      {load.state === 'loading' && (
        <>
          <p role="status" className="im-visually-hidden">
            Loading sending settings…
          </p>
          <FormSkeleton />
        </>
      )}
      {load.state === 'failed' && (
        <LoadFailed
          title="Sending settings could not be loaded"
          message={load.error.message}
          onRetry={() => void form.refresh()}
        />
      )}
      {load.state === 'loaded' && values && (
        <form
          className="im-form im-settings"
          noValidate
          aria-labelledby={SETTINGS_TITLE}
          aria-busy={saving}
          onSubmit={(event) => void form.onSubmit(event)}
        >
          <CommentAfterSendField
            checked={values.commentAfterSend}
            error={errors.fields.commentAfterSend}
            onChange={form.setCommentAfterSend}
          />

          <WhoMaySendField
            mode={values.mode}
            groups={values.groups}
            projectRoles={values.projectRoles}
            roles={form.roles}
            errors={errors.fields}
            onMode={form.setMode}
            onAddGroup={form.addGroup}
            onRemoveGroup={form.removeGroup}
            onAddRole={form.addRole}
            onRemoveRole={form.removeRole}
            onTyped={form.setTyped}
          />

          <ProjectTemplateRows
            rows={values.rows}
            rowErrors={errors.rows}
            error={errors.fields.projectTemplates}
            projects={form.projects}
            templates={list.templates}
            templatesLoad={list.load}
            onAdd={form.addRow}
            onChange={form.editRow}
            onRemove={form.removeRow}
          />

          <RuleMailboxesField
            credentials={credentials}
            chosen={values.automationCredentialIds}
            error={errors.fields.automationCredentialIds}
            onToggle={form.allowRuleMailbox}
          />

          <RuleMailboxesField
            credentials={credentials}
            field="senderCredentialIds"
            chosen={values.senderCredentialIds}
            error={errors.fields.senderCredentialIds}
            onToggle={form.allowPeopleMailbox}
          />

          <ProjectSenderRows
            rows={values.senderRows}
            rowErrors={errors.rows}
            error={errors.fields.projectSenders}
            projects={form.projects}
            credentials={credentials}
            onAdd={form.addSenderRow}
            onProject={form.setSenderRowProject}
            onToggle={form.allowSenderRowMailbox}
            onRemove={form.removeSenderRow}
          />

          <div className="im-form__footer">
            <div className="im-button-row">
              <button type="submit" className="im-button im-button--primary" aria-disabled={saving}>
                {saving && <span className="im-spinner im-spinner--inverse" aria-hidden="true" />}
                Save settings
              </button>
              {form.dirty && !saving && <span className="im-secondary">You have unsaved changes.</span>}
            </div>
          </div>

          <SaveMessages
            saving={saving}
            saved={
              notice?.kind === 'saved'
                ? { title: 'Settings saved', text: 'The sending settings apply to the next email.' }
                : null
            }
            failed={
              notice?.kind === 'error'
                ? { title: 'The settings were not saved', message: notice.error.message, otherErrors: errors.other }
                : null
            }
          />
        </form>
      )}
    </section>
  );
};

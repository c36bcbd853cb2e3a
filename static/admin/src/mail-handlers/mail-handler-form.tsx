import type { CredentialView, ProjectRef } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import type { Loadable } from '../../../shared/loadable';
import { SaveMessages } from '../shared/save-messages';
import { HandlerIssueFields } from './handler-issue-fields';
import { HandlerMailboxFields } from './handler-mailbox-fields';
import { HandlerProcessingFields } from './handler-processing-fields';
import { HandlerSenderFields } from './handler-sender-fields';
import { handlerFieldId } from './mail-handler-state';
import { type HandlerFormOptions, useMailHandlerForm } from './use-mail-handler-form';

export const HANDLER_FORM_TITLE = 'handler-form-title';

interface MailHandlerFormProps extends HandlerFormOptions {
  credentials: Loadable<CredentialView[]>;
  projects: Loadable<ProjectRef[]>;
  onClose: () => void;
}

const savedText = (name: string, enabled: boolean) =>
  enabled ? `“${name}” is saved and on.` : `“${name}” is saved. It is off until you enable it.`;

/** Creates or edits one mail handler, inline under the handlers table. */
export const MailHandlerForm = ({ credentials, projects, onClose, ...options }: MailHandlerFormProps) => {
  const { formRef, headingRef, ...form } = useMailHandlerForm(options);
  const { values, errors, notice, saving, update } = form;
  const groups = { values, errors, update };

  return (
    <form
      ref={formRef}
      className="im-form im-handler-form"
      noValidate
      aria-labelledby={HANDLER_FORM_TITLE}
      aria-busy={saving}
      onSubmit={(event) => void form.onSubmit(event)}
    >
      <div className="im-form__header">
        <h3 id={HANDLER_FORM_TITLE} ref={headingRef} tabIndex={-1}>
          {options.handler ? `Edit handler: ${options.handler.name}` : 'Create mail handler'}
        </h3>
        <p className="im-secondary">
          A handler reads one folder of a mailbox and turns its mail into issues and comments. Fields marked{' '}
          <span className="im-field__required">*</span> are required.
        </p>
      </div>

      <div className="im-handler-form__fields">
        <Field id={handlerFieldId('name')} label="Name" required error={errors.name} hint="Shown to admins only.">
          {(control) => (
            <input
              {...control}
              className="im-input"
              type="text"
              autoComplete="off"
              maxLength={80}
              value={values.name}
              onChange={(event) => update('name', event.currentTarget.value)}
            />
          )}
        </Field>
        <HandlerMailboxFields {...groups} credentials={credentials} />
        <HandlerIssueFields {...groups} projects={projects} />
        <HandlerSenderFields {...groups} />
        <HandlerProcessingFields {...groups} />
        <div className="im-field">
          <label className="im-checkbox im-checkbox--field" htmlFor={handlerFieldId('enabled')}>
            <input
              id={handlerFieldId('enabled')}
              type="checkbox"
              checked={values.enabled}
              onChange={(event) => update('enabled', event.currentTarget.checked)}
            />
            Enabled
          </label>
        </div>
      </div>

      <div className="im-form__footer">
        <div className="im-button-row">
          <button type="submit" className="im-button im-button--primary" aria-disabled={saving}>
            {saving && <span className="im-spinner im-spinner--inverse" aria-hidden="true" />}
            Save handler
          </button>
          <button type="button" className="im-button im-button--subtle" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>

      <SaveMessages
        saving={saving}
        saved={
          notice?.kind === 'saved' ? { title: 'Handler saved', text: savedText(notice.name, notice.enabled) } : null
        }
        failed={
          notice?.kind === 'error'
            ? { title: 'The handler was not saved', message: notice.error.message, otherErrors: notice.otherErrors }
            : null
        }
      />
    </form>
  );
};

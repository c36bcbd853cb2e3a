import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import { LoadFailed } from '../../../shared/components/load-failed';
import { FormSkeleton } from '../shared/form-skeleton';
import { plural } from '../shared/format';
import { SaveMessages } from '../shared/save-messages';
import { RETENTION_FIELD_ID, useRetentionSetting } from './use-retention-setting';

const RETENTION_TITLE = 'email-log-retention-title';
const UNIT_ID = `${RETENTION_FIELD_ID}-unit`;

/** How long the email log keeps an email, under the log. */
export const RetentionSetting = () => {
  const form = useRetentionSetting();
  const { load, saving, notice } = form;

  return (
    <div className="im-retention">
      <h3 id={RETENTION_TITLE}>Retention</h3>
      {load.state === 'loading' && (
        <>
          <p role="status" className="im-visually-hidden">
            Loading the retention…
          </p>
          <FormSkeleton fields={1} />
        </>
      )}
      {load.state === 'failed' && (
        <LoadFailed
          title="The retention could not be loaded"
          message={load.error.message}
          onRetry={() => void form.refresh()}
        />
      )}
      {load.state === 'loaded' && (
        <form
          className="im-form im-retention__form"
          noValidate
          aria-labelledby={RETENTION_TITLE}
          aria-busy={saving}
          onSubmit={(event) => void form.onSubmit(event)}
        >
          <Field
            id={RETENTION_FIELD_ID}
            label="Keep emails for"
            hint="Older emails, and older messages in the incoming log, are deleted every day."
            error={form.error}
          >
            {(control) => (
              <span className="im-retention__control">
                <input
                  {...control}
                  aria-describedby={[UNIT_ID, control['aria-describedby']].filter(Boolean).join(' ')}
                  className="im-input im-retention__input"
                  type="number"
                  inputMode="numeric"
                  min={MIN_RETENTION_DAYS}
                  max={MAX_RETENTION_DAYS}
                  step={1}
                  value={form.value}
                  onChange={(event) => form.onChange(event.currentTarget.value)}
                />
                <span id={UNIT_ID}>days</span>
              </span>
            )}
          </Field>
          <div className="im-button-row">
            <button type="submit" className="im-button im-button--primary" aria-disabled={saving}>
              {saving && <span className="im-spinner im-spinner--inverse" aria-hidden="true" />}
              Save retention
            </button>
            {form.dirty && !saving && <span className="im-secondary">You have unsaved changes.</span>}
          </div>
          <SaveMessages
            saving={saving}
            saved={
              notice?.kind === 'saved'
                ? { title: 'Retention saved', text: `The email log keeps emails for ${plural(notice.days, 'day')}.` }
                : null
            }
            failed={
              notice?.kind === 'error'
                ? {
                    title: 'The retention was not saved',
                    message: notice.error.message,
                    otherErrors: notice.otherErrors,
                  }
                : null
            }
          />
        </form>
      )}
    </div>
  );
};

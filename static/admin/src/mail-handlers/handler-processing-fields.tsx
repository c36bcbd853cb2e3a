import { BACKFILL_CAP_MESSAGES, DEFAULT_SUBJECT_KEY_PATTERN, MAX_BACKFILL_DAYS } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import type { HandlerFieldsProps } from './handler-field-props';
import { HandlerRadios } from './handler-radios';
import { AFTER_LABELS, handlerFieldId } from './mail-handler-state';

/** What happens to a processed message, how a subject names its issue, and how far back to start. */
export const HandlerProcessingFields = ({ values, errors, update }: HandlerFieldsProps) => (
  <>
    <HandlerRadios
      id={handlerFieldId('afterProcessing')}
      legend="After a message is processed"
      name="handler-after"
      value={values.afterProcessing}
      labels={AFTER_LABELS}
      error={errors.afterProcessing}
      onChange={(after) => update('afterProcessing', after)}
    />
    {values.afterProcessing === 'move' && (
      <Field
        id={handlerFieldId('processedFolder')}
        label="Move to folder"
        required
        error={errors.processedFolder}
        hint="Created at the top of the mailbox if it is not there."
      >
        {(control) => (
          <input
            {...control}
            className="im-input"
            type="text"
            autoComplete="off"
            maxLength={255}
            value={values.processedFolder}
            onChange={(event) => update('processedFolder', event.currentTarget.value)}
          />
        )}
      </Field>
    )}
    <Field
      id={handlerFieldId('subjectKeyPattern')}
      label="Issue key in the subject"
      required
      error={errors.subjectKeyPattern}
      hint={
        <>
          A regular expression whose first group is the issue key. The default finds [KEY-123] or KEY-123:{' '}
          <code>{DEFAULT_SUBJECT_KEY_PATTERN}</code>
        </>
      }
    >
      {(control) => (
        <input
          {...control}
          className="im-input im-input--code"
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={400}
          value={values.subjectKeyPattern}
          onChange={(event) => update('subjectKeyPattern', event.currentTarget.value)}
        />
      )}
    </Field>
    <Field
      id={handlerFieldId('backfillDays')}
      label="When it connects, take mail from the last days"
      required
      error={errors.backfillDays}
      hint={`0 takes only mail that arrives from now on. At most ${MAX_BACKFILL_DAYS} days, and at most ${BACKFILL_CAP_MESSAGES.toLocaleString('en')} messages (Microsoft Graph's limit).`}
    >
      {(control) => (
        <input
          {...control}
          className="im-input im-input--short"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_BACKFILL_DAYS}
          value={values.backfillDays}
          onChange={(event) => update('backfillDays', event.currentTarget.value)}
        />
      )}
    </Field>
  </>
);

import { MAX_SENDER_HOURLY_LIMIT } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import type { HandlerFieldsProps } from './handler-field-props';
import { HandlerRadios } from './handler-radios';
import { handlerFieldId, SENDER_LABELS } from './mail-handler-state';

/** Who may write in, and how many messages one sender may send in an hour before the rest are held. */
export const HandlerSenderFields = ({ values, errors, update }: HandlerFieldsProps) => (
  <>
    <HandlerRadios
      id={handlerFieldId('senders')}
      legend="Who may write in"
      name="handler-senders"
      value={values.senders}
      labels={SENDER_LABELS}
      error={errors.senders}
      onChange={(senders) => update('senders', senders)}
    />
    {values.senders === 'domains' && (
      <Field
        id={handlerFieldId('allowedDomains')}
        label="Domains"
        required
        error={errors.allowedDomains}
        hint="One a line or separated by commas, for example contoso.com."
      >
        {(control) => (
          <textarea
            {...control}
            className="im-textarea"
            rows={3}
            autoComplete="off"
            spellCheck={false}
            value={values.allowedDomains}
            onChange={(event) => update('allowedDomains', event.currentTarget.value)}
          />
        )}
      </Field>
    )}
    <Field
      id={handlerFieldId('senderHourlyLimit')}
      label="Messages a sender may send in an hour"
      required
      error={errors.senderHourlyLimit}
      hint="More from one sender are held and logged, not processed: it stops mail loops and floods."
    >
      {(control) => (
        <input
          {...control}
          className="im-input im-input--short"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_SENDER_HOURLY_LIMIT}
          value={values.senderHourlyLimit}
          onChange={(event) => update('senderHourlyLimit', event.currentTarget.value)}
        />
      )}
    </Field>
  </>
);

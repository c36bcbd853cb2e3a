import { INCOMING_STATUSES, type IncomingHandlerRef, type IncomingStatus } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import type { IncomingFilterErrors, IncomingLogFilters } from './incoming-log-query';
import { INCOMING_STATUS_LABELS } from './incoming-status';

export const INCOMING_FILTER_IDS = {
  status: 'incoming-log-status',
  handlerId: 'incoming-log-handler',
  sender: 'incoming-log-sender',
  from: 'incoming-log-from',
  to: 'incoming-log-to',
} as const;

const isStatus = (value: string): value is IncomingStatus => (INCOMING_STATUSES as readonly string[]).includes(value);

interface IncomingLogFilterBarProps {
  filters: IncomingLogFilters;
  errors: IncomingFilterErrors;
  handlers: readonly IncomingHandlerRef[];
  /** Whether any filter is set: "Clear filters" shows only then. */
  anyFilter: boolean;
  onChange: <K extends keyof IncomingLogFilters>(field: K, value: IncomingLogFilters[K]) => void;
  /** Enter or leaving the sender field: use the typed address now. */
  onApplySender: () => void;
  onClear: () => void;
}

/** A date filter: the reader's days, in their browser's time zone. */
const DateFilter = ({
  field,
  label,
  props,
}: {
  field: 'from' | 'to';
  label: string;
  props: IncomingLogFilterBarProps;
}) => (
  <Field id={INCOMING_FILTER_IDS[field]} label={label} error={props.errors[field]}>
    {(control) => (
      <input
        {...control}
        className="im-input"
        type="date"
        value={props.filters[field]}
        {...(field === 'to' && props.filters.from ? { min: props.filters.from } : {})}
        onChange={(event) => props.onChange(field, event.currentTarget.value)}
      />
    )}
  </Field>
);

/** The filters above the incoming log, applied as they change. */
export const IncomingLogFilterBar = (props: IncomingLogFilterBarProps) => {
  const { filters, errors, onChange } = props;
  return (
    <form
      className="im-email-log__filters"
      role="search"
      aria-label="Incoming log filters"
      noValidate
      onSubmit={(event) => event.preventDefault()}
    >
      <Field id={INCOMING_FILTER_IDS.status} label="Result" error={errors.status}>
        {(control) => (
          <select
            {...control}
            className="im-select"
            value={filters.status}
            onChange={(event) => {
              const value = event.currentTarget.value;
              onChange('status', isStatus(value) ? value : '');
            }}
          >
            <option value="">All</option>
            {INCOMING_STATUSES.map((status) => (
              <option key={status} value={status}>
                {INCOMING_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={INCOMING_FILTER_IDS.handlerId} label="Handler" error={errors.handlerId}>
        {(control) => (
          <select
            {...control}
            className="im-select"
            value={filters.handlerId}
            onChange={(event) => onChange('handlerId', event.currentTarget.value)}
          >
            <option value="">All</option>
            {props.handlers.map((handler) => (
              <option key={handler.id} value={handler.id}>
                {handler.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={INCOMING_FILTER_IDS.sender} label="Sender" error={errors.sender}>
        {(control) => (
          <input
            {...control}
            className="im-input"
            type="email"
            placeholder="casey@example.com"
            autoComplete="off"
            spellCheck={false}
            value={filters.sender}
            onChange={(event) => onChange('sender', event.currentTarget.value)}
            onBlur={props.onApplySender}
            onKeyDown={(event) => {
              // Several text-like fields stop the browser from submitting on Enter, so the sender field does it.
              if (event.key !== 'Enter') return;
              event.preventDefault();
              props.onApplySender();
            }}
          />
        )}
      </Field>
      <DateFilter field="from" label="From" props={props} />
      <DateFilter field="to" label="To" props={props} />
      {props.anyFilter && (
        <button type="button" className="im-button im-button--subtle im-email-log__clear" onClick={props.onClear}>
          Clear filters
        </button>
      )}
    </form>
  );
};

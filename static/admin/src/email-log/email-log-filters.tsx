import { DELIVERY_STATUSES, type DeliveryStatus } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import { DELIVERY_STATUS_LABELS } from './delivery-status';
import type { EmailLogFilterErrors, EmailLogFilters } from './email-log-query';

export const EMAIL_LOG_FILTER_IDS = {
  status: 'email-log-status',
  issueKey: 'email-log-issue',
  from: 'email-log-from',
  to: 'email-log-to',
} as const;

const isStatus = (value: string): value is DeliveryStatus => (DELIVERY_STATUSES as readonly string[]).includes(value);

interface EmailLogFiltersProps {
  filters: EmailLogFilters;
  errors: EmailLogFilterErrors;
  /** Whether any filter is set: "Clear filters" shows only then. */
  anyFilter: boolean;
  onStatus: (status: EmailLogFilters['status']) => void;
  onIssueKey: (text: string) => void;
  /** Enter or leaving the issue field: use the typed key now. */
  onApplyIssueKey: () => void;
  onFrom: (date: string) => void;
  onTo: (date: string) => void;
  onClear: () => void;
}

/** The filters above the email log, applied as they change. */
export const EmailLogFilterBar = (props: EmailLogFiltersProps) => {
  const { filters, errors } = props;
  return (
    <form
      className="im-email-log__filters"
      role="search"
      aria-label="Email log filters"
      noValidate
      onSubmit={(event) => event.preventDefault()}
    >
      <Field id={EMAIL_LOG_FILTER_IDS.status} label="Status" error={errors.status}>
        {(control) => (
          <select
            {...control}
            className="im-select"
            value={filters.status}
            onChange={(event) => {
              const value = event.currentTarget.value;
              props.onStatus(isStatus(value) ? value : '');
            }}
          >
            <option value="">All</option>
            {DELIVERY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {DELIVERY_STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={EMAIL_LOG_FILTER_IDS.issueKey} label="Issue" error={errors.issueKey}>
        {(control) => (
          <input
            {...control}
            className="im-input"
            type="text"
            placeholder="DEMO-12"
            autoComplete="off"
            spellCheck={false}
            value={filters.issueKey}
            onChange={(event) => props.onIssueKey(event.currentTarget.value)}
            onBlur={props.onApplyIssueKey}
            onKeyDown={(event) => {
              // Three text-like fields stop the browser from submitting on Enter, so the key field does it.
              if (event.key !== 'Enter') return;
              event.preventDefault();
              props.onApplyIssueKey();
            }}
          />
        )}
      </Field>
      <Field id={EMAIL_LOG_FILTER_IDS.from} label="From" error={errors.from}>
        {(control) => (
          <input
            {...control}
            className="im-input"
            type="date"
            value={filters.from}
            onChange={(event) => props.onFrom(event.currentTarget.value)}
          />
        )}
      </Field>
      <Field id={EMAIL_LOG_FILTER_IDS.to} label="To" error={errors.to}>
        {(control) => (
          <input
            {...control}
            className="im-input"
            type="date"
            value={filters.to}
            {...(filters.from ? { min: filters.from } : {})}
            onChange={(event) => props.onTo(event.currentTarget.value)}
          />
        )}
      </Field>
      {props.anyFilter && (
        <button type="button" className="im-button im-button--subtle im-email-log__clear" onClick={props.onClear}>
          Clear filters
        </button>
      )}
    </form>
  );
};

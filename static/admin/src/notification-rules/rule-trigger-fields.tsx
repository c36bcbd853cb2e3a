import {
  type JiraFieldRef,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type StatusRef,
} from '../../../../src/contract';
import { withCurrent } from '../../../shared/choices';
import { ChoiceSelect } from '../../../shared/components/choice-select';
import { Field } from '../../../shared/components/field';
import type { Loadable } from '../../../shared/loadable';
import { EVENT_LABELS, type RuleErrors, ruleFieldId } from './notification-rule-state';

interface RuleTriggerFieldsProps {
  event: NotificationEvent;
  toStatus: string;
  fieldId: string;
  statuses: Loadable<StatusRef[]>;
  fields: Loadable<JiraFieldRef[]>;
  errors: RuleErrors;
  onEvent: (event: NotificationEvent) => void;
  onToStatus: (toStatus: string) => void;
  onFieldId: (fieldId: string) => void;
}

const isEvent = (value: string): value is NotificationEvent =>
  (NOTIFICATION_EVENTS as readonly string[]).includes(value);

const statusHint = (statuses: Loadable<StatusRef[]>): string => {
  if (statuses.state === 'failed') return `Statuses could not be loaded: ${statuses.error.message}`;
  if (statuses.state === 'loading') return 'Loading statuses…';
  return 'The status the issue moves to.';
};

const fieldHint = (fields: Loadable<JiraFieldRef[]>): string => {
  if (fields.state === 'failed') return `Jira's fields could not be loaded: ${fields.error.message}`;
  if (fields.state === 'loading') return 'Loading fields…';
  return 'The rule sends when this field of the issue changes.';
};

/**
 * "When" the rule sends: for transitions "To status" (any status unless one is chosen), for "A chosen field
 * changed" the field, from Jira's field list.
 */
export const RuleTriggerFields = (props: RuleTriggerFieldsProps) => {
  const { event, toStatus, fieldId, statuses, fields, errors, onEvent, onToStatus, onFieldId } = props;
  // Statuses are matched by name (Jira lists each name once); a stored one Jira no longer has stays chosen.
  const statusChoices = withCurrent(
    statuses.state === 'loaded' ? statuses.data.map((status) => ({ value: status.name, label: status.name })) : [],
    toStatus,
    toStatus,
  );
  const fieldChoices = withCurrent(
    fields.state === 'loaded' ? fields.data.map((field) => ({ value: field.id, label: field.name })) : [],
    fieldId,
    fieldId,
  );
  return (
    <>
      <Field id={ruleFieldId('event')} label="When" required error={errors.event}>
        {(control) => (
          <select
            {...control}
            className="im-select"
            value={event}
            onChange={(change) => {
              const value = change.currentTarget.value;
              if (isEvent(value)) onEvent(value);
            }}
          >
            {NOTIFICATION_EVENTS.map((option) => (
              <option key={option} value={option}>
                {EVENT_LABELS[option]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {event === 'issue-transitioned' && (
        <div className="im-nested">
          <ChoiceSelect
            id={ruleFieldId('toStatus')}
            label="To status"
            value={toStatus}
            choices={statusChoices}
            hint={statusHint(statuses)}
            error={errors.toStatus}
            emptyLabel="Any status"
            onChange={onToStatus}
          />
        </div>
      )}
      {event === 'field-changed' && (
        <div className="im-nested">
          <ChoiceSelect
            id={ruleFieldId('fieldId')}
            label="Field"
            required
            value={fieldId}
            choices={fieldChoices}
            hint={fieldHint(fields)}
            error={errors.fieldId}
            emptyLabel="Choose a field"
            onChange={onFieldId}
          />
        </div>
      )}
    </>
  );
};

import { RECIPIENT_ROLES, type RecipientRole } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import { ROLE_LABELS, type RuleErrors, ruleFieldId } from './notification-rule-state';

interface RuleRecipientsFieldProps {
  roles: readonly RecipientRole[];
  addresses: string;
  errors: RuleErrors;
  onRoles: (roles: RecipientRole[]) => void;
  onAddresses: (addresses: string) => void;
}

const ID = ruleFieldId('recipients');
const ERROR_ID = `${ID}-error`;
const roleId = (role: RecipientRole) => `${ID}-${role}`;

/** "Recipients": the reporter, assignee and watchers, and other addresses typed or pasted as a list. */
export const RuleRecipientsField = ({ roles, addresses, errors, onRoles, onAddresses }: RuleRecipientsFieldProps) => {
  const toggle = (role: RecipientRole, on: boolean) =>
    onRoles(RECIPIENT_ROLES.filter((item) => (item === role ? on : roles.includes(item))));

  return (
    <fieldset id={ID} className="im-fieldset" aria-describedby={errors.recipients ? ERROR_ID : undefined}>
      <legend className="im-fieldset__legend">
        Recipients{' '}
        <span className="im-field__required" aria-hidden="true">
          *
        </span>
      </legend>
      <div className="im-rule-roles">
        {RECIPIENT_ROLES.map((role) => (
          <label key={role} className="im-checkbox im-checkbox--field" htmlFor={roleId(role)}>
            <input
              id={roleId(role)}
              type="checkbox"
              checked={roles.includes(role)}
              onChange={(event) => toggle(role, event.currentTarget.checked)}
            />
            {ROLE_LABELS[role]}
          </label>
        ))}
      </div>
      <Field
        id={ruleFieldId('addresses')}
        label="Other addresses"
        error={errors.addresses}
        hint="Separate addresses with commas or new lines, e.g. support@example.com, Jane Doe <jane@example.com>."
      >
        {(control) => (
          <textarea
            {...control}
            className="im-textarea im-rule-addresses"
            rows={3}
            autoComplete="off"
            spellCheck={false}
            value={addresses}
            onChange={(event) => onAddresses(event.currentTarget.value)}
          />
        )}
      </Field>
      {errors.recipients && (
        <p className="im-field__error" id={ERROR_ID}>
          {errors.recipients}
        </p>
      )}
    </fieldset>
  );
};

import type { CredentialView } from '../../../../src/contract';
import type { Loadable } from '../../../shared/loadable';
import { settingsFieldId } from './settings-state';

interface RuleMailboxesFieldProps {
  credentials: Loadable<CredentialView[]>;
  /** The settings field it edits: Automation's list by default, or the one for people ("Email this issue"). */
  field?: 'automationCredentialIds' | 'senderCredentialIds';
  /** Credentials besides the default that rules may send from. */
  chosen: readonly string[];
  error: string | undefined;
  onToggle: (id: string, allowed: boolean) => void;
}

const TEXTS = {
  automationCredentialIds: {
    legend: 'Mailboxes Automation rules may send from',
    hint: 'A rule\'s "Sender mailbox" may name only these. Rule authors are not shown the others.',
    none: 'No credentials yet: rules send from the default credential once there is one.',
  },
  senderCredentialIds: {
    legend: 'Mailboxes people may send from',
    hint: 'In "Email this issue", people choose From among these, in every project without its own list below; the default is preselected. They are not shown the others.',
    none: 'No credentials yet: people send from the default credential once there is one.',
  },
} as const;

/**
 * "Automation rules may send from": the default credential always (shown checked, not changeable), each other one
 * only when the admin ticks it. Plain checkboxes, so Tab and Space work as everywhere else on the page.
 */
export const RuleMailboxesField = ({
  credentials,
  field = 'automationCredentialIds',
  chosen,
  error,
  onToggle,
}: RuleMailboxesFieldProps) => {
  const FIELD = settingsFieldId(field);
  const HINT = `${FIELD}-hint`;
  const ERROR = `${FIELD}-error`;
  const texts = TEXTS[field];
  const describedBy = [HINT, error ? ERROR : ''].filter(Boolean).join(' ');
  return (
    <fieldset className="im-fieldset" id={FIELD} tabIndex={-1} aria-describedby={describedBy}>
      <legend className="im-fieldset__legend">{texts.legend}</legend>
      <p id={HINT} className="im-field__hint">
        {texts.hint}
      </p>
      {credentials.state === 'loading' && <p className="im-secondary">Loading mailboxes…</p>}
      {credentials.state === 'failed' && (
        <p className="im-secondary" role="alert">
          The mailboxes could not be loaded: {credentials.error.message}
        </p>
      )}
      {credentials.state === 'loaded' && credentials.data.length === 0 && <p className="im-secondary">{texts.none}</p>}
      {credentials.state === 'loaded' && credentials.data.length > 0 && (
        <div className="im-checkboxes">
          {[...credentials.data]
            .sort((a, b) => Number(b.isDefault) - Number(a.isDefault))
            .map((credential) => (
              <label key={credential.id} className="im-checkbox" htmlFor={`${FIELD}-${credential.id}`}>
                <input
                  id={`${FIELD}-${credential.id}`}
                  type="checkbox"
                  checked={credential.isDefault || chosen.includes(credential.id)}
                  disabled={credential.isDefault}
                  aria-invalid={error ? true : undefined}
                  onChange={(event) => onToggle(credential.id, event.currentTarget.checked)}
                />
                {credential.name} ({credential.senderMailbox}){credential.isDefault ? ' · default, always allowed' : ''}
              </label>
            ))}
        </div>
      )}
      {error && (
        <p className="im-field__error" id={ERROR}>
          {error}
        </p>
      )}
    </fieldset>
  );
};

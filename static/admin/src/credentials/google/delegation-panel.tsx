import { useId } from 'react';

import { CopyField } from '../copy-field';

interface DelegationPanelProps {
  /** The service account's numeric client ID; '' until a key file is chosen. */
  clientId: string;
  /** The Admin console's "OAuth scopes (comma-delimited)" value. */
  scopes: string;
}

/**
 * What a super admin does in the Google Admin console so the service account may act as the mailbox (steps from
 * https://support.google.com/a/answer/162106 and
 * https://developers.google.com/identity/protocols/oauth2/service-account#delegatingauthority): the numeric Client
 * ID, not the service account's email, and every scope the token asks for, else Google answers `unauthorized_client`.
 */
export const DelegationPanel = ({ clientId, scopes }: DelegationPanelProps) => {
  const titleId = useId();
  return (
    <section className="im-subsection" aria-labelledby={titleId}>
      <h3 className="im-subsection__title" id={titleId}>
        Domain-wide delegation
      </h3>
      <ol className="im-setup__steps">
        <li>
          In the Google Admin console, open <strong>Security &gt; Access and data control &gt; API controls</strong>.
        </li>
        <li>
          Under Domain wide delegation, select <strong>Manage Domain Wide Delegation</strong>, then{' '}
          <strong>Add new</strong>.
        </li>
        <li>
          Paste the <strong>Client ID</strong> and the <strong>OAuth scopes</strong> below, then select{' '}
          <strong>Authorize</strong>. It usually takes effect within minutes, at times up to 24 hours.
        </li>
      </ol>
      <div className="im-subsection__grid">
        {clientId ? (
          <CopyField
            id="credential-delegationClientId"
            label="Client ID"
            hint="The service account's numeric client ID (not its email address)."
            value={clientId}
            buttonText="Copy Client ID"
          />
        ) : (
          <div className="im-field">
            <span className="im-field__label">Client ID</span>
            <p className="im-secondary">Choose the key file to see the service account&apos;s Client ID.</p>
          </div>
        )}
        <CopyField
          id="credential-delegationScopes"
          label="OAuth scopes (comma-delimited)"
          hint="Exactly the scopes this credential asks for."
          value={scopes}
          buttonText="Copy scopes"
        />
      </div>
    </section>
  );
};

import type { AuthorizationSetup } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import type { Loadable } from '../../../shared/loadable';
import { CopyField } from './copy-field';
import { fieldId, type PlainFieldsProps } from './form-fields';

export const REDIRECT_URI_HINT =
  "Add this as a Web redirect URI in the app registration's Authentication page. It is specific to this Jira site.";

const REDIRECT_URI_ID = 'credential-redirectUri';
const SCOPES_ID = 'credential-delegatedScopes';

/** What a read of the setup shows in place of a value: loading, or why it failed with a way to read it again. */
const SetupUnavailable = ({ setup, onRetry }: { setup: Loadable<AuthorizationSetup>; onRetry: () => void }) =>
  setup.state === 'failed' ? (
    <p className="im-field__error">
      {setup.error.message}{' '}
      <button type="button" className="im-link-button" onClick={onRetry}>
        Try again
      </button>
    </p>
  ) : (
    <p className="im-secondary" role="status">
      <span className="im-spinner" aria-hidden="true" /> Loading…
    </p>
  );

interface SetupProps {
  setup: Loadable<AuthorizationSetup>;
  onRetry: () => void;
}

/** The Redirect URI to register in Entra, read-only with Copy. */
export const RedirectUriField = ({ setup, onRetry }: SetupProps) => {
  if (setup.state !== 'loaded') {
    return (
      <div className="im-field">
        <span className="im-field__label">Redirect URI</span>
        <SetupUnavailable setup={setup} onRetry={onRetry} />
      </div>
    );
  }
  return (
    <CopyField
      id={REDIRECT_URI_ID}
      label="Redirect URI"
      hint={REDIRECT_URI_HINT}
      value={setup.data.redirectUri}
      buttonText="Copy"
      buttonLabel="Copy Redirect URI"
    />
  );
};

/** The delegated permissions the sign-in asks for: not editable, the app needs exactly these. */
export const DelegatedScopesField = ({ setup, onRetry }: SetupProps) =>
  setup.state === 'loaded' ? (
    <Field
      id={SCOPES_ID}
      label="Scopes"
      hint="Delegated Microsoft Graph permissions the sign-in asks for: add them under API permissions."
    >
      {(control) => (
        <input
          {...control}
          className="im-input im-input--code"
          type="text"
          readOnly
          value={setup.data.scopes.join(' ')}
        />
      )}
    </Field>
  ) : (
    <div className="im-field">
      <span className="im-field__label">Scopes</span>
      <SetupUnavailable setup={setup} onRetry={onRetry} />
    </div>
  );

/** The v2 `/authorize` address; the form prefills it from the token endpoint. */
export const AuthorizationEndpointField = ({ errors, text }: Omit<PlainFieldsProps, 'values'>) => (
  <div className="im-form__wide">
    <Field
      id={fieldId('authorizationEndpoint')}
      label="Authorization endpoint URL"
      required
      error={errors.authorizationEndpoint}
      hint="Overview > Endpoints > OAuth 2.0 authorization endpoint (v2): the token endpoint's host and tenant, ending in /oauth2/v2.0/authorize."
    >
      {(control) => (
        <input
          {...control}
          {...text('authorizationEndpoint')}
          className="im-input"
          type="url"
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </Field>
  </div>
);

import { useRef, useState } from 'react';

import type { AuthorizationSetup } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import type { Loadable } from '../../../shared/loadable';
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

/**
 * The Redirect URI to register in Entra, read-only with Copy. Where the frame may not use the clipboard, the
 * address is selected for Ctrl+C instead; either way the outcome is announced.
 */
export const RedirectUriField = ({ setup, onRetry }: SetupProps) => {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'copied' | 'select' | null>(null);
  if (setup.state !== 'loaded') {
    return (
      <div className="im-field">
        <span className="im-field__label">Redirect URI</span>
        <SetupUnavailable setup={setup} onRetry={onRetry} />
      </div>
    );
  }
  const { redirectUri } = setup.data;
  const copy = async () => {
    input.current?.select();
    const outcome = await navigator.clipboard.writeText(redirectUri).then(
      () => 'copied' as const,
      () => 'select' as const,
    );
    setCopied(outcome);
  };
  return (
    <Field id={REDIRECT_URI_ID} label="Redirect URI" hint={REDIRECT_URI_HINT}>
      {(control) => (
        <>
          <div className="im-copy-row">
            <input
              {...control}
              ref={input}
              className="im-input im-input--code"
              type="text"
              readOnly
              value={redirectUri}
              onFocus={(event) => event.currentTarget.select()}
            />
            <button type="button" className="im-button" aria-label="Copy Redirect URI" onClick={() => void copy()}>
              Copy
            </button>
          </div>
          <p className="im-copy-row__status" role="status" aria-live="polite">
            {copied === 'copied' ? 'Copied' : copied === 'select' ? 'Selected: press Ctrl+C to copy.' : ''}
          </p>
        </>
      )}
    </Field>
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

import type { ReactNode } from 'react';

import { MICROSOFT_CLOUDS, tokenEndpointOf } from '../../../../src/contract';
import { Field } from '../../../shared/components/field';
import { AuthorizationEndpointField } from './authorization-fields';
import { fieldId, type PlainFieldsProps } from './form-fields';

interface ConnectionFieldsProps extends PlainFieldsProps {
  /** The authorization code grant's read-only scopes, shown instead of the Scope field. */
  delegatedScopes: ReactNode;
}

/**
 * Where tokens come from and where mail goes: each hint shows the chosen cloud's usual value. The authorization
 * code grant adds the authorization endpoint, shows its fixed delegated scopes, and sends as the mailbox an admin
 * signs in with.
 */
export const ConnectionFields = ({ values, errors, text, delegatedScopes }: ConnectionFieldsProps) => {
  const cloud = MICROSOFT_CLOUDS[values.provider];
  const endpointExample = tokenEndpointOf(values.provider, '<tenant-id>');
  const delegated = values.grantType === 'authorization_code';
  return (
    <>
      <div className="im-form__wide">
        <Field
          id={fieldId('tokenEndpoint')}
          label="Token endpoint URL"
          required
          error={errors.tokenEndpoint}
          hint={
            <>
              Overview &gt; Endpoints &gt; OAuth 2.0 token endpoint (v2). For {cloud.label} it looks like{' '}
              <code>{endpointExample}</code>
            </>
          }
        >
          {(control) => (
            <input
              {...control}
              {...text('tokenEndpoint')}
              className="im-input"
              type="url"
              autoComplete="off"
              spellCheck={false}
              placeholder={endpointExample}
            />
          )}
        </Field>
      </div>

      {delegated && <AuthorizationEndpointField errors={errors} text={text} />}

      {delegated ? (
        delegatedScopes
      ) : (
        <Field
          id={fieldId('scope')}
          label="Scope"
          required
          error={errors.scope}
          hint={
            <>
              Usually <code>{cloud.scope}</code>
            </>
          }
        >
          {(control) => (
            <input
              {...control}
              {...text('scope')}
              className="im-input"
              type="text"
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
      )}

      <Field
        id={fieldId('senderMailbox')}
        label={delegated ? 'Mailbox to connect' : 'Sender mailbox'}
        required
        error={errors.senderMailbox}
        hint={
          delegated
            ? 'Authorize opens the sign-in with this mailbox filled in; mail is sent as the mailbox that signs in.'
            : 'Mail is sent from this mailbox; it needs an Exchange Online licence.'
        }
      >
        {(control) => (
          <input
            {...control}
            {...text('senderMailbox')}
            className="im-input"
            type="email"
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>

      <Field
        id={fieldId('graphBaseUrl')}
        label="Graph API base URL"
        required
        error={errors.graphBaseUrl}
        hint={
          <>
            Usually <code>{cloud.graphBaseUrl}</code>
          </>
        }
      >
        {(control) => (
          <input
            {...control}
            {...text('graphBaseUrl')}
            className="im-input"
            type="url"
            autoComplete="off"
            spellCheck={false}
          />
        )}
      </Field>
    </>
  );
};

import type { CredentialView } from '../../../../src/contract';
import { formatDateTime } from '../shared/format';
import { AuthorizeMessage, connectedAs } from './authorize-message';
import type { AuthorizeState } from './use-authorize';

export const NOT_AUTHORIZED = 'Not authorized';

/** The stored authorization of a credential, or the lozenge that says there is none yet. */
export const AuthorizationLine = ({ credential }: { credential: CredentialView }) =>
  credential.authorization ? (
    <p>
      Signed in as <strong>{connectedAs(credential.authorization)}</strong>, authorized{' '}
      <time dateTime={credential.authorization.authorizedAt}>
        {formatDateTime(credential.authorization.authorizedAt)}
      </time>
      {credential.authorization.lastUsedAt && (
        <span className="im-secondary">
          {' '}
          · last used{' '}
          <time dateTime={credential.authorization.lastUsedAt}>
            {formatDateTime(credential.authorization.lastUsedAt)}
          </time>
        </span>
      )}
    </p>
  ) : (
    <p>
      <span className="im-lozenge im-lozenge--warning">{NOT_AUTHORIZED}</span>
    </p>
  );

interface AuthorizationPanelProps {
  /** The saved credential; null while adding one. */
  credential: CredentialView | null;
  /** Unsaved edits: Authorize signs in with the saved credential, and the hint says so. */
  dirty: boolean;
  authorizing: AuthorizeState;
}

/**
 * The form's "Connected mailbox": who the saved credential sends as, and Authorize, which signs a mailbox in.
 * Only a saved authorization code credential can start a sign-in; the form says what to do first otherwise.
 */
export const AuthorizationPanel = ({ credential, dirty, authorizing }: AuthorizationPanelProps) => {
  const saved = credential?.grantType === 'authorization_code' ? credential : null;
  const { flow } = authorizing;
  // While the page waits for the other window, Authorize starts over: the admin may have closed that window.
  const starting = flow?.phase === 'starting';
  return (
    <section className="im-subsection im-form__wide" aria-labelledby="credential-authorization-title">
      <h3 className="im-subsection__title" id="credential-authorization-title">
        Connected mailbox
      </h3>
      {saved ? (
        <>
          <AuthorizationLine credential={saved} />
          <div className="im-button-row">
            <button
              type="button"
              className="im-button"
              aria-disabled={starting}
              aria-describedby="credential-authorize-hint"
              onClick={() => !starting && void authorizing.authorize(saved)}
            >
              Authorize
            </button>
          </div>
          <p id="credential-authorize-hint" className="im-field__hint">
            {dirty
              ? 'You have unsaved changes: Authorize signs in with the saved credential. Save first to use them.'
              : 'Opens the Microsoft sign-in in a new window. Sign in with the mailbox to connect and accept the permissions.'}
          </p>
        </>
      ) : (
        <p className="im-secondary">
          {credential ? 'Save the credential with this grant type' : 'Save the credential'}, then press Authorize to
          sign in with the mailbox.
        </p>
      )}
      {flow && flow.id === saved?.id && <AuthorizeMessage flow={flow} />}
    </section>
  );
};

import type { CredentialAuthorization } from '../../../../src/contract';
import { SectionMessage } from '../../../shared/components/section-message';
import type { AuthorizeFlow } from './use-authorize';

export const TIMED_OUT_MESSAGE = 'The sign-in was not finished. Press Authorize to try again.';

/** "support@contoso.com (Support Desk)": the mailbox first, as the admin typed it to sign in. */
export const connectedAs = ({ mailbox, displayName }: CredentialAuthorization): string =>
  displayName ? `${mailbox} (${displayName})` : mailbox;

/** Where an Authorize is: starting, waiting for the other window, connected, timed out or refused. */
export const AuthorizeMessage = ({ flow, onDismiss }: { flow: AuthorizeFlow; onDismiss?: () => void }) => {
  const dismiss = onDismiss && flow.phase !== 'starting' && flow.phase !== 'waiting' && (
    <p>
      <button type="button" className="im-link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </p>
  );
  switch (flow.phase) {
    case 'starting':
    case 'waiting':
      return (
        <SectionMessage appearance="information" title={`Authorize: ${flow.name}`}>
          <p>
            <span className="im-spinner" aria-hidden="true" />{' '}
            {flow.phase === 'starting'
              ? 'Opening the Microsoft sign-in…'
              : 'Sign in with the mailbox in the new window. This page updates when you have finished; if you closed that window, press Authorize to start again.'}
          </p>
        </SectionMessage>
      );
    case 'connected':
      return (
        <SectionMessage appearance="success" title={`Authorize: ${flow.name}`}>
          <p>Connected as {connectedAs(flow.authorization)}</p>
          {dismiss}
        </SectionMessage>
      );
    case 'timed-out':
      return (
        <SectionMessage appearance="warning" title={`Authorize: ${flow.name}`}>
          <p>{TIMED_OUT_MESSAGE}</p>
          {dismiss}
        </SectionMessage>
      );
    case 'failed':
      return (
        <SectionMessage appearance="error" title={`Authorize: ${flow.name}`}>
          <p>{flow.message}</p>
          {dismiss}
        </SectionMessage>
      );
  }
};

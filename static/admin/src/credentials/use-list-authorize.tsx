import type { CredentialView } from '../../../../src/contract';
import { AuthorizeMessage } from './authorize-message';
import { moreActionsId } from './credential-list';
import { useAuthorize } from './use-authorize';

interface ListAuthorizeOptions {
  credentials: CredentialView[];
  /** The credential whose row test result shows, if any. */
  rowTestId: string | null;
  onAuthorized: (credential: CredentialView) => void;
  /** Where focus goes once the message (and its Dismiss button) is gone. */
  focusAfter: (id: string) => void;
}

/**
 * Authorize started from the list (the actions menu, a row test's "Authorize again"); the form has its own. Its
 * progress shows under the row test that offered it, otherwise above the table.
 */
export const useListAuthorize = ({ credentials, rowTestId, onAuthorized, focusAfter }: ListAuthorizeOptions) => {
  const { flow, authorize, dismiss } = useAuthorize({ onAuthorized });
  const onDismiss = () => {
    if (flow) focusAfter(moreActionsId(flow.id));
    dismiss();
  };
  const message = flow && <AuthorizeMessage flow={flow} onDismiss={onDismiss} />;
  const inRowTest = flow !== null && flow.id === rowTestId;
  return {
    authorize: (id: string) => {
      const credential = credentials.find((item) => item.id === id);
      if (credential) void authorize(credential);
    },
    aboveTable: inRowTest ? null : message,
    inRowTest: inRowTest ? message : null,
  };
};

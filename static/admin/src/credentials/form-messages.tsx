import { SectionMessage } from '../../../shared/components/section-message';
import { type ConnectionTestOutcome, ConnectionTestResultView } from './connection-test-result';
import type { FormBusy, FormNotice } from './use-credential-form';

interface FormMessagesProps {
  busy: FormBusy;
  notice: FormNotice;
  testOutcome: ConnectionTestOutcome | null;
  /** For a saved authorization code credential: what the test result's "Authorize again" does. */
  onAuthorizeAgain?: (() => void) | undefined;
}

/** What the last Save or Test connection did, or that one is running. */
export const FormMessages = ({ busy, notice, testOutcome, onAuthorizeAgain }: FormMessagesProps) => (
  <div className="im-form__messages">
    {busy === 'saving' && (
      <p role="status" className="im-secondary">
        Saving…
      </p>
    )}
    {busy === 'testing' && (
      <p role="status" className="im-secondary">
        Testing the connection…
      </p>
    )}
    {notice?.kind === 'saved' && (
      <SectionMessage appearance="success" title="Credential saved">
        <p>“{notice.name}” is saved. Use Test connection to check it.</p>
      </SectionMessage>
    )}
    {notice?.kind === 'error' && (
      <SectionMessage appearance="error" title="The credential was not saved">
        <p>{notice.error.message}</p>
        {notice.otherErrors.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </SectionMessage>
    )}
    {testOutcome && <ConnectionTestResultView outcome={testOutcome} onAuthorizeAgain={onAuthorizeAgain} />}
  </div>
);

import type { DiagnosisStep } from '../../contract/credential-health';
import type { PolicyEnv } from '../../http/endpoint-policy';
import { JiraError } from '../../jira/errors';
import type { RequestJira } from '../../jira/jira-client';
import { type Myself, readMyself } from '../../jira/myself';
import { safeErrorLabel } from '../../shared/error-names';
import { escapeHtml } from '../../shared/html-escape';
import type { Clock, FetchLike, Sleep } from '../../shared/seams';
import { isDelegated } from '../delegated-token';
import type { StoredCredential } from '../stored-credential';
import { step } from './step';

export interface TestEmailDeps {
  fetch: FetchLike;
  now: Clock;
  /** Jira as the admin who asked, for their email address. */
  requestJira: RequestJira;
  env?: PolicyEnv;
  sleep?: Sleep;
  /** Writes the email log's record of a test email that was handed to the mail service (accepted or refused). */
  logTestEmail?: (email: TestEmailLogged) => Promise<void>;
}

/** A test email as the email log keeps it (connection-test-record.ts): never the token, only safe words. */
export interface TestEmailLogged {
  credentialId: string;
  /** The credential's provider: the log names the service that took the email. */
  provider: StoredCredential['provider'];
  senderMailbox: string;
  to: string;
  subject: string;
  requestedBy: { accountId: string; name: string };
  outcome:
    | { status: 'sent'; requestId: string | undefined }
    | { status: 'failed'; error: { code: string; message: string }; requestId: string | undefined };
}

export const TestEmailCode = {
  NoAddress: 'TEST_EMAIL_NO_ADDRESS',
  JiraUnavailable: 'TEST_EMAIL_JIRA_UNAVAILABLE',
} as const;

export const TEST_EMAIL_SUBJECT = 'Issue Mailer test email';

export const NO_ADDRESS_MESSAGE =
  "Jira does not show your email address to apps (your Atlassian account's profile visibility hides it), so no " +
  'test email was sent. Make your email address visible, or email an issue to yourself instead.';

/** Where the credential's mail comes from: the signed-in mailbox for the authorization code grant. */
export const sendingMailbox = (credential: StoredCredential): string =>
  (isDelegated(credential) ? credential.authorization?.mailbox : undefined) ?? credential.senderMailbox;

export const testEmailHtml = (credential: StoredCredential): string =>
  '<p>This is a test email from Issue Mailer for Jira.</p>' +
  `<p>The credential <strong>${escapeHtml(credential.name)}</strong> works: mail from ` +
  `${escapeHtml(sendingMailbox(credential))} reaches you.</p>`;

/** How a provider hands the test email over: the request id it answered, or a failure in the admin's words. */
export interface TestEmailSender {
  send: (to: string) => Promise<{ requestId: string | undefined }>;
  /** The step's code and guidance for an error of this provider's; undefined for any other error (thrown on). */
  failure: (error: unknown) => { code: string; message: string; requestId: string | undefined } | undefined;
}

/**
 * Mails the admin who asked (their Jira email address), from the credential's mailbox, through `sender`, and writes
 * the email log's record of it.
 */
export const mailTheAdmin = async (
  credential: StoredCredential,
  sender: TestEmailSender,
  deps: Pick<TestEmailDeps, 'requestJira' | 'logTestEmail'>,
): Promise<DiagnosisStep> => {
  let me: Myself;
  try {
    me = await readMyself(deps.requestJira);
  } catch (error) {
    if (!(error instanceof JiraError)) throw error;
    return step(
      'test-email',
      'failed',
      'Jira did not say who you are, so no test email was sent. Try again in a moment.',
      TestEmailCode.JiraUnavailable,
    );
  }
  const address = me.emailAddress;
  const from = sendingMailbox(credential);
  if (address === undefined) return step('test-email', 'skipped', NO_ADDRESS_MESSAGE, TestEmailCode.NoAddress);
  const log = async (outcome: TestEmailLogged['outcome']): Promise<void> => {
    if (deps.logTestEmail === undefined) return;
    const requestedBy = { accountId: me.accountId, name: me.displayName ?? me.accountId };
    const email = {
      credentialId: credential.id,
      provider: credential.provider,
      senderMailbox: from,
      to: address,
      subject: TEST_EMAIL_SUBJECT,
      requestedBy,
      outcome,
    };
    // The log is a record of the test, not the test: a storage hiccup must not turn a working connection red.
    await deps
      .logTestEmail(email)
      .catch((error: unknown) => console.warn(`[issue-mailer] test email not logged: ${safeErrorLabel(error)}`));
  };

  let sent: { requestId: string | undefined };
  try {
    sent = await sender.send(address);
  } catch (error) {
    const failure = sender.failure(error);
    if (failure === undefined) throw error;
    const { code, message, requestId } = failure;
    await log({ status: 'failed', error: { code, message }, requestId });
    return step('test-email', 'failed', message, code);
  }
  await log({ status: 'sent', requestId: sent.requestId });
  return step(
    'test-email',
    'passed',
    `Sent a test email from ${from} to the email address Jira has for you. It should arrive within a minute.`,
  );
};

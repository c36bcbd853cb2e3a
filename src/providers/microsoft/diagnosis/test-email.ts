import type { DiagnosisStep } from '../../../contract/credential-health';
import { isDelegated } from '../../../credentials/delegated-token';
import { skipped } from '../../../credentials/diagnosis/step';
import {
  mailTheAdmin,
  sendingMailbox,
  TEST_EMAIL_SUBJECT,
  type TestEmailDeps,
  testEmailHtml,
} from '../../../credentials/diagnosis/test-email-step';
import type { StoredCredential } from '../../../credentials/stored-credential';
import type { RetryPolicy } from '../../../http/retry';
import { GraphError } from '../graph/errors';
import { graphErrorGuidance } from '../graph/graph-guidance';
import { sendMail, type SendMailResult } from '../graph/mail-client';

/** One quick retry at most: the whole test runs inside a resolver's 25 seconds. */
const TEST_EMAIL_RETRY: RetryPolicy = { maxRetries: 1, budgetMs: 6_000, baseDelayMs: 1_000, minAttemptMs: 2_000 };

/**
 * Mails the admin who asked, from the sender mailbox, with the token the test just got: `/me/sendMail` for the
 * authorization code grant (https://learn.microsoft.com/en-us/graph/api/user-sendmail).
 */
export const testEmailStep = (
  credential: StoredCredential,
  accessToken: string,
  deps: TestEmailDeps,
): Promise<DiagnosisStep> => {
  const from = sendingMailbox(credential);
  return mailTheAdmin(
    credential,
    {
      send: async (address): Promise<SendMailResult> =>
        sendMail(
          {
            mailbox: from,
            message: { subject: TEST_EMAIL_SUBJECT, html: testEmailHtml(credential), to: [address] },
            saveToSentItems: false,
          },
          {
            fetch: deps.fetch,
            tokenProvider: { getAccessToken: () => Promise.resolve(accessToken) },
            graphBaseUrl: credential.graphBaseUrl,
            actingAs: isDelegated(credential) ? 'signed-in-user' : 'app',
            now: deps.now,
            retryPolicy: TEST_EMAIL_RETRY,
            ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }),
            ...(deps.env === undefined ? {} : { env: deps.env }),
          },
        ),
      failure: (error) =>
        error instanceof GraphError
          ? {
              code: error.code,
              message: graphErrorGuidance(error, { operation: 'send-mail', mailbox: from }),
              requestId: error.requestId,
            }
          : undefined,
    },
    deps,
  );
};

/** A larger set of deps (Test connection's) that may lack Jira, e.g. where no admin invoked the test. */
export type TestEmailSource = Omit<TestEmailDeps, 'requestJira'> & { requestJira?: TestEmailDeps['requestJira'] };

/** The test email, or why it was not sent when Jira cannot be asked for the admin's address here. */
export const testEmailIfJira = (
  credential: StoredCredential,
  accessToken: string,
  deps: TestEmailSource,
): Promise<DiagnosisStep> => {
  if (deps.requestJira === undefined) {
    return Promise.resolve(skipped('test-email', 'Not sent: Jira cannot be asked for your email address here.'));
  }
  return testEmailStep(credential, accessToken, {
    fetch: deps.fetch,
    now: deps.now,
    requestJira: deps.requestJira,
    ...(deps.env === undefined ? {} : { env: deps.env }),
    ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }),
    ...(deps.logTestEmail === undefined ? {} : { logTestEmail: deps.logTestEmail }),
  });
};

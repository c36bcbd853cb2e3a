import type { DiagnosisStep } from '../../../contract/credential-health';
import { adminConsoleScopeList, GMAIL_MODIFY_SCOPE } from '../../../contract/google-workspace-kinds';
import { NO_PRIVATE_KEY_MESSAGE } from '../../../credentials/credential-guidance';
import type { ConnectionDiagnosis } from '../../../credentials/diagnosis/connection-diagnosis';
import { skipped, step } from '../../../credentials/diagnosis/step';
import {
  mailTheAdmin,
  TEST_EMAIL_SUBJECT,
  type TestEmailDeps,
  testEmailHtml,
} from '../../../credentials/diagnosis/test-email-step';
import { CredentialValidationError, PrivateKeyMissingError } from '../../../credentials/errors';
import { googleGuidanceContext, googleScopesOf } from '../../../credentials/google-scopes';
import type { StoredCredential } from '../../../credentials/stored-credential';
import type { TokenProvider } from '../../../oauth/token-provider';
import {
  type GoogleCredentialTokenDeps,
  googleCredentialTokenProvider,
  serviceAccountOf,
} from '../credentials/google-token';
import { GoogleTokenError } from '../errors';
import { GmailError } from '../gmail/gmail-errors';
import { gmailGuidance } from '../gmail/gmail-guidance';
import { getProfile } from '../gmail/gmail-history';
import { sendGmailMessage } from '../gmail/gmail-sender';
import { googleEndpoints } from '../google-endpoints';
import { googleTokenGuidance } from '../google-guidance';

export type TestGoogleDeps = GoogleCredentialTokenDeps & {
  requestJira?: TestEmailDeps['requestJira'];
  logTestEmail?: TestEmailDeps['logTestEmail'];
};

export const GoogleTestCode = {
  /** Gmail's profile names another address than the credential's mailbox. */
  MailboxMismatch: 'GMAIL_MAILBOX_MISMATCH',
  /** The record has no service account (a key was never stored with it). */
  NoServiceAccount: 'GOOGLE_SERVICE_ACCOUNT_MISSING',
} as const;

const NO_TOKEN = 'Not checked: there is no token to check with.';

/**
 * A new token from Google, never a cached one: Google's verdict on the delegation is the point of the test. The token
 * it gets replaces the cached one (the provider stores it), so fixing the Admin console and testing again takes
 * effect for sending at once.
 */
const googleTokenStep = async (
  credential: StoredCredential,
  provider: TokenProvider,
): Promise<{ step: DiagnosisStep; accessToken?: string }> => {
  const context = googleGuidanceContext(credential);
  try {
    const accessToken = await provider.getAccessToken({ forceRefresh: true });
    return {
      step: step(
        'token',
        'passed',
        `Got a token for ${credential.senderMailbox} as the service account ${context.clientEmail ?? ''} ` +
          `(client ID ${credential.clientId}, key ${credential.serviceAccount?.privateKeyId ?? ''}).`,
      ),
      accessToken,
    };
  } catch (error) {
    if (error instanceof GoogleTokenError) {
      return { step: step('token', 'failed', googleTokenGuidance(error, context), error.code) };
    }
    if (error instanceof PrivateKeyMissingError) {
      return { step: step('token', 'failed', NO_PRIVATE_KEY_MESSAGE, error.code) };
    }
    throw error;
  }
};

/** Google grants a token only for scopes the Admin console allows the client ID, so a token proves every one. */
const scopesStep = (credential: StoredCredential): DiagnosisStep => {
  const scopes = googleScopesOf(credential);
  const reading = scopes.includes(GMAIL_MODIFY_SCOPE) ? '' : ' Incoming mail is off, so gmail.modify is not asked for.';
  return step(
    'permissions',
    'passed',
    `The Admin console allows client ID ${credential.clientId} the scopes ${adminConsoleScopeList(scopes)}: ` +
      `Google granted a token for them.${reading}`,
  );
};

const mailboxStep = async (
  credential: StoredCredential,
  accessToken: string,
  deps: TestGoogleDeps,
  gmailBaseUrl: string,
): Promise<DiagnosisStep> => {
  const mailbox = credential.senderMailbox;
  if (!googleScopesOf(credential).includes(GMAIL_MODIFY_SCOPE)) {
    return skipped(
      'mailbox',
      `Not checked with Gmail: reading the profile needs gmail.modify, which a credential that only sends does not ` +
        `ask for. Google issued a token for ${mailbox}, which proves the mailbox exists and is active.`,
    );
  }
  try {
    const { emailAddress: address } = await getProfile({
      ...gmailDeps(accessToken, deps, gmailBaseUrl),
      userId: mailbox,
    });
    if (address.toLowerCase() !== mailbox.toLowerCase()) {
      return step(
        'mailbox',
        'failed',
        `Gmail says the mailbox is ${address}, not ${mailbox}. Enter the user's primary address as the mailbox.`,
        GoogleTestCode.MailboxMismatch,
      );
    }
    return step('mailbox', 'passed', `Gmail knows ${address}: mail goes out from this mailbox.`);
  } catch (error) {
    if (!(error instanceof GmailError)) throw error;
    return step('mailbox', 'failed', gmailGuidance(error, googleGuidanceContext(credential)), error.code);
  }
};

const gmailDeps = (accessToken: string, deps: TestGoogleDeps, baseUrl: string) => ({
  fetch: deps.fetch,
  // The test's own token: a 401 with it is the answer, not a reason to ask Google again.
  tokenProvider: { getAccessToken: () => Promise.resolve(accessToken) },
  now: deps.now,
  baseUrl,
  ...(deps.env === undefined ? {} : { env: deps.env }),
});

/**
 * Test connection of a Google Workspace credential: a new token by the JWT bearer grant (which is Google's check of
 * the key, the mailbox and the domain-wide delegation), the scopes it proves, the mailbox as Gmail sees it, and on
 * request a test email to the admin through Gmail's users.messages.send. Google's addresses come from the
 * environment (googleEndpoints), never from the record.
 */
export const testGoogle = async (
  credential: StoredCredential,
  deps: TestGoogleDeps,
  options: { sendTestEmail?: boolean },
): Promise<DiagnosisStep[]> => {
  let provider: TokenProvider;
  try {
    serviceAccountOf(credential);
    provider = googleCredentialTokenProvider(credential, deps);
  } catch (error) {
    if (!(error instanceof CredentialValidationError)) throw error;
    const message = error.fieldErrors['serviceAccountKey'] ?? error.message;
    const steps = [step('token', 'failed', message, GoogleTestCode.NoServiceAccount)];
    steps.push(skipped('permissions', NO_TOKEN), skipped('mailbox', NO_TOKEN));
    if (options.sendTestEmail === true) steps.push(skipped('test-email', 'Not sent: there is no token to send with.'));
    return steps;
  }
  const token = await googleTokenStep(credential, provider);
  const steps: DiagnosisStep[] = [token.step];
  if (token.accessToken === undefined) {
    steps.push(skipped('permissions', NO_TOKEN), skipped('mailbox', NO_TOKEN));
    if (options.sendTestEmail === true) steps.push(skipped('test-email', 'Not sent: there is no token to send with.'));
    return steps;
  }
  const { gmailBaseUrl } = googleEndpoints(deps.env);
  const mailbox = await mailboxStep(credential, token.accessToken, deps, gmailBaseUrl);
  steps.push(scopesStep(credential), mailbox);
  if (options.sendTestEmail === true) {
    steps.push(
      mailbox.status === 'failed'
        ? skipped('test-email', 'Not sent: the sender mailbox check failed.')
        : await googleTestEmail(credential, token.accessToken, deps, gmailBaseUrl),
    );
  }
  return steps;
};

/** The test email through Gmail, worded as Microsoft's (providers/microsoft/diagnosis/test-email.ts). */
const googleTestEmail = (
  credential: StoredCredential,
  accessToken: string,
  deps: TestGoogleDeps,
  gmailBaseUrl: string,
): Promise<DiagnosisStep> => {
  if (deps.requestJira === undefined) {
    return Promise.resolve(skipped('test-email', 'Not sent: Jira cannot be asked for your email address here.'));
  }
  return mailTheAdmin(
    credential,
    {
      send: async (address) => {
        await sendGmailMessage(
          { address: credential.senderMailbox },
          { subject: TEST_EMAIL_SUBJECT, html: testEmailHtml(credential), to: [address] },
          gmailDeps(accessToken, deps, gmailBaseUrl),
        );
        // Gmail answers no request id: the message id is Gmail's, not a support reference.
        return { requestId: undefined };
      },
      failure: (error) =>
        error instanceof GmailError
          ? { code: error.code, message: gmailGuidance(error, googleGuidanceContext(credential)), requestId: undefined }
          : undefined,
    },
    {
      requestJira: deps.requestJira,
      ...(deps.logTestEmail === undefined ? {} : { logTestEmail: deps.logTestEmail }),
    },
  );
};

/** Test connection of a Google Workspace credential: tested as saved, the edit form's values being Microsoft's. */
export const googleDiagnosis: ConnectionDiagnosis = {
  testsFormValues: false,
  diagnose: async (credential, _draft, deps, options) => ({
    steps: await testGoogle(credential, deps, options),
    sender: credential.senderMailbox,
  }),
};

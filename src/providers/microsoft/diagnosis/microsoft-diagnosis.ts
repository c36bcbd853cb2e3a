import type { DiagnosisStep } from '../../../contract/credential-health';
import { credentialTokenDeps } from '../../../credentials/credential-token';
import { isDelegated } from '../../../credentials/delegated-token';
import type {
  ConnectionDiagnosis,
  DiagnosisDeps,
  DiagnosisOutcome,
} from '../../../credentials/diagnosis/connection-diagnosis';
import { skipped } from '../../../credentials/diagnosis/step';
import { sendingMailbox } from '../../../credentials/diagnosis/test-email-step';
import type { FormDraft } from '../../../credentials/form-draft';
import type { StoredCredential } from '../../../credentials/stored-credential';
import { mailboxStep } from './mailbox-step';
import { PermissionsCode, permissionsStep } from './permissions-step';
import { testDelegated } from './test-delegated';
import { testEmailIfJira } from './test-email';
import { tokenStep } from './token-step';

const NO_TOKEN = 'Not checked: there is no token to check with.';
const NO_PERMISSIONS =
  'Not checked: the token carries no application permissions, so Microsoft Graph refuses it for any mailbox. Grant admin consent, then test again.';

/**
 * Microsoft's checklist for the client credentials grant: a new token, the application permissions it carries, the
 * sender mailbox as Graph and Exchange see it, and on request a test email to the admin. An authorization code
 * credential has one of its own (test-delegated.ts).
 */
const testClientCredentials = async (
  credential: StoredCredential,
  draft: FormDraft | undefined,
  deps: DiagnosisDeps,
  options: { sendTestEmail?: boolean },
): Promise<DiagnosisOutcome> => {
  const steps: DiagnosisStep[] = [];
  const { step: token, token: got } = await tokenStep(
    credential,
    draft === undefined ? credentialTokenDeps(deps) : { ...credentialTokenDeps(deps), credentials: draft.secrets },
  );
  steps.push(token);

  let permissions: ReturnType<typeof permissionsStep> | undefined;
  if (got === undefined) {
    steps.push(skipped('permissions', NO_TOKEN), skipped('mailbox', NO_TOKEN));
    if (options.sendTestEmail === true) steps.push(skipped('test-email', 'Not sent: there is no token to send with.'));
  } else {
    await deps.keepToken(got.credential, got.token);
    permissions = permissionsStep(got.token.accessToken);
    steps.push(permissions.step);
    // Graph refuses a token without roles outright (401 NoPermissionsInAccessToken): nothing more to learn.
    const noPermissions = permissions.step.code === PermissionsCode.NoConsent;
    const graph = {
      fetch: deps.fetch,
      graphBaseUrl: got.credential.graphBaseUrl,
      ...(deps.env === undefined ? {} : { env: deps.env }),
    };
    const mailbox = noPermissions
      ? skipped('mailbox', NO_PERMISSIONS)
      : await mailboxStep(got.credential.senderMailbox, got.token.accessToken, graph, permissions.granted);
    steps.push(mailbox);
    if (options.sendTestEmail === true) {
      if (noPermissions) {
        steps.push(skipped('test-email', 'Not sent: the token carries no application permissions.'));
      } else if (permissions.granted !== undefined && !permissions.granted.has('Mail.Send')) {
        steps.push(skipped('test-email', 'Not sent: the token lacks the Mail.Send permission.'));
      } else if (mailbox.status === 'failed') {
        steps.push(skipped('test-email', 'Not sent: the sender mailbox check failed.'));
      } else {
        steps.push(await testEmailIfJira(got.credential, got.token.accessToken, deps));
      }
    }
  }
  return {
    steps,
    sender: got?.credential.senderMailbox ?? credential.senderMailbox,
    ...(permissions?.permissions === undefined ? {} : { permissions: permissions.permissions }),
  };
};

/** Test connection of a Microsoft 365 credential; the edit form's values are Microsoft's fields. */
export const microsoftDiagnosis: ConnectionDiagnosis = {
  testsFormValues: true,
  diagnose: async (credential, draft, deps, options) => {
    if (!isDelegated(credential)) return testClientCredentials(credential, draft, deps, options);
    const tested = await testDelegated(credential, draft, deps, options);
    return { steps: tested.steps, sender: sendingMailbox(credential), authorizeAgain: tested.authorizeAgain };
  },
};

import type { DiagnosisStep } from '../../../contract/credential-health';
import { NO_PRIVATE_KEY_MESSAGE, NO_SECRET_MESSAGE } from '../../../credentials/credential-guidance';
import { step } from '../../../credentials/diagnosis/step';
import { PrivateKeyMissingError, SecretMissingError } from '../../../credentials/errors';
import type { StoredCredential } from '../../../credentials/stored-credential';
import { tokenErrorGuidance } from '../../../oauth/aadsts-guidance';
import { authorizationErrorGuidance, needsAuthorizeAgain } from '../../../oauth/authorization-guidance';
import { missingDelegatedScopes } from '../../../oauth/authorization-request';
import { AuthorizationError, TokenError } from '../../../oauth/errors';
import { readTokenScopes } from '../../../oauth/token-claims';
import type { TokenProvider } from '../../../oauth/token-provider';
import { GraphError } from '../graph/errors';
import { graphErrorGuidance } from '../graph/graph-guidance';
import { type GraphReadDeps, readSignedInUser } from '../graph/mailbox-reader';

export const DelegatedCode = {
  ScopesUnreadable: 'SCOPES_UNREADABLE',
  MailSendMissing: 'SCOPE_MAIL_SEND_MISSING',
  SomeMissing: 'SCOPES_MISSING',
} as const;

export interface DelegatedTokenStepResult {
  step: DiagnosisStep;
  accessToken?: string;
  /** The grant is gone (or was never made): only a new sign-in helps. */
  authorizeAgain: boolean;
}

/** "Save the credential, then choose Authorize": said when unsaved values of a credential nobody signed in to are tested. */
export const SAVE_AND_AUTHORIZE =
  'No mailbox is connected to this credential yet, so there is nothing to test. Save the credential, then choose ' +
  'Authorize and sign in with the mailbox Issue Mailer should send as.';

/**
 * A refresh of the signed-in mailbox's grant, never a cached token (Microsoft's verdict on the grant is the point):
 * a refused grant says why in the admin's words and asks for "Authorize again"; a refused app secret or key is
 * the same problem as for client credentials.
 */
export const delegatedTokenStep = async (
  credential: StoredCredential,
  provider: TokenProvider,
  context: { now: number; form: boolean },
): Promise<DelegatedTokenStepResult> => {
  const failed = (message: string, code: string, authorizeAgain = false): DelegatedTokenStepResult => ({
    step: step('token', 'failed', message, code),
    authorizeAgain,
  });
  try {
    const accessToken = await provider.getAccessToken({ forceRefresh: true });
    const how =
      credential.clientAuthMethod === 'certificate'
        ? `signed with the certificate (thumbprint ${credential.certificate?.thumbprint ?? 'unknown'})`
        : 'with the client secret';
    const who = credential.authorization?.mailbox ?? credential.senderMailbox;
    return {
      step: step('token', 'passed', `Renewed the sign-in of ${who} for ${credential.clientId}, ${how}.`),
      accessToken,
      authorizeAgain: false,
    };
  } catch (error) {
    if (error instanceof AuthorizationError) {
      const unsavedAndNew = context.form && credential.authorization === undefined;
      return failed(
        unsavedAndNew ? SAVE_AND_AUTHORIZE : authorizationErrorGuidance(error),
        error.code,
        needsAuthorizeAgain(error.code),
      );
    }
    if (error instanceof TokenError) {
      return failed(
        tokenErrorGuidance(error, { secretExpiresOn: credential.secretExpiresOn, now: context.now }),
        error.code,
      );
    }
    if (error instanceof SecretMissingError) return failed(NO_SECRET_MESSAGE, error.code);
    if (error instanceof PrivateKeyMissingError) return failed(NO_PRIVATE_KEY_MESSAGE, error.code);
    throw error;
  }
};

const API_PERMISSIONS = 'Microsoft Entra admin center > App registrations > your app > API permissions';

/**
 * The delegated permissions the refreshed token carries (its `scp` claim), against the ones a connected mailbox
 * needs: without Mail.Send nothing goes out; without Mail.ReadWrite big messages (drafts and upload sessions) fail.
 */
export const delegatedPermissionsStep = (accessToken: string): { step: DiagnosisStep; mailSend: boolean } => {
  const read = readTokenScopes(accessToken);
  if (!read.readable) {
    return {
      mailSend: true,
      step: step(
        'permissions',
        'warning',
        "The token's delegated permissions cannot be read here; a test email shows whether they are enough.",
        DelegatedCode.ScopesUnreadable,
      ),
    };
  }
  const missing = missingDelegatedScopes(read.scopes);
  if (missing.length === 0) {
    return {
      mailSend: true,
      step: step(
        'permissions',
        'passed',
        'The token carries the delegated permissions Mail.Send, Mail.ReadWrite and User.Read.',
      ),
    };
  }
  const fix =
    `In ${API_PERMISSIONS}, add ${missing.join(', ')} as Microsoft Graph delegated permissions, grant consent, ` +
    'then choose Authorize again.';
  const mailSend = !missing.includes('Mail.Send');
  return {
    mailSend,
    step: mailSend
      ? step('permissions', 'warning', `The token lacks ${missing.join(', ')}. ${fix}`, DelegatedCode.SomeMissing)
      : step(
          'permissions',
          'failed',
          `The token lacks ${missing.join(', ')}, so no mail can go out. ${fix}`,
          DelegatedCode.MailSendMissing,
        ),
  };
};

/** `GET /me`: which mailbox the grant belongs to, the one every email of this credential is sent from. */
export const signedInMailboxStep = async (accessToken: string, deps: GraphReadDeps): Promise<DiagnosisStep> => {
  try {
    const user = await readSignedInUser(accessToken, deps);
    const mailbox = user.mail ?? user.userPrincipalName ?? user.id;
    const label = user.displayName ? `${mailbox} (${user.displayName})` : mailbox;
    return step('mailbox', 'passed', `Signed in as ${label}: mail goes out from this mailbox.`);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    return step('mailbox', 'failed', graphErrorGuidance(error, { operation: 'read-user', mailbox: 'me' }), error.code);
  }
};

import { type AuthorizationError, AuthorizationErrorCode } from './errors';

const AUTHORIZE_AGAIN =
  'Open the credential and choose Authorize again, then sign in with the mailbox Issue Mailer should send as.';
const REGISTRATION = 'Microsoft Entra admin center > App registrations > your app';

/**
 * What to tell a Jira admin about a failed sign-in or refresh, in aadsts-guidance.ts's manner: built from the code
 * and the AADSTS number only, never Microsoft's description. `{code}` becomes " (AADSTSnnnn)" when Microsoft gave
 * one. The reasons are Microsoft's (https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes,
 * https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens).
 */
const GUIDANCE: Readonly<Record<AuthorizationErrorCode, string>> = {
  [AuthorizationErrorCode.StateUnknown]:
    'This sign-in does not match one started from Issue Mailer, or it was finished already. Start again with Authorize on the credential.',
  [AuthorizationErrorCode.StateExpired]:
    'The sign-in took longer than 10 minutes. Start again with Authorize on the credential and finish within 10 minutes.',
  [AuthorizationErrorCode.StateOtherAdmin]:
    'Another Jira admin started this sign-in. Start your own with Authorize on the credential.',
  [AuthorizationErrorCode.AuthorizeEndpointInvalid]:
    "Use the OAuth 2.0 authorization endpoint (v2) from the app registration's Overview > Endpoints: it ends in " +
    '/oauth2/v2.0/authorize and names the same tenant as the token endpoint.',
  [AuthorizationErrorCode.CodeRedeemed]: `Microsoft says this sign-in was already used{code}. ${AUTHORIZE_AGAIN}`,
  [AuthorizationErrorCode.CodeExpired]: `The sign-in expired before Issue Mailer could finish it{code}. ${AUTHORIZE_AGAIN}`,
  [AuthorizationErrorCode.CodeInvalid]:
    `Microsoft refused to finish the sign-in{code}. Check that the redirect URI registered under ${REGISTRATION} > ` +
    `Authentication (platform Web) is exactly the one shown on the credential, and that the client ID is this app's. ${AUTHORIZE_AGAIN}`,
  [AuthorizationErrorCode.GrantRevoked]:
    "Microsoft revoked the mailbox's sign-in{code}: its sessions were revoked, or an admin reset its password. " +
    AUTHORIZE_AGAIN,
  [AuthorizationErrorCode.GrantExpiredInactive]: `The mailbox's sign-in expired after 90 days without use{code}. ${AUTHORIZE_AGAIN}`,
  [AuthorizationErrorCode.GrantSpaLifetime]:
    `The redirect URI is registered as a single-page application, whose sign-ins last 24 hours{code}. Under ${REGISTRATION} > ` +
    `Authentication, register it under the Web platform instead. ${AUTHORIZE_AGAIN}`,
  [AuthorizationErrorCode.SignInFrequency]:
    `A Conditional Access sign-in frequency policy ended the mailbox's sign-in{code}. ${AUTHORIZE_AGAIN} To keep it ` +
    'from recurring, ask your Entra admin to exempt this mailbox or app from that policy.',
  [AuthorizationErrorCode.GrantInvalid]: `Microsoft no longer accepts the mailbox's sign-in{code}. ${AUTHORIZE_AGAIN}`,
  [AuthorizationErrorCode.InteractionRequired]: `Microsoft requires the mailbox's user to sign in again, for example for multifactor authentication{code}. ${AUTHORIZE_AGAIN}`,
  [AuthorizationErrorCode.ConsentRequired]:
    'Consent to the permissions Mail.Send, Mail.ReadWrite, User.Read and offline_access is missing{code}. Grant ' +
    `admin consent under ${REGISTRATION} > API permissions, then ${AUTHORIZE_AGAIN.charAt(0).toLowerCase()}${AUTHORIZE_AGAIN.slice(1)}`,
  [AuthorizationErrorCode.NotAuthorized]: `No mailbox is connected to this credential yet. ${AUTHORIZE_AGAIN}`,
};

/** Whether the fix is a new sign-in: the admin page then offers "Authorize again". */
export const needsAuthorizeAgain = (code: AuthorizationErrorCode): boolean =>
  code !== AuthorizationErrorCode.AuthorizeEndpointInvalid;

export const authorizationErrorGuidance = (error: AuthorizationError): string =>
  GUIDANCE[error.code].replace('{code}', error.aadstsCode === undefined ? '' : ` (AADSTS${error.aadstsCode})`);

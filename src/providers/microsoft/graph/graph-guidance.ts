import { type GraphError, GraphErrorCode, type GraphFailureReason } from './errors';

/** What the failed call was doing, so the guidance names the right permission and page. */
export type GraphOperation = 'read-user' | 'read-mailbox' | 'send-mail';

export interface GraphGuidanceContext {
  operation: GraphOperation;
  /** The sender mailbox: configuration the admin typed, safe to repeat to them. */
  mailbox: string;
}

const API_PERMISSIONS = 'Microsoft Entra admin center > App registrations > your app > API permissions';
const CONSENT = `In ${API_PERMISSIONS}, add it as a Microsoft Graph application permission (not delegated), then select "Grant admin consent".`;
const PERMISSION_FOR: Readonly<Record<GraphOperation, string>> = {
  'read-user': 'User.Read.All',
  'read-mailbox': 'Mail.ReadWrite',
  'send-mail': 'Mail.Send',
};

type Guidance = (context: GraphGuidanceContext) => string;

const TOO_LARGE = 'The request is larger than Microsoft Graph accepts (4 MB).';

/** One text per Graph answer: what it means for this app and what to click to fix it. */
const BY_REASON: Readonly<Record<GraphFailureReason, Guidance>> = {
  'token-expired': () =>
    'Microsoft Graph refused the access token as expired (InvalidAuthenticationToken). Test the connection again: ' +
    'Issue Mailer then fetches a new token.',
  'token-invalid': () =>
    'Microsoft Graph did not accept the access token (InvalidAuthenticationToken). Check that the Graph API base URL ' +
    'and the scope belong to the same Microsoft cloud as the token endpoint.',
  'no-permissions-in-token': () =>
    'Microsoft Graph found no application permissions in the token (NoPermissionsInAccessToken): admin consent is ' +
    `missing. In ${API_PERMISSIONS}, add the Microsoft Graph application permissions User.Read.All, Mail.ReadWrite ` +
    'and Mail.Send, then select "Grant admin consent".',
  unauthorized: () =>
    'Microsoft Graph answered 401 Unauthorized. Test the connection again; if it keeps happening, check the scope and ' +
    'the Graph API base URL.',
  'app-access-policy': ({ mailbox }) =>
    `An Exchange Online application access policy or RBAC for Applications keeps this app away from ${mailbox} ` +
    '("Access to OData is disabled"). An Exchange admin can add the mailbox to the security group the policy names ' +
    "(check with Test-ApplicationAccessPolicy) or widen the management scope of the app's role assignment (check " +
    'with Test-ServicePrincipalAuthorization).',
  'access-denied': ({ operation, mailbox }) =>
    `Microsoft Graph denied access to ${mailbox} (ErrorAccessDenied): the app lacks the ` +
    `${PERMISSION_FOR[operation]} application permission or its admin consent. ${CONSENT}`,
  'directory-access-denied': () =>
    'Microsoft Graph refused to read the directory (Authorization_RequestDenied): the app lacks the User.Read.All ' +
    `application permission or its admin consent. ${CONSENT}`,
  forbidden: ({ operation }) =>
    `Microsoft Graph answered 403 Forbidden. Check that the app has the ${PERMISSION_FOR[operation]} application ` +
    `permission with admin consent. ${CONSENT}`,
  'invalid-user': ({ mailbox }) =>
    `Exchange Online has no mailbox ${mailbox} (ErrorInvalidUser). Check the sender mailbox: it must be a user or ` +
    'shared mailbox of your tenant.',
  'directory-object-not-found': ({ mailbox }) =>
    `Microsoft Entra has no user ${mailbox} in this tenant (Request_ResourceNotFound). Check the spelling of the ` +
    "sender mailbox, or use the mailbox's user principal name.",
  'mailbox-not-enabled': ({ mailbox }) =>
    `${mailbox} exists, but Microsoft Graph cannot use its mailbox (MailboxNotEnabledForRESTAPI): it is inactive, ` +
    'soft-deleted or on-premises, or has no Exchange Online licence. Assign an Exchange Online licence in the ' +
    'Microsoft 365 admin center, or choose a cloud mailbox.',
  'not-found': ({ mailbox }) =>
    `Microsoft Graph answered 404 Not Found for ${mailbox}. Check the sender mailbox and the Graph API base URL.`,
  'invalid-recipients': () =>
    'Exchange Online could not resolve at least one recipient (ErrorInvalidRecipients). Check the addresses.',
  'no-recipients': () =>
    'Exchange Online refused a message without recipients (ErrorInvalidRecipients). Add a recipient.',
  'invalid-header': () =>
    'Exchange Online refused a custom message header (InvalidInternetMessageHeader): header names must start with x-.',
  'invalid-mime': () =>
    'Microsoft Graph refused the message content as invalid base64 MIME (ErrorMimeContentInvalidBase64String).',
  'too-large': () => TOO_LARGE,
  'inefficient-filter': () => 'Microsoft Graph refused the query as too complex (InefficientFilter).',
  'bad-request': () => 'Microsoft Graph refused the request as malformed (400 Bad Request).',
  throttled: ({ mailbox }) =>
    `Microsoft Graph is limiting how fast this app may use ${mailbox} (429 Too Many Requests). Wait a minute and test again.`,
  unavailable: () => 'Microsoft Graph is unavailable right now (server error). Try again in a few minutes.',
  other: () => 'Microsoft Graph refused the request. Try again; if it keeps happening, contact Issue Mailer support.',
};

const BY_CODE: Partial<Readonly<Record<GraphErrorCode, string>>> = {
  [GraphErrorCode.Unreachable]:
    'Could not reach Microsoft Graph. Check the Graph API base URL, then try again in a few minutes.',
  [GraphErrorCode.Timeout]: 'Microsoft Graph did not answer in time. Try again in a few minutes.',
  [GraphErrorCode.ResponseInvalid]:
    'Microsoft Graph answered in an unexpected way. Check that the Graph API base URL is Microsoft Graph, for ' +
    'example https://graph.microsoft.com/v1.0.',
  [GraphErrorCode.EndpointNotAllowed]:
    "Issue Mailer calls only Microsoft Graph's hosts (graph.microsoft.com, or your national cloud's). Check the Graph API base URL.",
  [GraphErrorCode.RequestTooLarge]: TOO_LARGE,
};

/**
 * What to tell a Jira admin about a failed Graph call. Built from Graph's code and fixed texts only, never from
 * Graph's own message (it can quote addresses and ids); the mailbox named is the one the admin configured.
 */
export const graphErrorGuidance = (error: GraphError, context: GraphGuidanceContext): string =>
  error.reason === undefined ? (BY_CODE[error.code] ?? BY_REASON.other(context)) : BY_REASON[error.reason](context);

import { graphErrorFromResponse } from '../../../../../src/providers/microsoft/graph/error-response';
import { GraphError, GraphErrorCode } from '../../../../../src/providers/microsoft/graph/errors';
import { graphErrorGuidance, type GraphOperation } from '../../../../../src/providers/microsoft/graph/graph-guidance';
import { graphFixtures } from '../../../support/fixtures';

const MAILBOX = 'support@contoso.com';
const errorFixtures = graphFixtures.filter(([name]) => name !== 'sendMail_accepted');

const errorOf = (status: number, body: unknown, headers?: Record<string, string>) =>
  graphErrorFromResponse({
    where: 'GET graph.microsoft.com/v1.0/users/x',
    status,
    headers: new Headers(headers),
    text: JSON.stringify(body),
  });

/** A phrase of each fixture's guidance that says what it means and what to do. */
const expected: Record<string, { reason: string; phrases: string[] }> = {
  expired_token: {
    reason: 'token-expired',
    phrases: ['refused the access token as expired', 'Test the connection again'],
  },
  no_permissions_in_token: {
    reason: 'no-permissions-in-token',
    phrases: ['NoPermissionsInAccessToken', 'Grant admin consent'],
  },
  mail_access_denied: {
    reason: 'access-denied',
    phrases: ['ErrorAccessDenied', 'Mail.ReadWrite application permission', 'Grant admin consent'],
  },
  app_access_policy_denied: {
    reason: 'app-access-policy',
    phrases: ['application access policy or RBAC for Applications', 'Test-ApplicationAccessPolicy', MAILBOX],
  },
  directory_access_denied: {
    reason: 'directory-access-denied',
    phrases: ['Authorization_RequestDenied', 'User.Read.All'],
  },
  invalid_user: {
    reason: 'invalid-user',
    phrases: ['Exchange Online has no mailbox support@contoso.com', 'ErrorInvalidUser'],
  },
  user_not_found_directory: {
    reason: 'directory-object-not-found',
    phrases: ['Microsoft Entra has no user support@contoso.com', 'Request_ResourceNotFound'],
  },
  mailbox_not_enabled: {
    reason: 'mailbox-not-enabled',
    phrases: ['MailboxNotEnabledForRESTAPI', 'Exchange Online licence'],
  },
  invalid_recipients: { reason: 'invalid-recipients', phrases: ['could not resolve at least one recipient'] },
  no_recipients: { reason: 'no-recipients', phrases: ['without recipients'] },
  invalid_header_name: { reason: 'invalid-header', phrases: ['InvalidInternetMessageHeader', 'x-'] },
  mime_bad_base64: { reason: 'invalid-mime', phrases: ['ErrorMimeContentInvalidBase64String'] },
  request_too_large: { reason: 'too-large', phrases: ['4 MB'] },
  inefficient_filter: { reason: 'inefficient-filter', phrases: ['InefficientFilter'] },
  throttled_concurrency: { reason: 'throttled', phrases: ['429 Too Many Requests', 'Wait a minute'] },
};

describe('Graph error guidance', () => {
  it('has guidance expectations for every Graph error fixture', () => {
    expect(errorFixtures.map(([name]) => name).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(errorFixtures)('%s gets guidance of its own that names the fix', (name, entry) => {
    const error = errorOf(entry.status, entry.body, entry.headers);
    const guidance = graphErrorGuidance(error, { operation: 'read-mailbox', mailbox: MAILBOX });
    expect(error.reason).toBe(expected[name]?.reason);
    for (const phrase of expected[name]?.phrases ?? []) expect(guidance).toContain(phrase);
    // Graph's own words (which can quote ids and addresses) are never repeated.
    const graphMessage = (entry.body as { error: { message: string } }).error.message;
    expect(guidance).not.toContain(graphMessage);
  });

  it('gives each fixture a different text', () => {
    const texts = errorFixtures.map(([, entry]) =>
      graphErrorGuidance(errorOf(entry.status, entry.body), { operation: 'send-mail', mailbox: MAILBOX }),
    );
    expect(new Set(texts).size).toBe(errorFixtures.length);
  });

  it('recognises the AppOnly AccessPolicy text of RBAC for Applications and application access policies', () => {
    const error = errorOf(403, {
      error: {
        code: 'ErrorAccessDenied',
        message: 'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
      },
    });
    expect(error).toMatchObject({ code: 'GRAPH_APP_ACCESS_POLICY_DENIED', reason: 'app-access-policy' });
  });

  it.each([
    ['read-user', 'User.Read.All'],
    ['read-mailbox', 'Mail.ReadWrite'],
    ['send-mail', 'Mail.Send'],
  ] as const)(
    'names the permission the %s operation needs when access is denied',
    (operation: GraphOperation, permission) => {
      const error = errorOf(403, {
        error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' },
      });
      expect(graphErrorGuidance(error, { operation, mailbox: MAILBOX })).toContain(
        `lacks the ${permission} application permission`,
      );
    },
  );

  it.each([
    [GraphErrorCode.Unreachable, 'Could not reach Microsoft Graph.'],
    [GraphErrorCode.Timeout, 'Microsoft Graph did not answer in time.'],
    [GraphErrorCode.ResponseInvalid, 'Microsoft Graph answered in an unexpected way.'],
    [GraphErrorCode.EndpointNotAllowed, "Issue Mailer calls only Microsoft Graph's hosts"],
  ])('explains the transport failure %s', (code, start) => {
    expect(graphErrorGuidance(new GraphError(code, 'x'), { operation: 'read-user', mailbox: MAILBOX })).toMatch(
      new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });
});

import { authorizationErrorGuidance, needsAuthorizeAgain } from '../../../src/oauth/authorization-guidance';
import { AuthorizationError, AuthorizationErrorCode } from '../../../src/oauth/errors';

const AGAIN =
  'Open the credential and choose Authorize again, then sign in with the mailbox Issue Mailer should send as.';

describe('authorizationErrorGuidance', () => {
  it.each<[AuthorizationErrorCode, number | undefined, string]>([
    [
      'OAUTH_GRANT_REVOKED',
      50173,
      `Microsoft revoked the mailbox's sign-in (AADSTS50173): its sessions were revoked, or an admin reset its password. ${AGAIN}`,
    ],
    [
      'OAUTH_GRANT_EXPIRED_INACTIVE',
      700082,
      `The mailbox's sign-in expired after 90 days without use (AADSTS700082). ${AGAIN}`,
    ],
    ['OAUTH_CODE_REDEEMED', 54005, `Microsoft says this sign-in was already used (AADSTS54005). ${AGAIN}`],
    ['OAUTH_GRANT_INVALID', undefined, `Microsoft no longer accepts the mailbox's sign-in. ${AGAIN}`],
    [
      'OAUTH_CONSENT_REQUIRED',
      65001,
      'Consent to the permissions Mail.Send, Mail.ReadWrite, User.Read and offline_access is missing (AADSTS65001). ' +
        'Grant admin consent under Microsoft Entra admin center > App registrations > your app > API permissions, then ' +
        'open the credential and choose Authorize again, then sign in with the mailbox Issue Mailer should send as.',
    ],
  ])('%s with %s', (code, aadstsCode, text) => {
    const error = new AuthorizationError(code, 'm', aadstsCode === undefined ? {} : { aadstsCode });
    expect(authorizationErrorGuidance(error)).toBe(text);
  });

  it('has words for every code, and every grant failure offers Authorize again', () => {
    for (const code of Object.values(AuthorizationErrorCode)) {
      const text = authorizationErrorGuidance(new AuthorizationError(code, 'm'));
      expect(text).not.toContain('{code}');
      if (code.startsWith('OAUTH_GRANT') || code.startsWith('OAUTH_CODE')) {
        expect(needsAuthorizeAgain(code)).toBe(true);
        expect(text).toContain('Authorize again');
      }
    }
    expect(needsAuthorizeAgain('OAUTH_AUTHORIZE_ENDPOINT_INVALID')).toBe(false);
  });
});

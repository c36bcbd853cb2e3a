import type { SenderRemedy } from '../contract/email-log';
import { CredentialErrorCode } from '../credentials/errors';
import { GoogleKeyErrorCode, GoogleTokenErrorCode } from '../google/errors';
import { GmailErrorCode } from '../google/gmail/gmail-errors';
import { GraphErrorCode } from '../graph/errors';
import { TokenErrorCode } from '../oauth/errors';

/**
 * Failures that pressing "Send" again cannot fix: Microsoft 365 or Google refuses the app or the mailbox (Google:
 * domain-wide delegation, the user, the service account or its key, Gmail's 401/403), or the app's connection is
 * incomplete. Only an admin can change that; everything else (throttling, outages, a wrong address,
 * a message too large, an unknown outcome) leaves the sender something to try.
 */
const NEEDS_ADMIN: ReadonlySet<string> = new Set<string>([
  GraphErrorCode.Unauthorized,
  GraphErrorCode.AccessDenied,
  GraphErrorCode.AppAccessPolicyDenied,
  GraphErrorCode.MailboxNotFound,
  GraphErrorCode.MailboxNotEnabled,
  GraphErrorCode.EndpointNotAllowed,
  TokenErrorCode.InvalidClientSecret,
  TokenErrorCode.ClientSecretExpired,
  TokenErrorCode.AppNotFound,
  TokenErrorCode.TenantNotFound,
  TokenErrorCode.InvalidScope,
  TokenErrorCode.NoClientCredential,
  TokenErrorCode.InvalidClientAssertion,
  TokenErrorCode.ClientAssertionFailed,
  TokenErrorCode.Rejected,
  TokenErrorCode.ResponseInvalid,
  GmailErrorCode.Forbidden,
  GmailErrorCode.Unauthorized,
  GmailErrorCode.EndpointNotAllowed,
  GoogleTokenErrorCode.DelegationMissing,
  GoogleTokenErrorCode.ScopeNotAllowed,
  GoogleTokenErrorCode.UserUnknown,
  GoogleTokenErrorCode.KeyInvalid,
  GoogleTokenErrorCode.ServiceAccountNotFound,
  GoogleTokenErrorCode.ClockSkew,
  GoogleTokenErrorCode.InvalidScope,
  GoogleTokenErrorCode.ClientDisabled,
  GoogleTokenErrorCode.ClientDeleted,
  GoogleTokenErrorCode.InvalidClient,
  GoogleTokenErrorCode.AdminPolicyEnforced,
  GoogleTokenErrorCode.OrgInternal,
  GoogleTokenErrorCode.Rejected,
  GoogleTokenErrorCode.AssertionFailed,
  GoogleTokenErrorCode.ResponseInvalid,
  GoogleTokenErrorCode.EndpointNotAllowed,
  ...Object.values(GoogleKeyErrorCode),
  // No credential, or one without its secret or key.
  CredentialErrorCode.NotConfigured,
  CredentialErrorCode.SecretMissing,
  CredentialErrorCode.PrivateKeyMissing,
  CredentialErrorCode.NotFound,
]);

export const senderRemedyOf = (code: string): SenderRemedy => (NEEDS_ADMIN.has(code) ? 'ask-admin' : 'send-again');

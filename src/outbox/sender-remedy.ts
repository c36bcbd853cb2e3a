import type { SenderRemedy } from '../contract/email-log';
import { CredentialErrorCode } from '../credentials/errors';
import { GraphErrorCode } from '../graph/errors';
import { TokenErrorCode } from '../oauth/errors';

/**
 * Failures that pressing "Send" again cannot fix: Microsoft 365 refuses the app or the mailbox, or the app's
 * connection is incomplete. Only an admin can change that; everything else (throttling, outages, a wrong address,
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
  // No credential, or one without its secret or key.
  CredentialErrorCode.NotConfigured,
  CredentialErrorCode.SecretMissing,
  CredentialErrorCode.PrivateKeyMissing,
  CredentialErrorCode.NotFound,
]);

export const senderRemedyOf = (code: string): SenderRemedy => (NEEDS_ADMIN.has(code) ? 'ask-admin' : 'send-again');

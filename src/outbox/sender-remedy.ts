import type { SenderRemedy } from '../contract/email-log';
import { CredentialErrorCode } from '../credentials/errors';
import { TokenErrorCode } from '../oauth/errors';

/**
 * Failures that pressing "Send" again cannot fix: Microsoft's sign-in refuses the app, or the app's connection is
 * incomplete; the mail services' own such codes come from their providers (`serviceCodes`, filled by the
 * composition from providers/failure.ts). Only an admin can change that; everything else (throttling, outages, a
 * wrong address, a message too large, an unknown outcome) leaves the sender something to try.
 */
const NEEDS_ADMIN: readonly string[] = [
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
];

/** What the sender is told to do about a stored failure's code. */
export type SenderRemedyOf = (code: string) => SenderRemedy;

/** The remedies, with the mail services' codes that need an admin (their providers know them). */
export const senderRemedies = (serviceCodes: Iterable<string>): SenderRemedyOf => {
  const needsAdmin: ReadonlySet<string> = new Set([...NEEDS_ADMIN, ...serviceCodes]);
  return (code) => (needsAdmin.has(code) ? 'ask-admin' : 'send-again');
};

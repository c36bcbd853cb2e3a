import { GoogleKeyErrorCode, GoogleTokenErrorCode } from './errors';
import { GmailErrorCode } from './gmail/gmail-errors';

/**
 * Google's failures that pressing "Send" again cannot fix: domain-wide delegation, the user, the service account or
 * its key, Gmail's 401/403, or an address that is not Google's. Only an admin can change that
 * (outbox/sender-remedy.ts); throttling, outages and the daily limit leave the sender something to try.
 */
export const GOOGLE_CODES_NEEDING_ADMIN: readonly string[] = [
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
];

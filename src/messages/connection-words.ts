import { NO_PRIVATE_KEY_MESSAGE, NO_SECRET_MESSAGE } from '../credentials/credential-guidance';
import { CredentialErrorCode } from '../credentials/errors';
import { tokenErrorGuidance } from '../oauth/aadsts-guidance';
import { type TokenError, TokenErrorCode } from '../oauth/errors';
import { MICROSOFT_SIGN_IN_REFUSED, TELL_ADMIN } from '../providers/words';
import { type ErrorWords, VALIDATION_WORDS } from './words';

export { MAY_HAVE_GONE, TELL_ADMIN } from '../providers/words';

/**
 * The app's connection to Microsoft 365: the token endpoint and the stored credential (the mail service's own words
 * are the provider's: providers/words.ts). An admin's words name the portal page or the AADSTS guidance that fixes
 * it; an agent's never name an AADSTS code, a permission or a credential: they say what happened and that their
 * admin can fix it (the email log keeps the admin's version, with those).
 */

const SIGN_IN_REFUSED = MICROSOFT_SIGN_IN_REFUSED;
const SIGN_IN_UNREACHABLE = "Issue Mailer could not reach Microsoft 365's sign-in service. Try again in a few minutes.";
/** The app's connection to Microsoft 365 lacks a secret or key an admin must paste again. */
const CONNECTION_INCOMPLETE = `Issue Mailer's connection to Microsoft 365 is not complete. ${TELL_ADMIN}`;

export const CREDENTIAL_IN_USE_MESSAGE =
  'Email this issue sends through this credential as the default. Make another credential the default first.';
export const CREDENTIAL_READ_BY_HANDLERS_MESSAGE =
  'Mail handlers read their mailbox through this credential. Choose another credential for them, or delete them, first.';

/** An admin's words depend on the AADSTS number (aadsts-guidance.ts); an agent's only on whether waiting helps. */
const refused: ErrorWords<TokenError> = { admin: (error) => tokenErrorGuidance(error), user: SIGN_IN_REFUSED };
const unreachable: ErrorWords<TokenError> = { admin: (error) => tokenErrorGuidance(error), user: SIGN_IN_UNREACHABLE };

/** A token request's failures. Their own table: their ENDPOINT_NOT_ALLOWED is the sign-in host's, not the mail service's. */
export const TOKEN_WORDS: Readonly<Record<TokenErrorCode, ErrorWords<TokenError>>> = {
  [TokenErrorCode.InvalidClientSecret]: refused,
  [TokenErrorCode.ClientSecretExpired]: refused,
  [TokenErrorCode.AppNotFound]: refused,
  [TokenErrorCode.TenantNotFound]: refused,
  [TokenErrorCode.InvalidScope]: refused,
  [TokenErrorCode.NoClientCredential]: refused,
  [TokenErrorCode.InvalidClientAssertion]: refused,
  [TokenErrorCode.ClientAssertionFailed]: refused,
  [TokenErrorCode.Rejected]: refused,
  [TokenErrorCode.EndpointUnreachable]: unreachable,
  [TokenErrorCode.EndpointTimeout]: unreachable,
  [TokenErrorCode.EndpointError]: unreachable,
  [TokenErrorCode.ResponseInvalid]: refused,
  [TokenErrorCode.EndpointNotAllowed]: refused,
};

export const CREDENTIAL_WORDS: Readonly<Record<CredentialErrorCode, ErrorWords>> = {
  [CredentialErrorCode.NotFound]: { admin: 'That credential no longer exists. Reload the page.' },
  [CredentialErrorCode.NotConfigured]: {
    admin: 'Add a Microsoft 365 credential first.',
    user: 'Issue Mailer is not set up yet. Ask your Jira admin to add a Microsoft 365 credential on the Issue Mailer admin page.',
  },
  [CredentialErrorCode.SecretMissing]: { admin: NO_SECRET_MESSAGE, user: CONNECTION_INCOMPLETE },
  [CredentialErrorCode.PrivateKeyMissing]: { admin: NO_PRIVATE_KEY_MESSAGE, user: CONNECTION_INCOMPLETE },
  [CredentialErrorCode.InUse]: { admin: CREDENTIAL_IN_USE_MESSAGE },
  [CredentialErrorCode.ReadByHandlers]: { admin: CREDENTIAL_READ_BY_HANDLERS_MESSAGE },
  [CredentialErrorCode.Invalid]: VALIDATION_WORDS,
  [CredentialErrorCode.SecretRequired]: VALIDATION_WORDS,
};

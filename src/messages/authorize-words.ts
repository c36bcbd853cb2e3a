import { type AuthorizeError, AuthorizeErrorCode } from '../credentials/authorization/errors';
import { authorizationErrorGuidance } from '../oauth/authorization-guidance';
import type { AuthorizationError } from '../oauth/errors';
import { TELL_ADMIN } from './connection-words';
import type { ErrorWords } from './words';

const START_AGAIN = 'Start again with Authorize on the credential in Issue Mailer.';

/**
 * Authorize and its web trigger page. Microsoft's own error description is never repeated: its `error` value
 * (checked to be a plain OAuth code) and AADSTS number are, for the admin to look up.
 */
export const AUTHORIZE_WORDS: Readonly<Record<AuthorizeErrorCode, ErrorWords<AuthorizeError>>> = {
  [AuthorizeErrorCode.SignInCancelled]: {
    admin: `The sign-in was cancelled, or the permissions were not accepted, so no mailbox was connected. ${START_AGAIN} Sign in with the mailbox Issue Mailer should send as and accept the permissions.`,
  },
  [AuthorizeErrorCode.SignInFailed]: {
    admin: (error) =>
      `Microsoft ended the sign-in with an error${error.oauthError === undefined ? '' : ` (${error.oauthError}${error.aadstsCode === undefined ? '' : `, AADSTS${error.aadstsCode}`})`}, so no mailbox was connected. ${START_AGAIN}`,
  },
  [AuthorizeErrorCode.CallbackInvalid]: {
    admin: `This page was opened without Microsoft's answer to a sign-in, so nothing was connected. ${START_AGAIN}`,
  },
  [AuthorizeErrorCode.NotAuthorizationCode]: {
    admin:
      'This credential does not use the authorization code grant, so no mailbox signs in to it. Choose the grant type "Authorization code" and save the credential first.',
  },
  [AuthorizeErrorCode.CredentialGone]: {
    admin: 'The credential was deleted while you signed in, so nothing was saved. Add it again, then authorize it.',
  },
};

/** The authorization code grant's own refusals: the guidance of src/oauth/authorization-guidance.ts. */
export const AUTHORIZATION_WORDS: ErrorWords<AuthorizationError> = {
  admin: authorizationErrorGuidance,
  user: `Issue Mailer's sign-in to its Microsoft 365 mailbox needs renewing. ${TELL_ADMIN}`,
};

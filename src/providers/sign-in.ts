import type { WhoSignedIn } from '../credentials/authorization/complete-authorization';
import { whoSignedInWithMicrosoft } from './microsoft/authorization/who-signed-in';

/**
 * Who signed in to an authorization code credential. Only Microsoft's credentials sign in that way (Google's is a
 * service account with domain-wide delegation), so Microsoft answers for every one.
 */
export const whoSignedIn: WhoSignedIn = (credential, accessToken, call) =>
  whoSignedInWithMicrosoft(credential, accessToken, call);

import type { WhoSignedIn } from '../../../credentials/authorization/complete-authorization';
import { getSignedInUser } from '../graph/signed-in-user';

/**
 * Graph's `GET /me` with the token the sign-in got: "Calling the /me endpoint requires a signed-in user and therefore a
 * delegated permission" (https://learn.microsoft.com/en-us/graph/api/user-get?view=graph-rest-1.0).
 */
export const whoSignedInWithMicrosoft: WhoSignedIn = (credential, accessToken, call) =>
  getSignedInUser({
    fetch: call.fetch,
    now: call.now,
    graphBaseUrl: credential.graphBaseUrl,
    // The sign-in's own token: a refusal of it is the answer, not a reason to ask for another.
    tokenProvider: { getAccessToken: () => Promise.resolve(accessToken) },
    ...(call.env === undefined ? {} : { env: call.env }),
  });

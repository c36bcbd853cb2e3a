import type { StoredCredential } from './stored-credential';

/*
 * What a Google credential is, its scopes and the facts Google's guidance names, apart from google-token.ts: Test
 * connection and the warnings read them without loading the token client and its signing library.
 */

export { isGoogleCredential } from './credential-provider';

/** The credential's Google scopes, as the JWT asks for them. */
export const googleScopesOf = (credential: StoredCredential): string[] =>
  credential.scope.split(' ').filter((scope) => scope !== '');

/** What Google's guidance names (google/google-guidance.ts's context): what the Admin console must list for it. */
export interface GoogleGuidanceFacts {
  clientId: string;
  clientEmail: string | undefined;
  mailbox: string;
  scopes: readonly string[];
}

/** What Google's guidance names: exactly what the Admin console must list for this credential. */
export const googleGuidanceContext = (credential: StoredCredential): GoogleGuidanceFacts => ({
  clientId: credential.clientId,
  clientEmail: credential.serviceAccount?.clientEmail,
  mailbox: credential.senderMailbox,
  scopes: googleScopesOf(credential),
});

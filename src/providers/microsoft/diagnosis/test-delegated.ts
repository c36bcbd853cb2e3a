import type { DiagnosisStep } from '../../../contract/credential-health';
import type { CredentialTokenDeps } from '../../../credentials/credential-token';
import { type DelegatedTokenDeps, delegatedTokenProvider } from '../../../credentials/delegated-token';
import { skipped } from '../../../credentials/diagnosis/step';
import type { TestEmailDeps } from '../../../credentials/diagnosis/test-email-step';
import type { FormDraft } from '../../../credentials/form-draft';
import type { StoredCredential } from '../../../credentials/stored-credential';
import { SingleFlight } from '../../../oauth/delegated-token-provider';
import type { RefreshTokenStore } from '../../../oauth/refresh-token-store';
import type { TokenCache } from '../../../oauth/token-cache';
import { TokenMemo } from '../../../oauth/token-memo';
import { delegatedPermissionsStep, delegatedTokenStep, signedInMailboxStep } from './delegated-steps';
import { testEmailIfJira } from './test-email';

export type TestDelegatedDeps = Omit<DelegatedTokenDeps, 'credentials' | 'flights'> & {
  credentials: CredentialTokenDeps['credentials'];
  requestJira?: TestEmailDeps['requestJira'];
  logTestEmail?: TestEmailDeps['logTestEmail'];
  sleep?: TestEmailDeps['sleep'];
};

/** A form test leaves no trace: nothing cached, and the grant's successor is not stored (the old one stays valid). */
const NO_CACHE: TokenCache = {
  get: () => Promise.resolve(undefined),
  put: () => Promise.resolve(),
  clear: () => Promise.resolve(),
};

const readOnly = (store: RefreshTokenStore): RefreshTokenStore => ({
  ...store,
  save: () => Promise.reject(new Error('A connection test of unsaved values never stores a sign-in.')),
  rotate: () => Promise.resolve('kept'),
  remove: () => Promise.reject(new Error('A connection test of unsaved values never removes a sign-in.')),
});

/**
 * Test connection of an authorization code credential: a refresh of the signed-in mailbox's grant (its successor
 * stored, as sending would), the delegated permissions in the new token, `GET /me` to say which mailbox mail goes
 * out from, and on request a test email through `/me/sendMail`.
 *
 * Unsaved form values are tested with the saved sign-in: the refresh token belongs to the user and the client
 * ("bound to a combination of user and client": https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens),
 * not to the secret, so an admin who pastes a new secret or certificate learns whether the app still gets tokens
 * for the mailbox without signing in again; a changed client ID is refused by Microsoft as another client's grant,
 * which says "Authorize again", as it should. With no saved sign-in the test says "Save, then Authorize". Microsoft
 * keeps the old refresh token valid after a refresh ("doesn't revoke old refresh tokens", same page), so the form
 * test does not store the successor it got and leaves storage as it found it.
 */
export const testDelegated = async (
  credential: StoredCredential,
  draft: FormDraft | undefined,
  deps: TestDelegatedDeps,
  options: { sendTestEmail?: boolean },
): Promise<{ steps: DiagnosisStep[]; authorizeAgain: boolean }> => {
  const provider = delegatedTokenProvider(
    credential,
    draft === undefined
      ? { ...deps, flights: new SingleFlight() }
      : {
          ...deps,
          credentials: draft.secrets,
          tokenCache: NO_CACHE,
          memo: new TokenMemo(),
          refreshTokens: readOnly(deps.refreshTokens),
          flights: new SingleFlight(),
        },
  );
  const token = await delegatedTokenStep(credential, provider, { now: deps.now(), form: draft !== undefined });
  const steps: DiagnosisStep[] = [token.step];
  if (token.accessToken === undefined) {
    const why = 'Not checked: there is no token to check with.';
    steps.push(skipped('permissions', why), skipped('mailbox', why));
    if (options.sendTestEmail === true) steps.push(skipped('test-email', 'Not sent: there is no token to send with.'));
    return { steps, authorizeAgain: token.authorizeAgain || credential.authorization === undefined };
  }
  const permissions = delegatedPermissionsStep(token.accessToken);
  const graph = {
    fetch: deps.fetch,
    graphBaseUrl: credential.graphBaseUrl,
    ...(deps.env === undefined ? {} : { env: deps.env }),
  };
  const mailbox = await signedInMailboxStep(token.accessToken, graph);
  steps.push(permissions.step, mailbox);
  if (options.sendTestEmail === true) {
    if (!permissions.mailSend) {
      steps.push(skipped('test-email', 'Not sent: the token lacks the Mail.Send delegated permission.'));
    } else if (mailbox.status === 'failed') {
      steps.push(skipped('test-email', 'Not sent: the signed-in mailbox check failed.'));
    } else {
      steps.push(await testEmailIfJira(credential, token.accessToken, deps));
    }
  }
  return { steps, authorizeAgain: false };
};

import type { PolicyEnv } from '../../http/endpoint-policy';
import { exchangeAuthorizationCode } from '../../oauth/authorization-code-client';
import { missingDelegatedScopes } from '../../oauth/authorization-request';
import type { AuthorizationStateStore } from '../../oauth/authorization-state';
import { AuthorizationError, AuthorizationErrorCode } from '../../oauth/errors';
import type { RefreshTokenStore } from '../../oauth/refresh-token-store';
import type { TokenCache } from '../../oauth/token-cache';
import type { Clock, FetchLike } from '../../shared/seams';
import { clientProofOf } from '../client-proof';
import type { CredentialService } from '../credential-service';
import { CredentialNotFoundError } from '../errors';
import type { StoredCredential } from '../stored-credential';
import { AuthorizeError, AuthorizeErrorCode, notAuthorizationCode } from './errors';

/** The query string Microsoft sends the browser back with (the web trigger's `queryParameters`). */
export type CallbackQuery = Readonly<Record<string, readonly string[] | undefined>>;

/** Who a delegated token belongs to: the mailbox an authorization code credential sends as. */
export interface SignedInMailbox {
  id: string;
  displayName: string | undefined;
  /** The address mail goes out from. */
  mailbox: string;
}

/** Asks the credential's mail service who signed in, with the access token the sign-in got (providers/ fills it). */
export type WhoSignedIn = (
  credential: StoredCredential,
  accessToken: string,
  call: { fetch: FetchLike; now: Clock; env?: PolicyEnv },
) => Promise<SignedInMailbox>;

export interface CompleteAuthorizationDeps {
  states: Pick<AuthorizationStateStore, 'take'>;
  credentials: Pick<CredentialService, 'get' | 'readSecret' | 'readPrivateKey' | 'recordAuthorization'>;
  refreshTokens: Pick<RefreshTokenStore, 'save'>;
  tokenCache: Pick<TokenCache, 'clear'>;
  fetch: FetchLike;
  now: Clock;
  env?: PolicyEnv;
  whoSignedIn: WhoSignedIn;
}

export interface CompletedAuthorization {
  credentialId: string;
  credentialName: string;
  mailbox: string;
  displayName: string | undefined;
}

/** Microsoft's `error` is an OAuth error code; anything else is not repeated anywhere. */
const OAUTH_ERROR = /^[a-z_]{1,64}$/;
const AADSTS = /AADSTS(\d{4,9})\b/;
/** "User declined to consent to access the app" (https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes). */
const DECLINED_CONSENT = 65004;

const callbackInvalid = (what: string): AuthorizeError =>
  new AuthorizeError(AuthorizeErrorCode.CallbackInvalid, `The sign-in answer ${what}.`);

/** The one value of a parameter; a repeated one is refused, since it is ambiguous which Microsoft sent. */
const single = (query: CallbackQuery, name: string): string | undefined => {
  const values = query[name];
  if (values === undefined || values.length === 0) return undefined;
  if (values.length > 1) throw callbackInvalid(`repeats its "${name}" parameter`);
  return values[0] === '' ? undefined : values[0];
};

/**
 * Microsoft ended the sign-in with an error (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow,
 * "Error response": `error` and `error_description`). `access_denied` is the user cancelling or declining consent;
 * the description is Microsoft's text for people, read here only for its AADSTS number and never repeated.
 */
const signInEnded = (error: string, description: string | undefined): AuthorizeError => {
  const oauthError = OAUTH_ERROR.test(error) ? error : undefined;
  const aadsts = description === undefined ? undefined : AADSTS.exec(description)?.[1];
  const aadstsCode = aadsts === undefined ? undefined : Number(aadsts);
  const details = {
    ...(oauthError === undefined ? {} : { oauthError }),
    ...(aadstsCode === undefined ? {} : { aadstsCode }),
  };
  if (oauthError === 'access_denied' || aadstsCode === DECLINED_CONSENT) {
    return new AuthorizeError(
      AuthorizeErrorCode.SignInCancelled,
      'The sign-in was cancelled, or consent declined.',
      details,
    );
  }
  return new AuthorizeError(
    AuthorizeErrorCode.SignInFailed,
    `Microsoft ended the sign-in with ${oauthError ?? 'an unknown error'}.`,
    details,
  );
};

const readCredential = async (deps: CompleteAuthorizationDeps, id: string): Promise<StoredCredential> => {
  try {
    return await deps.credentials.get(id);
  } catch (error) {
    if (!(error instanceof CredentialNotFoundError)) throw error;
    throw new AuthorizeError(
      AuthorizeErrorCode.CredentialGone,
      `Credential "${id}" was deleted while its sign-in was open.`,
      { cause: error },
    );
  }
};

/**
 * Finishes a sign-in an admin started with Authorize (`oauth-callback` web trigger, GET from Microsoft's redirect):
 * takes the one-time state (deleted before anything else, so a replayed callback finds nothing), redeems the code
 * with the PKCE verifier, the same redirect URI and the credential's client secret or certificate, asks the mail
 * service who signed in, then stores the refresh token and the credential's authorization. Refusals throw
 * AuthorizeError, AuthorizationError (state, code) or the token endpoint's and the mail service's errors; no message
 * holds the code, the state or a token.
 */
export const completeAuthorization = async (
  query: CallbackQuery,
  deps: CompleteAuthorizationDeps,
): Promise<CompletedAuthorization> => {
  const state = single(query, 'state');
  const error = single(query, 'error');
  const code = single(query, 'code');
  if (error !== undefined) {
    // The pending sign-in is spent either way: the admin starts a new one.
    if (state !== undefined) await deps.states.take(state, deps.now()).catch(() => undefined);
    throw signInEnded(error, single(query, 'error_description'));
  }
  if (state === undefined || code === undefined) throw callbackInvalid('carries no code and state');

  const pending = await deps.states.take(state, deps.now());
  const credential = await readCredential(deps, pending.credentialId);
  if (credential.grantType !== 'authorization_code') throw notAuthorizationCode(credential.id);

  const proof = await clientProofOf(credential, deps);
  const tokens = await exchangeAuthorizationCode(
    {
      tokenEndpoint: credential.tokenEndpoint,
      clientId: credential.clientId,
      ...proof,
      code,
      redirectUri: pending.redirectUri,
      codeVerifier: pending.codeVerifier,
    },
    { fetch: deps.fetch, now: deps.now, ...(deps.env === undefined ? {} : { env: deps.env }) },
  );
  const missing = missingDelegatedScopes(tokens.grantedScopes);
  if (missing.length > 0) {
    throw new AuthorizationError(
      AuthorizationErrorCode.ConsentRequired,
      `The sign-in granted no ${missing.join(', ')}: consent to the permissions is missing.`,
    );
  }
  const user = await deps.whoSignedIn(credential, tokens.accessToken, {
    fetch: deps.fetch,
    now: deps.now,
    ...(deps.env === undefined ? {} : { env: deps.env }),
  });

  const now = deps.now();
  await deps.refreshTokens.save(credential.id, tokens.refreshToken, now);
  await deps.credentials.recordAuthorization(credential.id, {
    mailbox: user.mailbox,
    userId: user.id,
    ...(user.displayName === undefined ? {} : { displayName: user.displayName }),
    authorizedAt: new Date(now).toISOString(),
  });
  // Access tokens cached for an earlier sign-in are another mailbox's.
  await deps.tokenCache.clear(credential.id);
  return {
    credentialId: credential.id,
    credentialName: credential.name,
    mailbox: user.mailbox,
    displayName: user.displayName,
  };
};

import { authorizationEndpointFor } from '../../contract/authorization-endpoint-rules';
import { isMicrosoftProvider } from '../../contract/credential-kinds';
import type { AuthorizationSetup, BegunAuthorizationView } from '../../contract/credentials';
import type { PolicyEnv } from '../../http/endpoint-policy';
import { buildAuthorizationUrl, DELEGATED_SCOPES } from '../../oauth/authorization-request';
import type { AuthorizationStateStore } from '../../oauth/authorization-state';
import { AuthorizationError, AuthorizationErrorCode } from '../../oauth/errors';
import type { Clock } from '../../shared/seams';
import type { CredentialService } from '../credential-service';
import { notAuthorizationCode } from './errors';

/** What starting a sign-in needs beside the credentials: where Microsoft sends the browser back, and the states. */
export interface AuthorizationStart {
  /** This installation's `oauth-callback` web trigger URL (`webTrigger.getUrl`), registered in Entra as is. */
  redirectUri: () => Promise<string>;
  states: Pick<AuthorizationStateStore, 'begin'>;
}

export interface BeginAuthorizationDeps {
  credentials: Pick<CredentialService, 'get'>;
  authorization: AuthorizationStart;
  now: Clock;
  env?: PolicyEnv;
}

export const authorizationSetup = async (
  start: Pick<AuthorizationStart, 'redirectUri'>,
): Promise<AuthorizationSetup> => ({
  redirectUri: await start.redirectUri(),
  scopes: [...DELEGATED_SCOPES],
});

/**
 * Starts the sign-in of an authorization code credential for the admin `accountId`: a one-time state bound to them
 * and a PKCE verifier (authorization-state.ts), and the `/authorize` address the admin's browser opens, with the
 * credential's sender mailbox as `login_hint`
 * (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow, "Request an authorization
 * code"). The `oauth-callback` web trigger finishes it.
 */
export const beginAuthorization = async (
  id: string,
  accountId: string,
  deps: BeginAuthorizationDeps,
): Promise<BegunAuthorizationView> => {
  const credential = await deps.credentials.get(id);
  if (credential.grantType !== 'authorization_code' || !isMicrosoftProvider(credential.provider)) {
    throw notAuthorizationCode(id);
  }
  const authorizationEndpoint = credential.authorizationEndpoint ?? authorizationEndpointFor(credential.tokenEndpoint);
  if (authorizationEndpoint === undefined) {
    throw new AuthorizationError(
      AuthorizationErrorCode.AuthorizeEndpointInvalid,
      `Credential "${id}" names no authorization endpoint, and its token endpoint is no v2 one to derive it from.`,
    );
  }
  const redirectUri = await deps.authorization.redirectUri();
  const begun = await deps.authorization.states.begin({ credentialId: id, accountId, redirectUri }, deps.now());
  const url = buildAuthorizationUrl(
    {
      cloud: credential.provider,
      authorizationEndpoint,
      tokenEndpoint: credential.tokenEndpoint,
      clientId: credential.clientId,
      redirectUri,
      state: begun.state,
      codeChallenge: begun.codeChallenge,
      loginHint: credential.senderMailbox,
    },
    deps.env,
  );
  return { url, expiresAt: new Date(begun.expiresAt).toISOString() };
};

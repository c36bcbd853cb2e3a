import type { EmulatorContext } from './context';
import { MAX_REDIRECT_URIS, redirectUriProblem } from './redirect-uris';
import { TenantDirectory } from './tenant-directory';

/**
 * Revokes every refresh token and sign-in session of a user (UPN or object id) in whichever tenant has them, as
 * Graph's revokeSignInSessions and the admin center's "Revoke sessions" do
 * (https://learn.microsoft.com/en-us/graph/api/user-revokesigninsessions). False for an unknown user.
 */
export const revokeSignInSessions = (ctx: EmulatorContext, user: string): boolean => {
  let found = false;
  for (const tenant of ctx.config.tenants) {
    const mailbox = TenantDirectory.mailbox(tenant, user);
    if (mailbox === undefined) continue;
    ctx.delegated.revocations.revoke(tenant.id, mailbox.id, ctx.now());
    found = true;
  }
  return found;
};

/** Adds a Web redirect URI to the app with this client id; why not, when it is refused. */
export const addRedirectUri = (ctx: EmulatorContext, clientId: string, redirectUri: string): string | undefined => {
  const tenant = ctx.directory.tenantOfApp(clientId);
  const app = tenant === undefined ? undefined : TenantDirectory.app(tenant, clientId);
  if (app === undefined) return `no app registration has the client id '${clientId}'`;
  const problem = redirectUriProblem(redirectUri);
  if (problem !== undefined) return problem;
  const uris = (app.redirectUris ??= []);
  if (uris.includes(redirectUri)) return undefined;
  if (uris.length >= MAX_REDIRECT_URIS) return `an app has at most ${MAX_REDIRECT_URIS} redirect URIs`;
  uris.push(redirectUri);
  return undefined;
};

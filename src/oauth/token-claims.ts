import * as z from 'zod/mini';

const claimsSchema = z.object({ roles: z.optional(z.array(z.string())), scp: z.optional(z.string()) });

export type TokenPermissions = { readable: true; roles: string[] } | { readable: false };

/**
 * The application permissions (`roles` claim) a Microsoft access token carries, read without verifying it: this
 * is only to tell an admin what the token allows, never to trust it. A token without `roles` was issued without
 * admin consent. Tokens that are not JWTs are unreadable.
 */
export const readTokenPermissions = (accessToken: string): TokenPermissions => {
  const claims = readClaims(accessToken);
  return claims === undefined ? { readable: false } : { readable: true, roles: claims.roles ?? [] };
};

export type TokenScopes = { readable: true; scopes: string[] } | { readable: false };

/**
 * The delegated permissions of a signed-in user's access token: Microsoft puts a user's consented scopes in `scp`
 * (one space-separated string) and an app's permissions in `roles`
 * (https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference). Read without
 * verifying, as readTokenPermissions does; a token without `scp` is unreadable here.
 */
export const readTokenScopes = (accessToken: string): TokenScopes => {
  const scp = readClaims(accessToken)?.scp;
  return scp === undefined ? { readable: false } : { readable: true, scopes: scp.split(' ').filter(Boolean) };
};

const readClaims = (accessToken: string): z.infer<typeof claimsSchema> | undefined => {
  const payload = accessToken.split('.')[1];
  if (payload === undefined || accessToken.split('.').length !== 3) return undefined;
  try {
    const claims = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return claims.success ? claims.data : undefined;
  } catch {
    return undefined;
  }
};

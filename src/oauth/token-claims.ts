import * as z from 'zod/mini';

const claimsSchema = z.object({ roles: z.optional(z.array(z.string())) });

export type TokenPermissions = { readable: true; roles: string[] } | { readable: false };

/**
 * The application permissions (`roles` claim) a Microsoft access token carries, read without verifying it: this
 * is only to tell an admin what the token allows, never to trust it. A token without `roles` was issued without
 * admin consent. Tokens that are not JWTs are unreadable.
 */
export const readTokenPermissions = (accessToken: string): TokenPermissions => {
  const payload = accessToken.split('.')[1];
  if (payload === undefined || accessToken.split('.').length !== 3) return { readable: false };
  try {
    const claims = claimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return claims.success ? { readable: true, roles: claims.data.roles ?? [] } : { readable: false };
  } catch {
    return { readable: false };
  }
};

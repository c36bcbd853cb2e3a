import { SignJWT } from 'jose';

import type { Clock } from '../../shared/seams';
import { GoogleTokenError, GoogleTokenErrorCode } from './errors';
import { importServiceAccountPrivateKey } from './service-account-key';

/** "This value has a maximum of 1 hour after the issued time" (exp). */
export const ASSERTION_LIFETIME_SECONDS = 3600;

export interface JwtBearerAssertionInput {
  clientEmail: string;
  privateKeyId: string;
  privateKeyPem: string;
  /** The mailbox to act for: domain-wide delegation's `sub`. */
  subject: string;
  scopes: readonly string[];
  /** The JWT's `aud`: always Google's token endpoint for a real token request. */
  audience: string;
}

/**
 * The JWT of the JWT bearer grant (RFC 7523) as Google asks for it in "Using OAuth 2.0 for Server to Server
 * Applications" > "Preparing to make a delegated API call" (https://developers.google.com/identity/protocols/oauth2/service-account):
 * header `{"alg":"RS256","typ":"JWT","kid":<private_key_id>}`; claims `iss` (the service account's email), `sub`
 * (the user to act for), `scope` (space-delimited), `aud`, `iat` and `exp` at most one hour later.
 */
export const signJwtBearerAssertion = async (input: JwtBearerAssertionInput, now: Clock): Promise<string> => {
  let key: CryptoKey;
  try {
    key = await importServiceAccountPrivateKey(input.privateKeyPem);
  } catch (error) {
    throw new GoogleTokenError(
      GoogleTokenErrorCode.AssertionFailed,
      'Signing the JWT assertion failed: the stored private key could not be read.',
      { cause: error },
    );
  }
  const iat = Math.floor(now() / 1000);
  try {
    return await new SignJWT({ scope: input.scopes.join(' ') })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: input.privateKeyId })
      .setIssuer(input.clientEmail)
      .setSubject(input.subject)
      .setAudience(input.audience)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ASSERTION_LIFETIME_SECONDS)
      .sign(key);
  } catch (error) {
    throw new GoogleTokenError(
      GoogleTokenErrorCode.AssertionFailed,
      'Signing the JWT assertion failed: the private key cannot sign RS256.',
      { cause: error },
    );
  }
};

import { createPrivateKey, type KeyObject, randomUUID } from 'node:crypto';

import { SignJWT } from 'jose';

import type { Clock } from '../shared/seams';
import { TokenError, TokenErrorCode } from './errors';

/** Microsoft accepts assertions valid for at most 10 minutes past now. */
export const ASSERTION_LIFETIME_SECONDS = 10 * 60;

export interface ClientAssertionInput {
  clientId: string;
  /** The token endpoint the assertion is for: its `aud`. */
  tokenEndpoint: string;
  /** PEM, PKCS#8 or PKCS#1, without a passphrase. */
  privateKeyPem: string;
  /** Base64url SHA-256 of the certificate's DER: how Entra finds the registered certificate. */
  thumbprintSha256: string;
}

export interface ClientAssertionDeps {
  now: Clock;
  newId?: () => string;
}

const failed = (reason: string, cause?: unknown): TokenError =>
  new TokenError(TokenErrorCode.ClientAssertionFailed, `Signing the client assertion failed: ${reason}`, { cause });

/** The private key as a KeyObject; RSA only, which is what Entra's certificate credentials use. */
const rsaKey = (privateKeyPem: string): KeyObject => {
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch (error) {
    // The key text never goes into the message.
    throw failed('the stored private key could not be read.', error);
  }
  if (key.asymmetricKeyType !== 'rsa')
    throw failed(`the private key is ${key.asymmetricKeyType ?? 'not asymmetric'}, not RSA.`);
  return key;
};

/**
 * The signed JWT a certificate credential sends instead of a client secret (Microsoft identity platform
 * "certificate credentials"): PS256 with the certificate's SHA-256 thumbprint in `x5t#S256`; `aud` the token
 * endpoint, `iss` and `sub` the client ID, a fresh `jti`, valid from now for ten minutes.
 */
export const signClientAssertion = async (input: ClientAssertionInput, deps: ClientAssertionDeps): Promise<string> => {
  const key = rsaKey(input.privateKeyPem);
  const now = Math.floor(deps.now() / 1000);
  try {
    return await new SignJWT({})
      .setProtectedHeader({ alg: 'PS256', typ: 'JWT', 'x5t#S256': input.thumbprintSha256 })
      .setAudience(input.tokenEndpoint)
      .setIssuer(input.clientId)
      .setSubject(input.clientId)
      .setJti((deps.newId ?? randomUUID)())
      .setNotBefore(now)
      .setIssuedAt(now)
      .setExpirationTime(now + ASSERTION_LIFETIME_SECONDS)
      .sign(key);
  } catch (error) {
    throw failed('the private key cannot sign PS256.', error);
  }
};

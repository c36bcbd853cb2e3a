import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

/** `length` cryptographically random bytes; a seam so tests can pin the verifier and the state. */
export type RandomBytes = (length: number) => Uint8Array;

export const systemRandomBytes: RandomBytes = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));

/**
 * RFC 7636 section 4.1 (https://www.rfc-editor.org/rfc/rfc7636#section-4.1): the verifier is 43 to 128 characters
 * of `[A-Z] / [a-z] / [0-9] / "-" / "." / "_" / "~"`; 32 random octets, base64url-encoded, are RECOMMENDED and give
 * 43. Microsoft refuses a challenge of the wrong size (AADSTS50147, AADSTS501491:
 * https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes).
 */
export const VERIFIER_BYTES = 32;
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/** Base64url without padding (RFC 7636 Appendix A). */
export const base64Url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

export const isCodeVerifier = (value: string): boolean => VERIFIER.test(value);

export const newCodeVerifier = (random: RandomBytes = systemRandomBytes): string => {
  const bytes = random(VERIFIER_BYTES);
  if (bytes.length < VERIFIER_BYTES) throw new RangeError(`PKCE needs ${VERIFIER_BYTES} random bytes.`);
  return base64Url(bytes);
};

/**
 * RFC 7636 section 4.2: `S256`, BASE64URL(SHA256(ASCII(code_verifier))). "If the client is capable of using S256,
 * it MUST use S256"; Microsoft assumes `plain` when the method is left out
 * (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow), so the request always names it.
 */
export const S256 = 'S256';

export const codeChallengeS256 = (verifier: string): string => {
  if (!isCodeVerifier(verifier)) throw new RangeError('A PKCE verifier is 43 to 128 unreserved characters.');
  return base64Url(sha256(utf8ToBytes(verifier)));
};

import { compactVerify } from 'jose';

import { AssertionErrors } from './assertion-errors';
import type { CertificateKeys } from './certificate-keys';
import type { AadstsError } from './token-errors';
import type { EmulatedApp, EmulatedTenant } from './types';

/** The only `client_assertion_type` Entra takes: a JWT signed with a registered certificate. */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** PS256 is what Entra's docs ask for; the RS algorithms are those its 5002738 answer lists. */
export const ASSERTION_ALGORITHMS = ['PS256', 'RS256', 'RS384', 'RS512'] as const;

/**
 * Leeway on `exp` and `nbf`, the Microsoft.IdentityModel default. Entra documents no upper bound on an
 * assertion's lifetime ("doesn't place restrictions on the exp time currently", certificate-credentials.md), so
 * a long-lived assertion is accepted, as there.
 */
export const ASSERTION_CLOCK_SKEW_SECONDS = 300;

export interface AssertionCheck {
  /** The `client_assertion` form value. */
  assertion: string;
  tenant: EmulatedTenant;
  app: EmulatedApp;
  /** Token endpoint URLs the assertion's `aud` may name: the one the request came to, the tenant by id or domain. */
  audiences: string[];
  now: Date;
  keys: CertificateKeys;
}

type Json = Record<string, unknown>;

const decodeJsonPart = (part: string): Json | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** The thumbprint as Entra quotes it: the header's hash in upper-case hex (or the value as sent, if not base64url). */
const shownThumbprint = (value: string): string => {
  const bytes = /^[A-Za-z0-9_-]+$/.test(value) ? Buffer.from(value, 'base64url') : Buffer.alloc(0);
  return bytes.length > 0 ? bytes.toString('hex').toUpperCase() : value;
};

/**
 * Checks a client assertion as Entra does: form, algorithm, certificate named in the header, required claims,
 * issuer and subject, audience, lifetime, then the registered certificate's validity and its signature.
 * Undefined means the assertion proves the app's identity.
 */
export const checkClientAssertion = async (check: AssertionCheck): Promise<AadstsError | undefined> => {
  const parts = check.assertion.split('.');
  const [headerPart, payloadPart] = parts;
  if (parts.length !== 3 || headerPart === undefined || payloadPart === undefined) return AssertionErrors.malformed();
  const header = decodeJsonPart(headerPart);
  const claims = decodeJsonPart(payloadPart);
  if (header === undefined || claims === undefined) return AssertionErrors.malformed();

  const alg = text(header.alg);
  if (alg === undefined) return AssertionErrors.malformed();
  if (!(ASSERTION_ALGORITHMS as readonly string[]).includes(alg)) return AssertionErrors.unsupportedAlgorithm(alg);
  const x5tS256 = text(header['x5t#S256']);
  const x5t = text(header.x5t);
  const kid = text(header.kid);
  if (x5tS256 === undefined && x5t === undefined && kid === undefined) return AssertionErrors.noThumbprint();

  for (const name of ['iss', 'aud', 'sub', 'jti']) {
    if (claims[name] === undefined || claims[name] === null || claims[name] === '')
      return AssertionErrors.missingClaim(name);
  }
  const clientId = check.app.clientId.toLowerCase();
  if (String(claims.iss).toLowerCase() !== clientId || String(claims.sub).toLowerCase() !== clientId)
    return AssertionErrors.wrongIssuer();
  const audiences = (Array.isArray(claims.aud) ? claims.aud : [claims.aud]).map((aud) => String(aud).toLowerCase());
  if (!check.audiences.some((expected) => audiences.includes(expected.toLowerCase())))
    return AssertionErrors.wrongAudience();

  const seconds = check.now.getTime() / 1000;
  const exp = typeof claims.exp === 'number' ? claims.exp : 0;
  const nbf = typeof claims.nbf === 'number' ? claims.nbf : 0;
  if (seconds > exp + ASSERTION_CLOCK_SKEW_SECONDS || seconds < nbf - ASSERTION_CLOCK_SKEW_SECONDS) {
    return AssertionErrors.outsideTimeRange(check.now, new Date(nbf * 1000), new Date(exp * 1000));
  }

  const sentHash = x5tS256 ?? x5t;
  const thumbprint = sentHash === undefined ? (kid ?? '') : shownThumbprint(sentHash);
  const key = check.keys.find(check.tenant, check.app, { x5tS256, x5t });
  // A key credential whose start date lies ahead is not yet one of the app's keys.
  if (key === undefined || check.now < key.startsOn) return AssertionErrors.keyNotFound(thumbprint, check.app.clientId);
  if (check.now >= key.expiresOn) return AssertionErrors.keyExpired(thumbprint, key.startsOn, key.expiresOn);
  try {
    await compactVerify(check.assertion, key.facts.publicKey, { algorithms: [alg] });
  } catch {
    return AssertionErrors.badSignature(thumbprint, key.startsOn, key.expiresOn, check.app.clientId);
  }
  return undefined;
};

import { compactVerify } from 'jose';

import { scopeSchema } from './config-schema';
import { type GoogleTokenErrorAnswer, GoogleTokenErrors } from './token-errors';
import type { RegisteredKey, RegisteredServiceAccount, WorkspaceDirectory } from './workspace-directory';

/** Google's token endpoint: what `aud` must say (or the emulator's own /token URL). */
export const GOOGLE_TOKEN_AUDIENCE = 'https://oauth2.googleapis.com/token';
/** "This value has a maximum of 1 hour after the issued time"; Google's table: refused past 65 minutes. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 65 * 60;
/** Leeway for the caller's clock on `iat` and `exp`; public reports: 300 s ahead is accepted. */
export const CLOCK_SKEW_SECONDS = 300;

export interface AssertionGrant {
  account: RegisteredServiceAccount;
  subject: string | undefined;
  scopes: string[];
}

type Json = Record<string, unknown>;
type Outcome = { ok: true; grant: AssertionGrant } | { ok: false; error: GoogleTokenErrorAnswer };

const fail = (error: GoogleTokenErrorAnswer): Outcome => ({ ok: false, error });

const decodePart = (part: string | undefined): Json | undefined => {
  if (part === undefined || !/^[A-Za-z0-9_-]+$/.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
};

/** The key the header's `kid` names; without a `kid`, Google tries the account's keys (undefined: try all). */
const candidateKeys = (account: RegisteredServiceAccount, kid: unknown): RegisteredKey[] => {
  if (typeof kid === 'string') {
    const key = account.keys.get(kid);
    return key === undefined ? [] : [key];
  }
  return [...account.keys.values()];
};

const verifiesWithOneOf = async (assertion: string, keys: RegisteredKey[]): Promise<boolean> => {
  for (const key of keys.filter((candidate) => !candidate.disabled)) {
    try {
      await compactVerify(assertion, key.publicKey, { algorithms: ['RS256'] });
      return true;
    } catch {
      // The next key, if any.
    }
  }
  return false;
};

const timesAcceptable = (claims: Json, nowSeconds: number): boolean => {
  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number') return false;
  return (
    exp >= iat &&
    exp - iat <= MAX_ASSERTION_LIFETIME_SECONDS &&
    iat <= nowSeconds + CLOCK_SKEW_SECONDS &&
    exp >= nowSeconds - CLOCK_SKEW_SECONDS
  );
};

const scopesOf = (claims: Json): string[] | undefined => {
  const scope = claims['scope'];
  if (typeof scope !== 'string') return undefined;
  const scopes = scope.split(' ').filter((part) => part !== '');
  return scopes.length > 0 && scopes.every((part) => scopeSchema.safeParse(part).success) ? scopes : undefined;
};

/**
 * Checks a JWT bearer grant's assertion as https://developers.google.com/identity/protocols/oauth2/service-account
 * describes it: an RS256 JWT from a known service account (`iss`), signed by one of its active keys (`kid`), for the
 * token endpoint (`aud`), issued now and living at most an hour, asking for valid scopes for a user (`sub`) of the
 * domain whom the Admin console lets the client act for, with every requested scope.
 */
export const checkJwtBearerAssertion = async (
  directory: WorkspaceDirectory,
  assertion: string,
  audiences: readonly string[],
  now: Date,
): Promise<Outcome> => {
  const parts = assertion.split('.');
  const header = decodePart(parts[0]);
  const claims = decodePart(parts[1]);
  if (parts.length !== 3 || header === undefined || claims === undefined || header['alg'] !== 'RS256') {
    return fail(GoogleTokenErrors.badSignature());
  }
  const account = typeof claims['iss'] === 'string' ? directory.serviceAccount(claims['iss']) : undefined;
  if (account === undefined) return fail(GoogleTokenErrors.accountNotFound());
  if (!(await verifiesWithOneOf(assertion, candidateKeys(account, header['kid'])))) {
    return fail(GoogleTokenErrors.badSignature());
  }
  if (account.account.disabled) return fail(GoogleTokenErrors.clientDisabled());
  if (typeof claims['aud'] !== 'string' || !audiences.includes(claims['aud'])) {
    return fail(GoogleTokenErrors.wrongAudience());
  }
  if (!timesAcceptable(claims, Math.floor(now.getTime() / 1000))) return fail(GoogleTokenErrors.notShortLived());
  const scopes = scopesOf(claims);
  if (scopes === undefined) return fail(GoogleTokenErrors.invalidScope());

  const sub = claims['sub'];
  // Without `sub` the service account acts as itself: no mailbox, no delegation to check.
  if (sub === undefined) return { ok: true, grant: { account, subject: undefined, scopes } };
  const user = typeof sub === 'string' ? directory.user(sub) : undefined;
  if (user === undefined || user.suspended) return fail(GoogleTokenErrors.unknownUser());
  const allowed = directory.delegatedScopes(account.account.clientId);
  if (allowed === undefined) return fail(GoogleTokenErrors.notDelegated());
  if (!scopes.every((scope) => allowed.has(scope))) return fail(GoogleTokenErrors.scopeNotDelegated());
  return { ok: true, grant: { account, subject: user.primaryEmail, scopes } };
};

import { sha256Hex } from '../shared/sha256-hex';
import { authorizationStateKey } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';
import { AuthorizationError, AuthorizationErrorCode } from './errors';
import {
  base64Url,
  codeChallengeS256,
  isCodeVerifier,
  newCodeVerifier,
  type RandomBytes,
  systemRandomBytes,
} from './pkce';

/**
 * Microsoft's codes "typically expire after about 10 minutes"
 * (https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow), and RFC 6749 section 4.1.2
 * recommends at most 10: a sign-in not finished by then cannot be finished at all.
 */
export const STATE_LIFETIME_MS = 10 * 60 * 1000;
/** 256 bits: far past the 128 an unguessable CSRF binding value needs (RFC 6749 section 10.12). */
export const STATE_BYTES = 32;
const STATE = /^[A-Za-z0-9_-]{43}$/;

/** A sign-in an admin started and Microsoft has not yet sent back. Kept in secret storage: it holds the verifier. */
export interface PendingAuthorization {
  credentialId: string;
  /** The Atlassian account of the admin who pressed Authorize: whoever asks for the outcome must be them. */
  accountId: string;
  codeVerifier: string;
  /** The redirect URI the sign-in was sent with; the code exchange must send the same. */
  redirectUri: string;
  createdAt: number;
  expiresAt: number;
}

export interface BeginAuthorization {
  credentialId: string;
  accountId: string;
  redirectUri: string;
}

export interface BegunAuthorization {
  /** Goes into the /authorize URL; never stored as is. */
  state: string;
  codeChallenge: string;
  expiresAt: number;
}

export interface AuthorizationStateStore {
  begin: (input: BeginAuthorization, now: number) => Promise<BegunAuthorization>;
  /**
   * The pending sign-in of `state`, deleted before it is returned, so a second take of the same state finds nothing.
   * Throws OAUTH_STATE_UNKNOWN (never issued, used already, malformed) or OAUTH_STATE_EXPIRED.
   */
  take: (state: string, now: number) => Promise<PendingAuthorization>;
}

/** The state travels through the browser and Microsoft; the key holds only its SHA-256. */
const keyOf = (state: string): string => authorizationStateKey(sha256Hex(state));

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

const readPending = (value: unknown): PendingAuthorization | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const { credentialId, accountId, codeVerifier, redirectUri, createdAt, expiresAt } = record;
  if (!isText(credentialId) || !isText(accountId) || !isText(redirectUri)) return undefined;
  if (!isText(codeVerifier) || !isCodeVerifier(codeVerifier) || !isTime(createdAt) || !isTime(expiresAt)) {
    return undefined;
  }
  return { credentialId, accountId, codeVerifier, redirectUri, createdAt, expiresAt };
};

// The state itself is never in a message: it is the one-time secret of the sign-in.
const unknownState = (): AuthorizationError =>
  new AuthorizationError(
    AuthorizationErrorCode.StateUnknown,
    'The sign-in answer names no pending sign-in: it was never started here, or it was used already.',
  );

export const createAuthorizationStateStore = (
  store: KvStore,
  random: RandomBytes = systemRandomBytes,
): AuthorizationStateStore => ({
  begin: async ({ credentialId, accountId, redirectUri }, now) => {
    const stateBytes = random(STATE_BYTES);
    if (stateBytes.length < STATE_BYTES) throw new RangeError(`A state needs ${STATE_BYTES} random bytes.`);
    const state = base64Url(stateBytes);
    const codeVerifier = newCodeVerifier(random);
    const pending: PendingAuthorization = {
      credentialId,
      accountId,
      codeVerifier,
      redirectUri,
      createdAt: now,
      expiresAt: now + STATE_LIFETIME_MS,
    };
    await store.setSecret(keyOf(state), pending);
    return { state, codeChallenge: codeChallengeS256(codeVerifier), expiresAt: pending.expiresAt };
  },

  take: async (state, now) => {
    if (!STATE.test(state)) throw unknownState();
    const key = keyOf(state);
    const stored = await store.getSecret(key);
    if (stored === undefined) throw unknownState();
    // Deleted before anything else, expired or not: single use. Secret storage has no atomic read-and-delete and no
    // transactions (https://developer.atlassian.com/platform/forge/storage-reference/transactions/ covers only the
    // basic methods), so two takes within the same instant could both read it. The second code redemption then fails
    // at Microsoft, which refuses a code redeemed twice (AADSTS54005,
    // https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes).
    await store.deleteSecret(key);
    const pending = readPending(stored);
    if (pending === undefined) throw unknownState();
    if (now >= pending.expiresAt) {
      throw new AuthorizationError(
        AuthorizationErrorCode.StateExpired,
        `The sign-in was started at ${new Date(pending.createdAt).toISOString()} and expired after 10 minutes.`,
      );
    }
    return pending;
  },
});

/**
 * The admin check the caller makes: only the admin who pressed Authorize may see or use what the sign-in brought.
 * (The web trigger Microsoft redirects to runs without a Jira user; the admin's own resolver call does this.)
 */
export const assertStartedBy = (pending: PendingAuthorization, accountId: string): void => {
  if (pending.accountId !== accountId) {
    throw new AuthorizationError(
      AuthorizationErrorCode.StateOtherAdmin,
      `The sign-in for credential ${pending.credentialId} was started by another admin.`,
    );
  }
};

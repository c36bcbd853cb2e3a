import type { CredentialWarningKind } from '../contract/credential-health';
import type { StoredCredential } from '../credentials/stored-credential';
import { authorizationErrorGuidance, needsAuthorizeAgain } from '../oauth/authorization-guidance';
import { AuthorizationError, AuthorizationErrorCode } from '../oauth/errors';
import type { RefreshTokenUse } from '../oauth/refresh-token-store';
import { safeErrorLabel } from '../shared/error-names';
import type { StoredWarning } from './warning-store';

const DAY_MS = 24 * 60 * 60 * 1000;

/*
 * Microsoft ends a refresh token that goes unused for 90 days ("The default lifetime for the refresh tokens is ...
 * 90 days for all other scenarios. Refresh tokens replace themselves with a fresh token upon every use":
 * https://learn.microsoft.com/en-us/entra/identity-platform/refresh-tokens), and each refresh restarts the count.
 * A credential that sends rarely would lose its grant quietly, so the daily check refreshes any grant unused for
 * KEEP_ALIVE_DAYS, long before the end, and warns only when that fails.
 */
export const KEEP_ALIVE_DAYS = 30;
/** From here a grant that cannot be renewed is close to its end: the admin is told before mail stops. */
export const EXPIRING_DAYS = 80;
export const INACTIVE_LIFETIME_DAYS = 90;

export const AUTHORIZATION_KINDS: ReadonlySet<CredentialWarningKind> = new Set([
  'authorization-lost',
  'authorization-expiring',
]);

/** What the watch did with one credential; `warning` when the admin must act. */
export type WatchOutcome =
  | { outcome: 'not-authorized' }
  | { outcome: 'fresh' }
  | { outcome: 'refreshed' }
  | { outcome: 'refresh-failed'; warning?: StoredWarning };

export interface AuthorizationWatchDeps {
  readUse: (credentialId: string) => Promise<RefreshTokenUse | undefined>;
  /** A refresh of the credential's grant, as sending does it (its successor stored, its use marked). */
  refresh: (credential: StoredCredential) => Promise<void>;
  now: number;
}

const mailboxOf = (credential: StoredCredential): string =>
  credential.authorization?.mailbox ?? credential.senderMailbox;

/** Sending and the daily check both say it this way: which mailbox, and what to do. */
export const authorizationLostWarning = (
  credential: StoredCredential,
  error: AuthorizationError,
  now: number,
): StoredWarning => ({
  credentialId: credential.id,
  credentialName: credential.name,
  kind: 'authorization-lost',
  severity: 'error',
  message:
    error.code === AuthorizationErrorCode.NotAuthorized
      ? `Mail could not go out: no mailbox is signed in for this credential. ${authorizationErrorGuidance(error)}`
      : `Microsoft no longer accepts the sign-in of ${mailboxOf(credential)}, so no mail goes out with this ` +
        `credential. ${authorizationErrorGuidance(error)}`,
  recordedAt: new Date(now).toISOString(),
  code: error.code,
});

const expiringWarning = (credential: StoredCredential, use: RefreshTokenUse, now: number): StoredWarning => {
  const date = new Date(use.lastUsedAt + INACTIVE_LIFETIME_DAYS * DAY_MS).toISOString().slice(0, 10);
  const days = Math.floor((now - use.lastUsedAt) / DAY_MS);
  return {
    credentialId: credential.id,
    credentialName: credential.name,
    kind: 'authorization-expiring',
    severity: 'warning',
    date,
    message:
      `The sign-in of ${mailboxOf(credential)} has not been used for ${days} days and could not be renewed; ` +
      `Microsoft ends it after ${INACTIVE_LIFETIME_DAYS} days unused, on ${date}. Run Test connection to renew it, ` +
      'or choose Authorize again.',
    recordedAt: new Date(now).toISOString(),
  };
};

/**
 * The daily look at one authorization code credential: a grant used within KEEP_ALIVE_DAYS is left alone; an
 * older one is refreshed now, which keeps it alive. A refresh Microsoft refuses for good (revoked, expired) is
 * 'authorization-lost'; one that fails otherwise (unreachable, the app's secret) is 'authorization-expiring' once
 * the grant is more than EXPIRING_DAYS unused, and is retried the next day until then.
 */
export const watchAuthorization = async (
  credential: StoredCredential,
  deps: AuthorizationWatchDeps,
): Promise<WatchOutcome> => {
  if (credential.grantType !== 'authorization_code' || credential.authorization === undefined) {
    return { outcome: 'not-authorized' };
  }
  const use = await deps.readUse(credential.id);
  if (use !== undefined && deps.now - use.lastUsedAt < KEEP_ALIVE_DAYS * DAY_MS) return { outcome: 'fresh' };
  try {
    await deps.refresh(credential);
    return { outcome: 'refreshed' };
  } catch (error) {
    console.warn(
      `[issue-mailer] keeping the sign-in of credential ${credential.id} alive failed: ${safeErrorLabel(error)}`,
    );
    if (error instanceof AuthorizationError && needsAuthorizeAgain(error.code)) {
      return { outcome: 'refresh-failed', warning: authorizationLostWarning(credential, error, deps.now) };
    }
    // Without a use record the grant's age is unknown: the sign-in itself is the latest it can have been used.
    const known = use ?? {
      authorizedAt: Date.parse(credential.authorization.authorizedAt),
      lastUsedAt: Date.parse(credential.authorization.authorizedAt),
    };
    return deps.now - known.lastUsedAt > EXPIRING_DAYS * DAY_MS
      ? { outcome: 'refresh-failed', warning: expiringWarning(credential, known, deps.now) }
      : { outcome: 'refresh-failed' };
  }
};

export interface SignInWatchDeps extends Omit<AuthorizationWatchDeps, 'now'> {
  listCredentials: () => Promise<StoredCredential[]>;
  record: (credential: StoredCredential, watched: WatchOutcome) => Promise<void>;
  now: () => number;
}

export interface SignInWatchSummary {
  /** Authorization code credentials with a signed-in mailbox. */
  watched: number;
  refreshed: number;
  failed: number;
}

/**
 * The daily check's part for signed-in mailboxes: every authorization code credential watched in turn, its
 * outcome recorded as a warning (or its warning cleared). One credential's trouble never stops the others.
 */
export const watchSignIns = async (deps: SignInWatchDeps): Promise<SignInWatchSummary> => {
  const summary: SignInWatchSummary = { watched: 0, refreshed: 0, failed: 0 };
  for (const credential of await deps.listCredentials()) {
    try {
      const watched = await watchAuthorization(credential, { ...deps, now: deps.now() });
      if (watched.outcome === 'not-authorized') continue;
      summary.watched += 1;
      if (watched.outcome === 'refreshed') summary.refreshed += 1;
      if (watched.outcome === 'refresh-failed') summary.failed += 1;
      await deps.record(credential, watched);
    } catch (error) {
      summary.failed += 1;
      console.warn(
        `[issue-mailer] watching the sign-in of credential ${credential.id} failed: ${safeErrorLabel(error)}`,
      );
    }
  }
  return summary;
};

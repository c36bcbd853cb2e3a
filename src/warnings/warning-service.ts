import { type AdminWarnings, type CredentialWarning, EXPIRY_WARNING_DAYS } from '../contract/credential-health';
import type { StoredCredential } from '../credentials/stored-credential';
import { tokenErrorGuidance, typedDateSaysValid } from '../oauth/aadsts-guidance';
import { needsAuthorizeAgain } from '../oauth/authorization-guidance';
import { type AuthorizationError, type TokenError, TokenErrorCode } from '../oauth/errors';
import type { Clock } from '../shared/seams';
import { AUTHORIZATION_KINDS, authorizationLostWarning, type WatchOutcome } from './authorization-watch';
import { EXPIRY_KINDS, expiryWarnings } from './expiry-warnings';
import { type StoredWarning, type StoredWarnings, toAdminWarnings, type WarningStore } from './warning-store';

/**
 * A mail service's refusal to issue a token while sending, in the provider's words (providers/ compose them with
 * the service's own guidance): the warning says `message`; `code` tells one refusal from another.
 */
export interface ServiceTokenRefusal {
  code: string;
  message: string;
  /** Says nothing about the credential (an outage, no answer): not recorded. */
  transient: boolean;
}

export interface WarningServiceDeps {
  store: WarningStore;
  /** Every stored credential. */
  listCredentials: () => Promise<StoredCredential[]>;
  now: Clock;
}

export interface WarningService {
  /** What the admin page shows on top: expiry computed now, plus the news recorded since. */
  list: () => Promise<AdminWarnings>;
  /** The daily check: records every credential's expiry warnings and keeps the news that still holds. */
  runDailyCheck: () => Promise<{ credentials: number; warnings: number }>;
  recordPromotion: (credential: StoredCredential) => Promise<void>;
  /** Records a refusal once: the same refusal of the same credential is not recorded again until it is resolved. */
  recordTokenRefused: (credential: StoredCredential, error: TokenError) => Promise<void>;
  /** The same for a refusal another mail service's provider words itself (providers/ fill `refusal`). */
  recordServiceTokenRefused: (credential: StoredCredential, refusal: ServiceTokenRefusal) => Promise<void>;
  /** Records, once, that sending met a grant Microsoft no longer accepts (only those "Authorize again" fixes). */
  recordAuthorizationRefused: (credential: StoredCredential, error: AuthorizationError) => Promise<void>;
  /**
   * The daily check's word on a signed-in mailbox (authorization-watch.ts): its warning replaces the credential's
   * earlier one; a grant found fresh or renewed clears them; a failure without a warning keeps what was said.
   */
  recordAuthorizationWatch: (credential: StoredCredential, watched: WatchOutcome) => Promise<void>;
}

/** News kept at most this long; enough for an admin who looks weekly. */
const NEWS_DAYS = EXPIRY_WARNING_DAYS;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Keeps the entry far below kvs's value limit whatever happens. */
const MAX_NEWS = 100;

/** Token failures that say nothing about the credential: the next attempt may well work. */
const TRANSIENT: ReadonlySet<string> = new Set([
  TokenErrorCode.EndpointUnreachable,
  TokenErrorCode.EndpointTimeout,
  TokenErrorCode.EndpointError,
]);

export const isTokenRefusal = (error: TokenError): boolean => !TRANSIENT.has(error.code);

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

const byUrgency = (a: CredentialWarning, b: CredentialWarning): number =>
  SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
  a.credentialName.localeCompare(b.credentialName) ||
  a.kind.localeCompare(b.kind);

const sameWarning = (a: StoredWarning, b: StoredWarning): boolean =>
  a.credentialId === b.credentialId && a.kind === b.kind && a.date === b.date && a.code === b.code;

/** Whether recorded news still says something true about the credential as it is now. */
const stillNews = (warning: StoredWarning, credential: StoredCredential | undefined, now: number): boolean => {
  if (credential === undefined || EXPIRY_KINDS.has(warning.kind)) return false;
  const recordedAt = Date.parse(warning.recordedAt);
  const after = (at: string | undefined) => at !== undefined && Date.parse(at) > recordedAt;
  if (AUTHORIZATION_KINDS.has(warning.kind)) {
    // Holds, however old, until a new sign-in, an edit or a passing test: the daily check renews or clears it.
    return (
      credential.grantType === 'authorization_code' &&
      !after(credential.authorization?.authorizedAt) &&
      !after(credential.updatedAt) &&
      !(credential.lastTest?.ok === true && after(credential.lastTest.testedAt))
    );
  }
  if (now - recordedAt > NEWS_DAYS * DAY_MS) return false;
  if (warning.kind !== 'token-refused') return true;
  // A refusal is resolved once the credential was edited, a later test passed or the next secret took over.
  return !(
    after(credential.updatedAt) ||
    (credential.lastTest?.ok === true && after(credential.lastTest.testedAt)) ||
    after(credential.lastRotation?.promotedAt)
  );
};

export const createWarningService = (deps: WarningServiceDeps): WarningService => {
  const timestamp = (): string => new Date(deps.now()).toISOString();

  /** Expiry as of now, keeping when each warning was first recorded; then the news still worth showing. */
  const current = async (stored: StoredWarnings): Promise<{ warnings: StoredWarning[]; credentials: number }> => {
    const now = deps.now();
    const credentials = await deps.listCredentials();
    const byId = new Map(credentials.map((credential) => [credential.id, credential]));
    const expiry = credentials.flatMap((credential) =>
      expiryWarnings(credential, now).map((warning) => {
        const earlier = stored.warnings.find((old) => sameWarning(old, warning));
        return earlier === undefined ? warning : { ...warning, recordedAt: earlier.recordedAt };
      }),
    );
    const news = stored.warnings
      .filter((warning) => stillNews(warning, byId.get(warning.credentialId), now))
      .map((warning) => ({
        ...warning,
        credentialName: byId.get(warning.credentialId)?.name ?? warning.credentialName,
      }));
    return { warnings: [...expiry, ...news].sort(byUrgency), credentials: credentials.length };
  };

  const addNews = async (warning: StoredWarning): Promise<void> => {
    const stored = await deps.store.read();
    if (stored.warnings.some((old) => sameWarning(old, warning))) return;
    const kept = stored.warnings.slice(-(MAX_NEWS - 1));
    await deps.store.write({ ...stored, warnings: [...kept, warning] });
  };

  /** A credential's authorization warning in place of its earlier ones; the first sighting's time is kept. */
  const replaceAuthorizationWarning = async (credential: StoredCredential, warning: StoredWarning | undefined) => {
    const stored = await deps.store.read();
    const mine = (old: StoredWarning) => AUTHORIZATION_KINDS.has(old.kind) && old.credentialId === credential.id;
    const earlier =
      warning === undefined ? undefined : stored.warnings.find((old) => mine(old) && sameWarning(old, warning));
    if (warning === undefined && !stored.warnings.some(mine)) return;
    const kept = stored.warnings.filter((old) => !mine(old)).slice(-(MAX_NEWS - 1));
    const added =
      warning === undefined ? [] : [earlier === undefined ? warning : { ...warning, recordedAt: earlier.recordedAt }];
    await deps.store.write({ ...stored, warnings: [...kept, ...added] });
  };

  /** A token refusal replaces the credential's earlier one, unless the same refusal is still open. */
  const recordRefusal = async (
    credential: StoredCredential,
    code: string,
    words: (now: number) => { message: string; date: string | undefined },
  ): Promise<void> => {
    const stored = await deps.store.read();
    const now = deps.now();
    const open = stored.warnings.some(
      (old) =>
        old.kind === 'token-refused' &&
        old.credentialId === credential.id &&
        old.code === code &&
        stillNews(old, credential, now),
    );
    if (open) return;
    const { message, date } = words(now);
    const kept = stored.warnings.filter((old) => !(old.kind === 'token-refused' && old.credentialId === credential.id));
    await deps.store.write({
      ...stored,
      warnings: [
        ...kept.slice(-(MAX_NEWS - 1)),
        {
          credentialId: credential.id,
          credentialName: credential.name,
          kind: 'token-refused',
          severity: 'error',
          message,
          ...(date === undefined ? {} : { date }),
          recordedAt: timestamp(),
          code,
        },
      ],
    });
  };

  return {
    list: async () => {
      const stored = await deps.store.read();
      const { warnings } = await current(stored);
      return toAdminWarnings({ warnings, ...(stored.checkedAt === undefined ? {} : { checkedAt: stored.checkedAt }) });
    },

    runDailyCheck: async () => {
      const stored = await deps.store.read();
      const { warnings, credentials } = await current(stored);
      await deps.store.write({ warnings, checkedAt: timestamp() });
      return { credentials, warnings: warnings.length };
    },

    recordPromotion: async (credential) => {
      const reason = credential.lastRotation?.reason === 'invalid' ? 'as invalid' : 'as expired';
      await addNews({
        credentialId: credential.id,
        credentialName: credential.name,
        kind: 'secret-promoted',
        severity: 'info',
        message:
          `Microsoft refused the client secret ${reason}, so the next secret took over and mail keeps going out. ` +
          'Delete the old secret in Certificates & secrets, and add a new next secret before this one expires.',
        ...(credential.secretExpiresOn === undefined ? {} : { date: credential.secretExpiresOn }),
        recordedAt: credential.lastRotation?.promotedAt ?? timestamp(),
      });
    },

    recordTokenRefused: async (credential, error) => {
      if (!isTokenRefusal(error)) return;
      await recordRefusal(credential, error.code, (now) => {
        const guidance = tokenErrorGuidance(error, { secretExpiresOn: credential.secretExpiresOn, now });
        // The typed date is the admin's note: it names the expiry only when it does not contradict Microsoft.
        const typedDateHolds =
          credential.secretExpiresOn !== undefined && !typedDateSaysValid(credential.secretExpiresOn, now);
        return {
          message: `Mail could not go out: Microsoft refused Issue Mailer's token request. ${guidance}`,
          date: error.aadstsCode === 7000222 && typedDateHolds ? credential.secretExpiresOn : undefined,
        };
      });
    },

    recordServiceTokenRefused: async (credential, refusal) => {
      if (refusal.transient) return;
      await recordRefusal(credential, refusal.code, () => ({ message: refusal.message, date: undefined }));
    },

    recordAuthorizationRefused: async (credential, error) => {
      if (!needsAuthorizeAgain(error.code)) return;
      const stored = await deps.store.read();
      const now = deps.now();
      const open = stored.warnings.some(
        (old) =>
          old.kind === 'authorization-lost' &&
          old.credentialId === credential.id &&
          old.code === error.code &&
          stillNews(old, credential, now),
      );
      if (open) return;
      await replaceAuthorizationWarning(credential, authorizationLostWarning(credential, error, now));
    },

    recordAuthorizationWatch: async (credential, watched) => {
      if (watched.outcome === 'refresh-failed' && watched.warning === undefined) return;
      await replaceAuthorizationWarning(credential, watched.outcome === 'refresh-failed' ? watched.warning : undefined);
    },
  };
};

import type { CredentialTraffic, CredentialView } from '../contract/credentials';
import { validateAccepted, validateRefused } from '../generated/traffic';
import { type StandaloneValidate, standaloneValidator } from '../shared/validator';
import { credentialRefusedKey, credentialSentKey } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';

/** How long an outcome already recorded by this process counts as unchanged: the list shows it to the minute. */
export const TRAFFIC_QUIET_MS = 10 * 60 * 1000;
/** Refusal messages are clipped: the email log holds the whole story. */
const MAX_REASON = 200;

/** Only the admin page reads the outcomes (traffic-schema.ts); the worker writes them without a check. */
const readAccepted = standaloneValidator<{ at: string }>(validateAccepted as StandaloneValidate);
const readRefused = standaloneValidator<{ at: string; code: string; message: string }>(
  validateRefused as StandaloneValidate,
);

export interface TrafficHealth {
  /** Microsoft 365 accepted an email sent with this credential (202). */
  recordAccepted: (credentialId: string, at: number) => Promise<void>;
  /** Microsoft 365 or the token endpoint refused one for good; `error` is the log's safe code and message. */
  recordRefused: (credentialId: string, at: number, error: { code: string; message: string }) => Promise<void>;
  read: (credentialId: string) => Promise<CredentialTraffic>;
}

/** What this process last wrote per credential and outcome: `${id}|accepted` or `${id}|refused` to time and code. */
export type TrafficMemo = Map<string, { at: number; code?: string }>;
const processTrafficMemo: TrafficMemo = new Map();

/**
 * Health from real traffic, kept cheap for the outbox's storage budget (at most 12 kvs operations per email): each
 * delivery outcome costs at most one blind `set` (no read: accepted and refused live under keys of their own, so
 * neither write can lose the other), and none when this warm process wrote the same outcome (and, for a refusal,
 * the same code) for the credential less than TRAFFIC_QUIET_MS ago: a burst of sends writes once.
 */
export const createTrafficHealth = (kv: KvStore, memo: TrafficMemo = processTrafficMemo): TrafficHealth => {
  const unchanged = (key: string, at: number, code?: string): boolean => {
    const last = memo.get(key);
    return last !== undefined && last.code === code && at - last.at >= 0 && at - last.at < TRAFFIC_QUIET_MS;
  };
  return {
    recordAccepted: async (credentialId, at) => {
      const key = `${credentialId}|accepted`;
      if (unchanged(key, at)) return;
      await kv.set(credentialSentKey(credentialId), { at: new Date(at).toISOString() });
      memo.set(key, { at });
    },
    recordRefused: async (credentialId, at, error) => {
      const key = `${credentialId}|refused`;
      if (unchanged(key, at, error.code)) return;
      const message =
        error.message.length > MAX_REASON ? `${error.message.slice(0, MAX_REASON - 1)}\u2026` : error.message;
      await kv.set(credentialRefusedKey(credentialId), { at: new Date(at).toISOString(), code: error.code, message });
      memo.set(key, { at, code: error.code });
    },
    read: async (credentialId) => {
      const [accepted, refused] = await Promise.all([
        kv.get(credentialSentKey(credentialId)),
        kv.get(credentialRefusedKey(credentialId)),
      ]);
      const lastAccepted = readAccepted(accepted);
      const lastRefused = readRefused(refused);
      return {
        ...(lastAccepted.ok ? { lastAccepted: lastAccepted.value } : {}),
        ...(lastRefused.ok ? { lastRefused: lastRefused.value } : {}),
      };
    },
  };
};

/** The credential list with each one's traffic beside its last connection test: two reads per credential. */
export const withTraffic = async (
  list: CredentialView[],
  traffic: Pick<TrafficHealth, 'read'> | undefined,
): Promise<CredentialView[]> =>
  traffic === undefined
    ? list
    : Promise.all(
        list.map(async (credential) => {
          const seen = await traffic.read(credential.id);
          return seen.lastAccepted === undefined && seen.lastRefused === undefined
            ? credential
            : { ...credential, traffic: seen };
        }),
      );

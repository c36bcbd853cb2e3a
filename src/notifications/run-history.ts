import * as z from 'zod/mini';

import { NOTIFICATION_EVENTS, RULE_HISTORY_LIMIT, type RuleRun } from '../contract/notification-rules';
import { NOTIFICATION_RULE_HISTORY_PREFIX, notificationRuleHistoryKey } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';

/** A rule's history in one storage entry: its last runs (newest first) and how often it has sent. */
export interface RuleHistory {
  runs: RuleRun[];
  firedCount: number;
  lastFiredAt?: string;
}

export interface RunHistoryStore {
  /** Adds a run: one read and one write of the rule's entry. A lost update under concurrency drops a run, no more. */
  record: (ruleId: string, run: RuleRun) => Promise<void>;
  read: (ruleId: string) => Promise<RuleHistory>;
  /** Every rule's history in one query, by rule id (for the firing counts of the rule list). */
  readAll: () => Promise<Map<string, RuleHistory>>;
  delete: (ruleId: string) => Promise<void>;
}

const runSchema = z.object({
  at: z.string(),
  event: z.enum(NOTIFICATION_EVENTS),
  issueKey: z.string(),
  outcome: z.enum(['fired', 'skipped', 'failed']),
  reason: z.string(),
  emailId: z.optional(z.string()),
});
const historySchema = z.object({
  runs: z.array(runSchema),
  firedCount: z.int().check(z.nonnegative()),
  lastFiredAt: z.optional(z.string()),
});

const EMPTY: RuleHistory = { runs: [], firedCount: 0 };

/** An entry this version cannot read starts over: a history is a convenience, never a reason to fail a rule. */
const parse = (value: unknown): RuleHistory => {
  const parsed = historySchema.safeParse(value);
  if (!parsed.success) return { ...EMPTY, runs: [] };
  const { lastFiredAt, ...rest } = parsed.data;
  return {
    ...rest,
    runs: rest.runs.map(({ emailId, ...run }) => (emailId === undefined ? run : { ...run, emailId })),
    ...(lastFiredAt === undefined ? {} : { lastFiredAt }),
  };
};

export const createRunHistoryStore = (store: KvStore, limit = RULE_HISTORY_LIMIT): RunHistoryStore => ({
  record: async (ruleId, run) => {
    const key = notificationRuleHistoryKey(ruleId);
    const current = parse(await store.get(key));
    const fired = run.outcome === 'fired';
    const next: RuleHistory = {
      runs: [run, ...current.runs].slice(0, limit),
      firedCount: current.firedCount + (fired ? 1 : 0),
      ...(fired
        ? { lastFiredAt: run.at }
        : current.lastFiredAt === undefined
          ? {}
          : { lastFiredAt: current.lastFiredAt }),
    };
    await store.set(key, next);
  },
  read: async (ruleId) => parse(await store.get(notificationRuleHistoryKey(ruleId))),
  readAll: async () => {
    const entries = await store.listByPrefix(NOTIFICATION_RULE_HISTORY_PREFIX);
    return new Map(entries.map(({ key, value }) => [key.slice(NOTIFICATION_RULE_HISTORY_PREFIX.length), parse(value)]));
  },
  delete: (ruleId) => store.delete(notificationRuleHistoryKey(ruleId)),
});

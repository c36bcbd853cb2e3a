import * as z from 'zod/mini';

import { NOTIFICATION_EVENTS, type NotificationRuleView, RECIPIENT_ROLES } from '../contract/notification-rules';
import { NOTIFICATION_RULE_PREFIX, notificationRuleKey } from '../storage/keys';
import type { KvStore } from '../storage/kv-store';

export interface RuleStore {
  /** Oldest first; an entry this version cannot read is skipped (and logged), never fired. */
  list: () => Promise<NotificationRuleView[]>;
  get: (id: string) => Promise<NotificationRuleView | undefined>;
  put: (rule: NotificationRuleView) => Promise<void>;
  delete: (id: string) => Promise<void>;
}

const storedRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  event: z.enum(NOTIFICATION_EVENTS),
  toStatus: z.optional(z.string()),
  fieldId: z.optional(z.string()),
  projectKeys: z.array(z.string()),
  jql: z.optional(z.string()),
  templateId: z.string(),
  recipients: z.object({ addresses: z.array(z.string()), roles: z.array(z.enum(RECIPIENT_ROLES)) }),
  credentialId: z.optional(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastFiredAt: z.optional(z.string()),
  firedCount: z.int().check(z.nonnegative()),
});

const toView = (data: z.output<typeof storedRuleSchema>): NotificationRuleView => {
  const { toStatus, fieldId, jql, credentialId, lastFiredAt, ...rest } = data;
  return {
    ...rest,
    ...(toStatus === undefined ? {} : { toStatus }),
    ...(fieldId === undefined ? {} : { fieldId }),
    ...(jql === undefined ? {} : { jql }),
    ...(credentialId === undefined ? {} : { credentialId }),
    ...(lastFiredAt === undefined ? {} : { lastFiredAt }),
  };
};

/** Notification rules in plain storage, one entry each. */
export const createRuleStore = (store: KvStore, log: (line: string) => void = () => undefined): RuleStore => {
  const parse = (key: string, value: unknown): NotificationRuleView | undefined => {
    const parsed = storedRuleSchema.safeParse(value);
    if (parsed.success) return toView(parsed.data);
    log(`notification rule ${key} is unreadable and is skipped`);
    return undefined;
  };
  return {
    list: async () => {
      const entries = await store.listByPrefix(NOTIFICATION_RULE_PREFIX);
      return entries
        .flatMap(({ key, value }) => {
          const rule = parse(key, value);
          return rule === undefined ? [] : [rule];
        })
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },
    get: async (id) => {
      const value = await store.get(notificationRuleKey(id));
      return value === undefined ? undefined : parse(id, value);
    },
    put: (rule) => store.set(notificationRuleKey(rule.id), rule),
    delete: (id) => store.delete(notificationRuleKey(id)),
  };
};

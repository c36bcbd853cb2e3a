import { validateSubscriptionRecord as generated } from '../../generated/incoming-subscription';
import { type StandaloneValidate, standaloneValidator, type Validator } from '../../shared/validator';
import { incomingSubscriptionKey } from '../../storage/keys';
import type { KvStore } from '../../storage/kv-store';
import type { SubscriptionRecord } from './subscription-record-schema';

const validateSubscriptionRecord: Validator<SubscriptionRecord> = standaloneValidator<SubscriptionRecord>(
  generated as StandaloneValidate,
);

/** The subscriptions the app made, by the mail service's id: what the web trigger checks each notification against. */
export interface SubscriptionRegistry {
  get: (subscriptionId: string) => Promise<SubscriptionRecord | undefined>;
  put: (record: SubscriptionRecord) => Promise<void>;
  delete: (subscriptionId: string) => Promise<void>;
}

/** Subscription ids are GUIDs (Graph's); anything else cannot be one of ours, and must not become a storage key. */
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export const createSubscriptionRegistry = (store: KvStore): SubscriptionRegistry => ({
  get: async (subscriptionId) => {
    if (!GUID.test(subscriptionId)) return undefined;
    const value = await store.get(incomingSubscriptionKey(subscriptionId));
    if (value === undefined || value === null) return undefined;
    const parsed = validateSubscriptionRecord(value);
    // An entry this release cannot read cannot vouch for a notification.
    return parsed.ok ? parsed.value : undefined;
  },
  put: (record) => store.set(incomingSubscriptionKey(record.subscriptionId), record),
  delete: (subscriptionId) => store.delete(incomingSubscriptionKey(subscriptionId)),
});

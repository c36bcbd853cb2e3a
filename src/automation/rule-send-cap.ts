import { kvs as forgeKvs } from '@forge/kvs';

import { sha256Hex } from '../shared/sha256-hex';
import { StorageError } from '../storage/errors';
import { automationSendKey } from '../storage/keys';
import type { ActionInputs } from './action-inputs';

/** How many emails one Automation rule may send about one issue in any hour. */
export const RULE_EMAILS_PER_ISSUE_PER_HOUR = 5;

/**
 * What stands for "the rule". Automation invokes an action's function with its configured inputs only
 * (https://developer.atlassian.com/platform/forge/manifest-reference/modules/automation-action/: "your Forge
 * function is invoked with the configured inputs"); no rule id reaches it. So a rule is its configuration: the
 * recipients, template and mailbox it names. The issue key and the message are left out: the first is the event's
 * issue, the second often carries per-event smart values ({{comment.body}}), which would make each run of a
 * looping rule look like a new rule.
 */
export const ruleKeyOf = (inputs: Pick<ActionInputs, 'addresses' | 'roles' | 'template' | 'mailbox'>): string =>
  sha256Hex(
    JSON.stringify([
      [...inputs.addresses.map((address) => address.toLowerCase())].sort(),
      [...inputs.roles].sort(),
      inputs.template?.toLowerCase() ?? '',
      inputs.mailbox?.toLowerCase() ?? '',
    ]),
  );

/** Lets a rule send an issue at most `limit` emails in any hour. */
export interface RuleSendCap {
  /** A slot for one more email, or undefined when the rule has used every slot of the last hour. */
  claim: (issueId: string, ruleKey: string) => Promise<number | undefined>;
  /** Gives a slot back when the email could not be queued after all. */
  release: (issueId: string, ruleKey: string, slot: number) => Promise<void>;
}

type CapKvs = Pick<typeof forgeKvs, 'set' | 'delete'>;

const slotKey = (issueId: string, ruleKey: string, slot: number): string =>
  automationSendKey(sha256Hex(`${issueId}\n${ruleKey}`), slot);

const isConflict = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { responseDetails?: { status?: unknown } }).responseDetails?.status === 409;

/**
 * On Forge storage: each email takes one of `limit` slots with a FAIL_IF_EXISTS write that expires after an hour
 * (ttl and keyPolicy of `kvs.set`, https://developer.atlassian.com/platform/forge/storage-reference/kvs-api/), so
 * two runs at once cannot take the same slot and the marks clean themselves up.
 */
export const createRuleSendCap = (
  client: CapKvs = forgeKvs,
  limit: number = RULE_EMAILS_PER_ISSUE_PER_HOUR,
): RuleSendCap => ({
  claim: async (issueId, ruleKey) => {
    for (let slot = 0; slot < limit; slot += 1) {
      const key = slotKey(issueId, ruleKey, slot);
      try {
        await client.set(
          key,
          { at: new Date().toISOString() },
          { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 1, unit: 'HOURS' } },
        );
        return slot;
      } catch (error) {
        if (!isConflict(error)) throw new StorageError('set', key, error);
      }
    }
    return undefined;
  },
  release: async (issueId, ruleKey, slot) => {
    const key = slotKey(issueId, ruleKey, slot);
    try {
      await client.delete(key);
    } catch (error) {
      throw new StorageError('delete', key, error);
    }
  },
});

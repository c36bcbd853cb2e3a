/** Shared by the notify-*.test.ts files: notifyRules' world in memory and three rules. */
import type { NotificationRuleView } from '../../../src/contract/notification-rules';
import type { Recipient } from '../../../src/mail/recipients';
import type { NotifyDeps } from '../../../src/notifications/notify';
import type { OnceGuard } from '../../../src/notifications/once-guard';
import { createRuleStore } from '../../../src/notifications/rule-store';
import { createRunHistoryStore } from '../../../src/notifications/run-history';
import { MemoryKvStore } from '../support/memory-kv-store';
import { noRoles, ruleView } from './notification-fixtures';

export const NOW = Date.parse('2024-05-06T06:00:00Z');

export interface QueueCall {
  ruleId: string;
  eventId: string;
  /** The addresses the email goes to. */
  to: string[];
}

/** notifyRules over rules in memory, a once guard keeping claims in a Set, and fakes for Jira and the outbox. */
export const notifyWorld = async (rules: NotificationRuleView[]) => {
  const kv = new MemoryKvStore();
  const store = createRuleStore(kv);
  for (const rule of rules) await store.put(rule);
  const claims = new Set<string>();
  const world = {
    kv,
    store,
    claims,
    clock: { now: NOW },
    /** What Jira answers to "does the issue match this JQL": a boolean, or an error thrown. */
    jql: (_jql: string): boolean | Error => true,
    jqlCalls: [] as Array<[string, string]>,
    roles: noRoles(),
    rolesCalls: [] as string[],
    queued: [] as QueueCall[],
    /** The recipients as queued, for what the records may show of them. */
    recipients: [] as Recipient[][],
    /** What Jira's Email API answers (as the app), by account id. */
    userEmails: new Map<string, string>(),
    emailCalls: [] as string[][],
    /** Rules whose next queue call throws this error. */
    queueFailures: new Map<string, Error>(),
    logLines: [] as string[],
  };
  const once: OnceGuard = {
    claim: async (ruleId, eventId) => {
      const key = `${ruleId} ${eventId}`;
      if (claims.has(key)) return false;
      claims.add(key);
      return true;
    },
    release: async (ruleId, eventId) => {
      claims.delete(`${ruleId} ${eventId}`);
    },
  };
  const history = createRunHistoryStore(kv);
  const deps: NotifyDeps = {
    rules: store,
    history,
    once,
    matchesJql: async (issueKey, jql) => {
      world.jqlCalls.push([issueKey, jql]);
      const answer = world.jql(jql);
      if (answer instanceof Error) throw answer;
      return answer;
    },
    issueRef: async () => undefined,
    readRoles: async (issueKey) => {
      world.rolesCalls.push(issueKey);
      return world.roles;
    },
    readUserEmails: async (accountIds) => {
      world.emailCalls.push([...accountIds]);
      return new Map([...world.userEmails].filter(([accountId]) => accountIds.includes(accountId)));
    },
    queue: async (rule, fact, to) => {
      const failure = world.queueFailures.get(rule.id);
      if (failure !== undefined) {
        world.queueFailures.delete(rule.id);
        throw failure;
      }
      world.queued.push({ ruleId: rule.id, eventId: fact.eventId, to: to.map((recipient) => recipient.address) });
      world.recipients.push([...to]);
      return { emailId: `email-${world.queued.length}` };
    },
    log: (line) => world.logLines.push(line),
    now: () => world.clock.now,
  };
  return { ...world, deps, world, history };
};

export const intake = ruleView({ id: 'rule-1' });
export const team = ruleView({
  id: 'rule-2',
  name: 'Team',
  recipients: { addresses: ['team@example.com'], roles: [] },
  createdAt: '2024-05-02T00:00:00.000Z',
});
export const ops = ruleView({ id: 'rule-3', projectKeys: ['OPS'], createdAt: '2024-05-03T00:00:00.000Z' });

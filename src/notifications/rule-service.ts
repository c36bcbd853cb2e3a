import { MAX_RULES, type NotificationRule, type NotificationRuleView } from '../contract/notification-rules';
import type { Clock } from '../shared/seams';
import { RuleInvalidError, RuleNotFoundError, TooManyRulesError } from './errors';
import type { RuleStore } from './rule-store';

export interface RuleServiceDeps {
  store: RuleStore;
  templateIds(): Promise<string[]>;
  credentialIds(): Promise<string[]>;
  /** Whether Jira accepts the JQL, asked as the admin. */
  isValidJql(jql: string): Promise<boolean>;
  now: Clock;
  newId(): string;
}

export interface RuleService {
  list(): Promise<NotificationRuleView[]>;
  /** Creates (no id) or replaces a rule, after checking that what it names exists. */
  save(input: Omit<NotificationRule, 'id'> & { id?: string }): Promise<NotificationRuleView>;
  delete(id: string): Promise<{ id: string }>;
}

/** Only what a rule means: no JQL and an empty one are the same, and a status only for transitions. */
const normalise = (input: Omit<NotificationRule, 'id'>): Omit<NotificationRule, 'id'> => {
  const { toStatus, jql, credentialId, ...rest } = input;
  return {
    ...rest,
    projectKeys: [...new Set(input.projectKeys)],
    recipients: { addresses: [...new Set(input.recipients.addresses)], roles: [...new Set(input.recipients.roles)] },
    ...(input.event === 'issue-transitioned' && toStatus !== undefined && toStatus !== '' ? { toStatus } : {}),
    ...(jql !== undefined && jql !== '' ? { jql } : {}),
    ...(credentialId !== undefined ? { credentialId } : {}),
  };
};

export const createRuleService = (deps: RuleServiceDeps): RuleService => ({
  list: () => deps.store.list(),

  async save(input) {
    const rule = normalise(input);
    const [templateIds, credentialIds] = await Promise.all([deps.templateIds(), deps.credentialIds()]);
    const fieldErrors: Record<string, string> = {};
    if (!templateIds.includes(rule.templateId)) fieldErrors.templateId = 'That template no longer exists. Choose another.';
    if (rule.credentialId !== undefined && !credentialIds.includes(rule.credentialId)) {
      fieldErrors.credentialId = 'That credential no longer exists. Choose another mailbox.';
    }
    if (rule.jql !== undefined && !(await deps.isValidJql(rule.jql))) {
      fieldErrors.jql = "Jira could not read this JQL. Check it in Jira's issue search.";
    }
    if (Object.keys(fieldErrors).length > 0) throw new RuleInvalidError(fieldErrors);

    const now = new Date(deps.now()).toISOString();
    const existing = input.id === undefined ? undefined : await deps.store.get(input.id);
    if (input.id !== undefined && existing === undefined) throw new RuleNotFoundError(input.id);
    if (existing === undefined && (await deps.store.list()).length >= MAX_RULES) throw new TooManyRulesError(MAX_RULES);
    const view: NotificationRuleView = {
      ...rule,
      id: existing?.id ?? deps.newId(),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      firedCount: existing?.firedCount ?? 0,
      ...(existing?.lastFiredAt === undefined ? {} : { lastFiredAt: existing.lastFiredAt }),
    };
    await deps.store.put(view);
    return view;
  },

  async delete(id) {
    if ((await deps.store.get(id)) === undefined) throw new RuleNotFoundError(id);
    await deps.store.delete(id);
    return { id };
  },
});

import {
  MAX_RULES,
  type NotificationRule,
  type NotificationRuleView,
  type RuleRun,
} from '../contract/notification-rules';
import { safeErrorLabel } from '../shared/error-names';
import type { Clock } from '../shared/seams';
import { RuleInvalidError, RuleNotFoundError, TooManyRulesError } from './errors';
import type { RuleStore } from './rule-store';
import type { RuleHistory, RunHistoryStore } from './run-history';

export interface RuleServiceDeps {
  store: RuleStore;
  history: RunHistoryStore;
  templateIds: () => Promise<string[]>;
  credentialIds: () => Promise<string[]>;
  /** Whether Jira accepts the JQL, asked as the admin. */
  isValidJql: (jql: string) => Promise<boolean>;
  /** Which of these projects the app's own Jira account can see: rules read issues as the app. */
  appSees: (projectKeys: readonly string[]) => Promise<Set<string>>;
  log: (line: string) => void;
  now: Clock;
  newId: () => string;
}

export interface RuleService {
  list: () => Promise<NotificationRuleView[]>;
  /** Creates (no id) or replaces a rule, after checking that what it names exists. */
  save: (input: Omit<NotificationRule, 'id'> & { id?: string }) => Promise<NotificationRuleView>;
  delete: (id: string) => Promise<{ id: string }>;
  /** The rule's last runs, newest first. */
  history: (id: string) => Promise<RuleRun[]>;
}

/** Firings are counted in the rule's history (one write a run); a count stored on the rule before that adds to it. */
const withFirings = (rule: NotificationRuleView, history: RuleHistory | undefined): NotificationRuleView => {
  if (history === undefined || history.firedCount === 0) return rule;
  const last = [rule.lastFiredAt, history.lastFiredAt]
    .filter((at): at is string => at !== undefined)
    .sort()
    .at(-1);
  return {
    ...rule,
    firedCount: rule.firedCount + history.firedCount,
    ...(last === undefined ? {} : { lastFiredAt: last }),
  };
};

/** Only what a rule means: no JQL and an empty one are the same, a status only for transitions, a field only for field changes. */
const normalise = (input: Omit<NotificationRule, 'id'>): Omit<NotificationRule, 'id'> => {
  const { toStatus, fieldId, jql, credentialId, ...rest } = input;
  return {
    ...rest,
    projectKeys: [...new Set(input.projectKeys)],
    recipients: { addresses: [...new Set(input.recipients.addresses)], roles: [...new Set(input.recipients.roles)] },
    ...(input.event === 'issue-transitioned' && toStatus !== undefined && toStatus !== '' ? { toStatus } : {}),
    ...(input.event === 'field-changed' && fieldId !== undefined ? { fieldId } : {}),
    ...(jql !== undefined && jql !== '' ? { jql } : {}),
    ...(credentialId !== undefined ? { credentialId } : {}),
  };
};

/**
 * A rule reads its issue as the app (a trigger runs with no user), so in a project the app's own account cannot
 * see it sends nothing: said on the admin page, with what to grant.
 */
export const unseenProjectWarning = (projectKey: string): string =>
  `Issue Mailer's own Jira account cannot see project ${projectKey}, so this rule sends nothing for ${projectKey} issues. ` +
  `Grant the atlassian-addons-project-access role Browse projects in ${projectKey}'s permission scheme.`;

const withWarnings = async (rules: NotificationRuleView[], deps: RuleServiceDeps): Promise<NotificationRuleView[]> => {
  if (rules.length === 0) return rules;
  let seen: Set<string>;
  try {
    seen = await deps.appSees(rules.flatMap((rule) => rule.projectKeys));
  } catch (error) {
    // The list matters more than its warnings.
    deps.log(`notification rules: could not check the projects the app can see (${safeErrorLabel(error)})`);
    return rules;
  }
  return rules.map((rule) => {
    const warnings = rule.projectKeys.filter((key) => !seen.has(key)).map(unseenProjectWarning);
    return warnings.length === 0 ? rule : { ...rule, warnings };
  });
};

export const createRuleService = (deps: RuleServiceDeps): RuleService => ({
  list: async () => {
    const [rules, histories] = await Promise.all([deps.store.list(), deps.history.readAll()]);
    return withWarnings(
      rules.map((rule) => withFirings(rule, histories.get(rule.id))),
      deps,
    );
  },

  save: async (input) => {
    const rule = normalise(input);
    const [templateIds, credentialIds] = await Promise.all([deps.templateIds(), deps.credentialIds()]);
    const fieldErrors: Record<string, string> = {};
    if (!templateIds.includes(rule.templateId))
      fieldErrors.templateId = 'That template no longer exists. Choose another.';
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

  delete: async (id) => {
    if ((await deps.store.get(id)) === undefined) throw new RuleNotFoundError(id);
    await deps.store.delete(id);
    await deps.history.delete(id);
    return { id };
  },

  history: async (id) => {
    if ((await deps.store.get(id)) === undefined) throw new RuleNotFoundError(id);
    return (await deps.history.read(id)).runs;
  },
});

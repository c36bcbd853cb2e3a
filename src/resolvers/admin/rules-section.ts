import type { AdminDeps } from '../../composition/admin-deps';
import { notificationRuleInputSchema, ruleIdSchema, tryRuleSchema } from '../../contract/notification-rules';
import { resolverFunction } from '../resolver-kit';
import { adminOnly, type AdminSection, noPayload } from './admin-section';

export type RulesSectionDeps = Pick<AdminDeps, 'requestJira' | 'notifications'>;

type RulesSection = AdminSection<
  | 'listNotificationRules'
  | 'saveNotificationRule'
  | 'deleteNotificationRule'
  | 'listStatuses'
  | 'getNotificationRuleHistory'
  | 'tryNotificationRule'
  | 'listJiraFields',
  'rules' | 'statuses' | 'jiraFields'
>;

/** The notification rules tab, with Jira's statuses and fields its rules name. */
export const rulesSection = (deps: RulesSectionDeps): RulesSection => {
  const admin = adminOnly(deps.requestJira);
  const notifications = deps.notifications;
  const readers: RulesSection['readers'] = {
    rules: () => notifications.rules.list(),
    statuses: () => notifications.listStatuses(),
    jiraFields: () => notifications.listFields(),
  };
  return {
    readers,
    functions: {
      listNotificationRules: resolverFunction({
        ...admin,
        name: 'listNotificationRules',
        schema: noPayload,
        run: () => readers.rules(),
      }),
      saveNotificationRule: resolverFunction({
        ...admin,
        name: 'saveNotificationRule',
        schema: notificationRuleInputSchema,
        run: (rule) => notifications.rules.save(rule),
      }),
      deleteNotificationRule: resolverFunction({
        ...admin,
        name: 'deleteNotificationRule',
        schema: ruleIdSchema,
        run: ({ id }) => notifications.rules.delete(id),
      }),
      listStatuses: resolverFunction({
        ...admin,
        name: 'listStatuses',
        schema: noPayload,
        run: () => readers.statuses(),
      }),
      getNotificationRuleHistory: resolverFunction({
        ...admin,
        name: 'getNotificationRuleHistory',
        schema: ruleIdSchema,
        run: ({ id }) => notifications.rules.history(id),
      }),
      tryNotificationRule: resolverFunction({
        ...admin,
        name: 'tryNotificationRule',
        schema: tryRuleSchema,
        run: ({ id, issueKey }) => notifications.tryRule(id, issueKey),
      }),
      listJiraFields: resolverFunction({
        ...admin,
        name: 'listJiraFields',
        schema: noPayload,
        run: () => readers.jiraFields(),
      }),
    },
  };
};

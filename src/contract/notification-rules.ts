import * as z from 'zod/mini';

import { CREDENTIAL_ID_PATTERN } from './credential-kinds';
import { parseEmailAddress } from './email-address';
import { RECIPIENT_ROLES } from './recipient-roles';
import { TEMPLATE_ID_PATTERN } from './templates';

/** What a notification rule listens for. */
export const NOTIFICATION_EVENTS = [
  'issue-created',
  'issue-commented',
  'issue-transitioned',
  'issue-assigned',
  'issue-resolved',
  'priority-changed',
  'field-changed',
  'attachment-added',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** People of the issue a rule (or an Automation action) can name instead of an address. */
export { RECIPIENT_ROLES, type RecipientRole } from './recipient-roles';

export const MAX_RULES = 100;

/** A Jira field id as GET /rest/api/3/field lists them: system ids (`labels`) and `customfield_<n>`. */
export const FIELD_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_.-]{0,99}$/;

/** A field an admin can pick for "a chosen field changed" (Jira's field list, GET /rest/api/3/field). */
export interface JiraFieldRef {
  id: string;
  name: string;
}
export const MAX_RULE_ADDRESSES = 100;

const address = z.string().check(
  z.trim(),
  z.refine((value) => parseEmailAddress(value).ok, { error: 'Enter valid email addresses.' }),
);

/**
 * One notification rule: "on <event> in <projects> (matching <jql>), email <template> to <recipients> from
 * <credential's mailbox>". `toStatus` names the status for `issue-transitioned` (any status when absent).
 */
export const notificationRuleInputSchema = z
  .strictObject({
    /** Absent for a new rule. */
    id: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, 'Not a rule id.'))),
    name: z
      .string()
      .check(z.trim(), z.minLength(1, 'Name the rule.'), z.maxLength(100, 'Keep the name under 100 characters.')),
    enabled: z.boolean(),
    event: z.enum(NOTIFICATION_EVENTS, 'Choose when the rule sends.'),
    toStatus: z.optional(
      z.string().check(z.trim(), z.minLength(1), z.maxLength(255, 'Keep the status under 255 characters.')),
    ),
    /** The Jira field (its id, e.g. `labels` or `customfield_10010`) whose change a `field-changed` rule answers. */
    fieldId: z.optional(z.string().check(z.regex(FIELD_ID_PATTERN, 'Choose a field.'))),
    projectKeys: z
      .array(z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'Not a project key.')))
      .check(z.minLength(1, 'Choose at least one project.'), z.maxLength(50, 'Choose at most 50 projects.')),
    /** Only issues this JQL matches (checked by Jira when the event comes). */
    jql: z.optional(z.string().check(z.trim(), z.maxLength(2000, 'Keep the JQL under 2,000 characters.'))),
    templateId: z
      .string()
      .check(z.minLength(1, 'Choose a template.'), z.regex(TEMPLATE_ID_PATTERN, 'Not a template id.')),
    recipients: z.strictObject({
      addresses: z
        .array(address)
        .check(z.maxLength(MAX_RULE_ADDRESSES, `Add at most ${MAX_RULE_ADDRESSES} addresses.`)),
      roles: z.array(z.enum(RECIPIENT_ROLES)).check(z.maxLength(3)),
    }),
    /** The credential (sender mailbox) to send from; the default credential when absent. */
    credentialId: z.optional(z.string().check(z.regex(CREDENTIAL_ID_PATTERN, 'Not a credential id.'))),
  })
  .check(
    z.refine((rule) => rule.event !== 'field-changed' || rule.fieldId !== undefined, {
      error: 'Choose the field whose change sends the email.',
      path: ['fieldId'],
    }),
    z.refine((rule) => rule.recipients.addresses.length + rule.recipients.roles.length > 0, {
      error: 'Add at least one recipient: an address, the reporter, the assignee or the watchers.',
      path: ['recipients'],
    }),
  );
export type NotificationRuleInput = z.input<typeof notificationRuleInputSchema>;
export type NotificationRule = z.output<typeof notificationRuleInputSchema> & { id: string };

export interface NotificationRuleView extends NotificationRule {
  createdAt: string;
  updatedAt: string;
  /** When it last queued an email, and how many it has queued. */
  lastFiredAt?: string;
  firedCount: number;
  /** Why the rule cannot do all it says (a project the app's own Jira account cannot see), for the admin page. */
  warnings?: string[];
}

export const ruleIdSchema = z.strictObject({ id: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, 'Not a rule id.')) });

export interface StatusRef {
  id: string;
  name: string;
}

/** How many runs a rule's history keeps, newest first. */
export const RULE_HISTORY_LIMIT = 50;

/** One time a rule was considered for a Jira event: whether it sent, and why not in an admin's words. */
export interface RuleRun {
  at: string;
  event: NotificationEvent;
  issueKey: string;
  outcome: 'fired' | 'skipped' | 'failed';
  reason: string;
  emailId?: string;
}

/** "Try on an issue": an issue key as Jira writes it. */
export const tryRuleSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, 'Not a rule id.')),
  issueKey: z
    .string()
    .check(z.trim(), z.regex(/^[A-Z][A-Z0-9_]{0,254}-[1-9][0-9]{0,17}$/, 'Enter an issue key such as DEMO-1.')),
});

/** What the rule would send for an issue, without sending: or why it would send nothing. */
export type RuleTrial =
  | { outcome: 'would-send'; to: string[]; subject: string; html: string; notes: string[] }
  | { outcome: 'would-skip'; reason: string };

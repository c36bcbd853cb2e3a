/**
 * The roles a rule or an Automation action can send to. Apart from notification-rules.ts's schemas, so that the
 * Automation action reads them (automation-recipients.ts) without building the rules' and credentials' schemas.
 */
export const RECIPIENT_ROLES = ['reporter', 'assignee', 'watchers'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

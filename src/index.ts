// Admin page (jira:adminPage issue-mailer-admin): function admin-resolver.
export { handler as adminResolver } from './resolvers/admin-resolver';
// Issue action (jira:issueAction email-this-issue): function issue-action-resolver.
export { handler as issueActionResolver } from './resolvers/issue-action-resolver';
// Daily expiry check (scheduledTrigger credential-expiry-check): function expiry-check.
export { handler as credentialExpiryCheck } from './triggers/credential-expiry-check';
// Outbox worker (consumer email-outbox-consumer on queue email-outbox): function email-worker.
export { handler as emailWorker } from './consumers/email-worker';
// Hourly email log upkeep (scheduledTrigger email-log-upkeep): function email-upkeep.
export { handler as emailLogUpkeep } from './triggers/email-log-upkeep';
// Jira events for notification rules (trigger issue-events): function issue-events.
export { handler as issueEvents } from './triggers/issue-events';
// Automation action "Send issue email" (action send-issue-email): function automation-send-email,
// and its configuration form's resolver: function automation-config.
export { handler as automationSendEmail } from './resolvers/automation-action';
export { handler as automationConfig } from './resolvers/automation-config';

import type { AdminDeps } from '../composition/admin-deps';
import type { AdminPart, AdminView } from '../contract/admin-view';
import { EMAIL_LOG_PAGE_SIZE } from '../contract/email-log';
import { fail, ok, type ResolverResult } from '../contract/result';
import { withTraffic } from '../credentials/traffic-health';
import type { AdminViewOutcomes, AdminViewReaders } from '../settings/admin-view';
import { errorAnswer } from './resolver-kit';

/**
 * Each part of the admin page read as its own read function reads it (they call these too), so a part of
 * `loadAdminView` answers exactly what that function would.
 */
export const adminViewReaders = (deps: AdminDeps): AdminViewReaders => ({
  warnings: () => deps.warnings.list(),
  credentials: async () => withTraffic(await deps.credentials.list(), deps.traffic),
  templates: () => deps.mail.templates.list(),
  mailSettings: () => deps.mail.settings.read(),
  projectRoles: () => deps.mail.listProjectRoles(),
  projects: () => deps.mail.listProjects(),
  rules: () => deps.notifications.rules.list(),
  statuses: () => deps.notifications.listStatuses(),
  jiraFields: () => deps.notifications.listFields(),
  emailLogSettings: () => deps.log.settings.read(),
  // listEmailLog's payload `{}` as its schema reads it.
  emailLog: () => deps.log.emails.list({ limit: EMAIL_LOG_PAGE_SIZE }),
});

/** Each part's outcome as the answer its read function would give alone: its data, or its error in words. */
export const adminViewAnswer = (outcomes: AdminViewOutcomes): AdminView =>
  Object.fromEntries(
    Object.entries(outcomes).map(([part, outcome]): [string, ResolverResult<unknown>] => [
      part,
      outcome.ok ? ok(outcome.data) : fail(errorAnswer(`loadAdminView ${part as AdminPart}`, 'admin', outcome.error)),
    ]),
  );

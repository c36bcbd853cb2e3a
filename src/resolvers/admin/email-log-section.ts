import type { AdminDeps } from '../../composition/admin-deps';
import {
  EMAIL_LOG_PAGE_SIZE,
  emailIdSchema,
  emailLogSettingsSchema,
  listEmailLogSchema,
  resendEmailSchema,
} from '../../contract/email-log';
import { readMyself } from '../../jira/myself';
import { resolverFunction } from '../resolver-kit';
import { adminOnly, type AdminSection, noPayload } from './admin-section';

export type EmailLogSectionDeps = Pick<AdminDeps, 'requestJira' | 'log'>;

type EmailLogSection = AdminSection<
  | 'listEmailLog'
  | 'getEmailLogEntry'
  | 'resendEmail'
  | 'getEmailContent'
  | 'getEmailLogSettings'
  | 'saveEmailLogSettings',
  'emailLog' | 'emailLogSettings'
>;

/** The email log tab: what happened to every email, resend, and how long the log is kept. */
export const emailLogSection = (deps: EmailLogSectionDeps): EmailLogSection => {
  const admin = adminOnly(deps.requestJira);
  const readers: EmailLogSection['readers'] = {
    emailLogSettings: () => deps.log.settings.read(),
    // listEmailLog's payload `{}` as its schema reads it.
    emailLog: () => deps.log.emails.list({ limit: EMAIL_LOG_PAGE_SIZE }),
  };
  return {
    readers,
    functions: {
      listEmailLog: resolverFunction({
        ...admin,
        name: 'listEmailLog',
        schema: listEmailLogSchema,
        run: (query) => deps.log.emails.list(query),
      }),
      getEmailLogEntry: resolverFunction({
        ...admin,
        name: 'getEmailLogEntry',
        schema: emailIdSchema,
        run: ({ emailId }) => deps.log.emails.get(emailId),
      }),
      resendEmail: resolverFunction({
        ...admin,
        name: 'resendEmail',
        schema: resendEmailSchema,
        run: async ({ emailId, anyway }) => {
          const me = await readMyself(deps.requestJira);
          return deps.log.emails.resend(
            emailId,
            { accountId: me.accountId, name: me.displayName ?? 'A Jira admin' },
            { anyway: anyway === true },
          );
        },
      }),
      getEmailContent: resolverFunction({
        ...admin,
        name: 'getEmailContent',
        schema: emailIdSchema,
        run: ({ emailId }) => deps.log.emails.content(emailId),
      }),
      getEmailLogSettings: resolverFunction({
        ...admin,
        name: 'getEmailLogSettings',
        schema: noPayload,
        run: () => readers.emailLogSettings(),
      }),
      saveEmailLogSettings: resolverFunction({
        ...admin,
        name: 'saveEmailLogSettings',
        schema: emailLogSettingsSchema,
        run: (settings) => deps.log.settings.save(settings),
      }),
    },
  };
};

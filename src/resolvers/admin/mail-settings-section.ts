import * as z from 'zod/mini';

import type { AdminDeps, AdminMailDeps } from '../../composition/admin-deps';
import { mailSettingsSchema } from '../../contract/mail-settings';
import { resolverFunction } from '../resolver-kit';
import { adminOnly, type AdminSection, noPayload } from './admin-section';

export type MailSettingsSectionDeps = Pick<AdminDeps, 'requestJira'> & { mail: Omit<AdminMailDeps, 'templates'> };

type MailSettingsSection = AdminSection<
  'getMailSettings' | 'saveMailSettings' | 'searchGroups' | 'listProjectRoles' | 'listProjects',
  'mailSettings' | 'projectRoles' | 'projects'
>;

const groupQuerySchema = z.strictObject({
  query: z.string().check(z.trim(), z.maxLength(100, 'Type at most 100 characters.')),
});

/** The settings tab: who may send, comments, project templates, and the Jira lists its pickers show. */
export const mailSettingsSection = (deps: MailSettingsSectionDeps): MailSettingsSection => {
  const admin = adminOnly(deps.requestJira);
  const readers: MailSettingsSection['readers'] = {
    mailSettings: () => deps.mail.settings.read(),
    projectRoles: () => deps.mail.listProjectRoles(),
    projects: () => deps.mail.listProjects(),
  };
  return {
    readers,
    functions: {
      getMailSettings: resolverFunction({
        ...admin,
        name: 'getMailSettings',
        schema: noPayload,
        run: () => readers.mailSettings(),
      }),
      saveMailSettings: resolverFunction({
        ...admin,
        name: 'saveMailSettings',
        schema: mailSettingsSchema,
        run: (settings) => deps.mail.settings.save(settings),
      }),
      searchGroups: resolverFunction({
        ...admin,
        name: 'searchGroups',
        schema: groupQuerySchema,
        run: ({ query }) => deps.mail.searchGroups(query),
      }),
      listProjectRoles: resolverFunction({
        ...admin,
        name: 'listProjectRoles',
        schema: noPayload,
        run: () => readers.projectRoles(),
      }),
      listProjects: resolverFunction({
        ...admin,
        name: 'listProjects',
        schema: noPayload,
        run: () => readers.projects(),
      }),
    },
  };
};

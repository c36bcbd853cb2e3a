import * as z from 'zod/mini';

import { templateIdSchema } from './templates';

export const groupRefSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  name: z.string().check(z.maxLength(255)),
});
export const roleRefSchema = z.strictObject({
  id: z.int().check(z.positive()),
  name: z.string().check(z.maxLength(255)),
});

export const whoMaySendSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('everyone') }),
  z.strictObject({
    mode: z.literal('restricted'),
    /** Members of any of these Jira groups may send. */
    groups: z.array(groupRefSchema).check(z.maxLength(50, 'Choose at most 50 groups.')),
    /** Holders of any of these project roles in the project may send. */
    projectRoles: z.array(roleRefSchema).check(z.maxLength(50, 'Choose at most 50 project roles.')),
  }),
]);

export const mailSettingsSchema = z.strictObject({
  /** Add "Emailed to ... by ..." as a comment on the issue after each email. */
  commentAfterSend: z.boolean(),
  whoMaySend: whoMaySendSchema,
  /** Per-project default template. */
  projectTemplates: z
    .array(
      z.strictObject({
        projectKey: z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'Not a project key.')),
        templateId: templateIdSchema,
      }),
    )
    .check(z.maxLength(500, 'At most 500 project defaults.')),
  /**
   * Credentials, besides the default one, that Jira Automation rules may name as their sender mailbox (by id).
   * Empty: rules send from the default credential only. Settings saved before this field existed read as empty.
   */
  automationCredentialIds: z._default(
    z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(50, 'Choose at most 50 credentials.')),
    () => [],
  ),
  /**
   * Credentials, besides the default one, whose mailboxes people may choose as From in "Email this issue", in all
   * projects (by id). Absent or empty: the default credential only. Automation has its own list above.
   */
  senderCredentialIds: z.optional(
    z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(50, 'Choose at most 50 credentials.')),
  ),
  /**
   * Per-project From lists for "Email this issue": a project with an entry uses its own list instead of
   * `senderCredentialIds` (the default credential is always allowed). Settings saved before this field existed read
   * as empty: every project uses the all-projects list.
   */
  projectSenders: z._default(
    z
      .array(
        z.strictObject({
          projectKey: z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'Not a project key.')),
          credentialIds: z
            .array(z.string().check(z.minLength(1), z.maxLength(64)))
            .check(z.maxLength(50, 'Choose at most 50 credentials.')),
        }),
      )
      .check(z.maxLength(500, 'At most 500 projects with their own mailboxes.')),
    () => [],
  ),
});

export type MailSettings = z.output<typeof mailSettingsSchema>;
/** What may be saved: the settings, with fields added after the first release optional. */
export type MailSettingsInput = z.input<typeof mailSettingsSchema>;
export type WhoMaySend = MailSettings['whoMaySend'];
export type GroupRef = z.output<typeof groupRefSchema>;
export type RoleRef = z.output<typeof roleRefSchema>;

export const DEFAULT_MAIL_SETTINGS: MailSettings = {
  commentAfterSend: true,
  whoMaySend: { mode: 'everyone' },
  projectTemplates: [],
  automationCredentialIds: [],
  projectSenders: [],
};

export interface ProjectRef {
  key: string;
  name: string;
}

import type { MailSettings } from '../contract/mail-settings';
import { MailValidationError } from '../mail/errors';
import type { MailSettingsStore } from './mail-settings-store';

export interface SaveMailSettingsDeps {
  store: Pick<MailSettingsStore, 'save'>;
  templateIds: () => Promise<readonly string[]>;
  credentialIds: () => Promise<readonly string[]>;
}

/**
 * Settings that would lock everyone out or point at a deleted template are refused with the field to fix; the
 * schema has checked their shape already.
 */
export const saveMailSettings = async (settings: MailSettings, deps: SaveMailSettingsDeps): Promise<MailSettings> => {
  const { whoMaySend } = settings;
  if (whoMaySend.mode === 'restricted' && whoMaySend.groups.length === 0 && whoMaySend.projectRoles.length === 0) {
    throw new MailValidationError({
      whoMaySend: 'Choose at least one group or project role, or let everyone who can see the issue send.',
    });
  }
  const known = new Set(await deps.templateIds());
  if (settings.projectTemplates.some((entry) => !known.has(entry.templateId))) {
    throw new MailValidationError({
      projectTemplates: 'A chosen template no longer exists. Reload the page and choose again.',
    });
  }
  const projects = settings.projectTemplates.map((entry) => entry.projectKey);
  if (new Set(projects).size !== projects.length) {
    throw new MailValidationError({ projectTemplates: 'Each project can have one default template.' });
  }
  const senderProjects = settings.projectSenders.map((entry) => entry.projectKey);
  if (new Set(senderProjects).size !== senderProjects.length) {
    throw new MailValidationError({ projectSenders: 'Each project can have one list of mailboxes.' });
  }
  // A deleted credential's id is dropped, not refused: deleting a credential does not touch these settings, and the
  // form shows only credentials that exist, so the admin could not untick it.
  const credentials = new Set(await deps.credentialIds());
  const automationCredentialIds = [...new Set(settings.automationCredentialIds)].filter((id) => credentials.has(id));
  const senderCredentialIds =
    settings.senderCredentialIds === undefined
      ? undefined
      : [...new Set(settings.senderCredentialIds)].filter((id) => credentials.has(id));
  const projectSenders = settings.projectSenders.map((entry) => ({
    projectKey: entry.projectKey,
    credentialIds: [...new Set(entry.credentialIds)].filter((id) => credentials.has(id)),
  }));
  return deps.store.save({
    ...settings,
    automationCredentialIds,
    projectSenders,
    ...(senderCredentialIds === undefined ? {} : { senderCredentialIds }),
  });
};

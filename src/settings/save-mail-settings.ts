import type { MailSettings } from '../contract/mail-settings';
import { MailValidationError } from '../mail/errors';
import type { MailSettingsStore } from './mail-settings-store';

export interface SaveMailSettingsDeps {
  store: Pick<MailSettingsStore, 'save'>;
  templateIds(): Promise<readonly string[]>;
  credentialIds(): Promise<readonly string[]>;
}

/**
 * Settings that would lock everyone out or point at a deleted template or credential are refused with the field to fix; the
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
    throw new MailValidationError({ projectTemplates: 'A chosen template no longer exists. Reload the page and choose again.' });
  }
  const projects = settings.projectTemplates.map((entry) => entry.projectKey);
  if (new Set(projects).size !== projects.length) {
    throw new MailValidationError({ projectTemplates: 'Each project can have one default template.' });
  }
  const credentials = new Set(await deps.credentialIds());
  if (settings.automationCredentialIds.some((id) => !credentials.has(id))) {
    throw new MailValidationError({ automationCredentialIds: 'A chosen credential no longer exists. Reload the page and choose again.' });
  }
  return deps.store.save({ ...settings, automationCredentialIds: [...new Set(settings.automationCredentialIds)] });
};

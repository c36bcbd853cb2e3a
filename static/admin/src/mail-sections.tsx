import type { CredentialView } from '../../../src/contract';
import type { Loadable } from '../../shared/loadable';
import type { AdminSectionKey } from './admin-sections';
import { NotificationRulesSection } from './notification-rules/notification-rules-section';
import { SectionPanel } from './section-panel';
import { SendingSettingsSection } from './sending-settings/sending-settings-section';
import { TemplateSection } from './templates/template-section';
import { useTemplateList } from './templates/use-template-list';

interface MailSectionsProps {
  credentials: Loadable<CredentialView[]>;
  selected: AdminSectionKey;
  visited: ReadonlySet<AdminSectionKey>;
}

/**
 * The "Email templates", "Sending settings" and "Notification rules" tabs, which share the template list: a saved
 * template is offered at once. Mounted once the first of them is shown.
 */
export const MailSections = ({ credentials, selected, visited }: MailSectionsProps) => {
  const list = useTemplateList();
  const panel = { selected, visited };
  return (
    <>
      <SectionPanel section="templates" {...panel}>
        <TemplateSection list={list} />
      </SectionPanel>
      <SectionPanel section="settings" {...panel}>
        <SendingSettingsSection list={list} credentials={credentials} />
      </SectionPanel>
      <SectionPanel section="rules" {...panel}>
        <NotificationRulesSection list={list} credentials={credentials} />
      </SectionPanel>
    </>
  );
};

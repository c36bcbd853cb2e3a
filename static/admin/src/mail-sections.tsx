import type { CredentialView } from '../../../src/contract';
import './mail-sections.css';
import { NotificationRulesSection } from './notification-rules-section';
import { SendingSettingsSection } from './sending-settings-section';
import { TemplateSection } from './template-section';
import type { Loadable } from './use-mail-settings';
import { useTemplateList } from './use-template-list';

/**
 * "Email templates", "Sending settings" and "Notification rules", which share the template list: a saved template
 * is offered at once.
 */
export function MailSections({ credentials }: { credentials: Loadable<CredentialView[]> }) {
  const list = useTemplateList();
  return (
    <>
      <TemplateSection list={list} />
      <SendingSettingsSection list={list} credentials={credentials} />
      <NotificationRulesSection list={list} credentials={credentials} />
    </>
  );
}

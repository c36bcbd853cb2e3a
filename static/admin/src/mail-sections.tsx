import './mail-sections.css';
import { SendingSettingsSection } from './sending-settings-section';
import { TemplateSection } from './template-section';
import { useTemplateList } from './use-template-list';

/** "Email templates" and "Sending settings", which share the template list: a saved template is offered at once. */
export function MailSections() {
  const list = useTemplateList();
  return (
    <>
      <TemplateSection list={list} />
      <SendingSettingsSection list={list} />
    </>
  );
}

import './admin-tabs.css';

import { useEffect, useState } from 'react';

import { SectionMessage } from '../../shared/components/section-message';
import { Tabs } from '../../shared/components/tabs';
import { ADMIN_SECTIONS, type AdminSectionKey, NEEDS_CREDENTIALS } from './admin-sections';
import { CredentialsSection } from './credentials/credentials-section';
import { useCredentialList } from './credentials/use-credential-list';
import { WarningsBanner } from './credentials/warnings-banner';
import { EmailLogSection } from './email-log/email-log-section';
import { IncomingLogSection } from './incoming-log/incoming-log-section';
import { MailHandlersSection } from './mail-handlers/mail-handlers-section';
import { MailSections } from './mail-sections';
import { ADMIN_TABS_PREFIX, SectionPanel } from './section-panel';
import { useSectionRoute } from './use-section-route';

const MAIL_SECTIONS: ReadonlySet<AdminSectionKey> = new Set(['templates', 'settings', 'rules']);

/**
 * "Issue Mailer" under Jira settings > Apps: the credential warnings above one tab per section. A section loads
 * its data when first shown (one resolver call, static/admin/src/shared/invokes.ts's loadPart); the URL remembers
 * the tab.
 */
export const AdminPage = () => {
  const credentials = useCredentialList();
  const [route, select] = useSectionRoute();
  const [visited, setVisited] = useState<ReadonlySet<AdminSectionKey>>(new Set());
  const selected = route.state === 'ready' ? route.selected : null;
  const { start, want } = credentials;

  // A section shown once stays mounted; noted during render, as React's docs advise for state that follows a value.
  if (selected !== null && !visited.has(selected)) setVisited(new Set([...visited, selected]));

  // Runs in the same turn as the effects of the section this render mounted, so the warnings, the credential
  // list and the section's data are asked for together: one resolver call as the page opens.
  useEffect(() => {
    if (selected === null) return;
    start();
    if (NEEDS_CREDENTIALS.has(selected)) want();
  }, [selected, start, want]);

  const header = (
    <header className="im-page__header">
      <h1>Issue Mailer</h1>
      <p className="im-secondary">
        Email Jira issues through Microsoft 365. Add the OAuth2 credential of an Entra app registration allowed to send
        as your sender mailbox.
      </p>
    </header>
  );

  if (credentials.refused) {
    return (
      <main className="im-page">
        {header}
        <SectionMessage appearance="error" title="You don't have access">
          <p>{credentials.refused.message}</p>
        </SectionMessage>
      </main>
    );
  }

  return (
    <main className="im-page">
      {header}
      {credentials.warnings && <WarningsBanner warnings={credentials.warnings} />}
      {credentials.warningsError && (
        <SectionMessage appearance="warning" title="Warnings could not be loaded">
          <p>{credentials.warningsError.message}</p>
        </SectionMessage>
      )}

      {selected === null ? (
        <p role="status" className="im-secondary">
          <span className="im-spinner" aria-hidden="true" /> Loading…
        </p>
      ) : (
        <>
          <Tabs
            label="Issue Mailer settings"
            tabs={ADMIN_SECTIONS}
            selected={selected}
            onSelect={select}
            idPrefix={ADMIN_TABS_PREFIX}
          />
          <SectionPanel section="credentials" selected={selected} visited={visited}>
            <CredentialsSection list={credentials} />
          </SectionPanel>
          {[...MAIL_SECTIONS].some((key) => visited.has(key)) ? (
            <MailSections credentials={credentials.loadable} selected={selected} visited={visited} />
          ) : (
            [...MAIL_SECTIONS].map((key) => (
              <SectionPanel key={key} section={key} selected={selected} visited={visited} />
            ))
          )}
          <SectionPanel section="mail-handlers" selected={selected} visited={visited}>
            <MailHandlersSection credentials={credentials.loadable} />
          </SectionPanel>
          <SectionPanel section="email-log" selected={selected} visited={visited}>
            <EmailLogSection />
          </SectionPanel>
          <SectionPanel section="incoming-log" selected={selected} visited={visited}>
            <IncomingLogSection />
          </SectionPanel>
        </>
      )}
    </main>
  );
};

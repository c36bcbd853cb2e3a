import type { TabItem } from '../../shared/components/tabs';

export type AdminSectionKey =
  'credentials' | 'templates' | 'settings' | 'rules' | 'mail-handlers' | 'email-log' | 'incoming-log';

/** The admin page's tabs, in order; the first is where the page opens. */
export const ADMIN_SECTIONS: readonly TabItem<AdminSectionKey>[] = [
  { key: 'credentials', label: 'Credentials' },
  { key: 'templates', label: 'Email templates' },
  { key: 'settings', label: 'Sending settings' },
  { key: 'rules', label: 'Notification rules' },
  { key: 'mail-handlers', label: 'Mail handlers' },
  { key: 'email-log', label: 'Email log' },
  { key: 'incoming-log', label: 'Incoming log' },
];

export const DEFAULT_SECTION: AdminSectionKey = 'credentials';

/** Each section's path under the admin page's URL, so a link or a reload opens the same tab. */
const PATHS: Record<AdminSectionKey, string> = {
  credentials: '/credentials',
  templates: '/email-templates',
  settings: '/sending-settings',
  rules: '/notification-rules',
  'mail-handlers': '/mail-handlers',
  'email-log': '/email-log',
  'incoming-log': '/incoming-log',
};

export const pathOfSection = (key: AdminSectionKey): string => PATHS[key];

/** The section a path names; the page's own URL ("/") and unknown paths open the first tab. */
export const sectionOfPath = (pathname: string): AdminSectionKey => {
  const trimmed = pathname.replace(/\/+$/, '');
  const found = (Object.keys(PATHS) as AdminSectionKey[]).find((key) => PATHS[key] === trimmed);
  return found ?? DEFAULT_SECTION;
};

/** The sections that show the credential list (and so load it when first shown). */
export const NEEDS_CREDENTIALS: ReadonlySet<AdminSectionKey> = new Set([
  'credentials',
  'settings',
  'rules',
  'mail-handlers',
]);

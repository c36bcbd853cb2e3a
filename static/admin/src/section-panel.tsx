import type { ReactNode } from 'react';

import { panelId, tabId } from '../../shared/components/tabs';
import type { AdminSectionKey } from './admin-sections';

export const ADMIN_TABS_PREFIX = 'admin-';

interface SectionPanelProps {
  section: AdminSectionKey;
  selected: AdminSectionKey;
  /** Sections shown at least once: they stay mounted (hidden), so their unsaved edits survive a tab change. */
  visited: ReadonlySet<AdminSectionKey>;
  children?: ReactNode;
}

/** One tab's panel, labelled by its tab; its content mounts (and loads its data) only once the tab is first shown. */
export const SectionPanel = ({ section, selected, visited, children }: SectionPanelProps) => (
  <div
    role="tabpanel"
    id={panelId(section, ADMIN_TABS_PREFIX)}
    aria-labelledby={tabId(section, ADMIN_TABS_PREFIX)}
    hidden={section !== selected}
    className="im-tab-panel"
  >
    {visited.has(section) && children}
  </div>
);

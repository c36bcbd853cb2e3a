// The dialog's tabs are the apps' shared tabs (static/shared/components/tabs.tsx).
export { Tabs as DialogTabs, panelId, tabId, type TabItem } from '../../shared/components/tabs';

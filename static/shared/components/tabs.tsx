import { type KeyboardEvent, useRef } from 'react';

export interface TabItem<K extends string> {
  key: K;
  label: string;
}

interface TabsProps<K extends string> {
  /** The tab list's accessible name. */
  label: string;
  tabs: readonly TabItem<K>[];
  selected: K;
  onSelect: (key: K) => void;
  /** Tells apart the ids of two tab lists on one page. */
  idPrefix?: string;
}

export const tabId = (key: string, idPrefix = '') => `${idPrefix}tab-${key}`;
export const panelId = (key: string, idPrefix = '') => `${idPrefix}panel-${key}`;

/**
 * ADS-style tabs, the WAI-ARIA tabs pattern with automatic activation (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/):
 * only the selected tab is in the Tab order; arrow keys, Home and End move between tabs and show their panel at once.
 * Each panel is `role="tabpanel"` with `id={panelId(key)}` and `aria-labelledby={tabId(key)}`.
 */
export const Tabs = <K extends string>({ label, tabs, selected, onSelect, idPrefix = '' }: TabsProps<K>) => {
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.key === selected);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length];
    if (!next) return;
    onSelect(next.key);
    listRef.current?.querySelector<HTMLElement>(`#${tabId(next.key, idPrefix)}`)?.focus();
  };
  return (
    <div className="im-tabs" role="tablist" aria-label={label} ref={listRef} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const isSelected = tab.key === selected;
        return (
          <button
            key={tab.key}
            id={tabId(tab.key, idPrefix)}
            type="button"
            role="tab"
            className="im-tab"
            aria-selected={isSelected}
            aria-controls={panelId(tab.key, idPrefix)}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
};

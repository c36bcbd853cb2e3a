import { view } from '@forge/bridge';
import { useCallback, useEffect, useRef, useState } from 'react';

import { type AdminSectionKey, pathOfSection, sectionOfPath } from './admin-sections';

type ForgeHistory = Awaited<ReturnType<typeof view.createHistory>>;

export type SectionRoute = { state: 'resolving' } | { state: 'ready'; selected: AdminSectionKey };

/**
 * The selected tab kept in the product's URL with Forge's `view.createHistory()`, so reload, back/forward and a
 * shared link open the same tab (https://developer.atlassian.com/platform/forge/add-routing-to-a-full-page-app/,
 * https://developer.atlassian.com/platform/forge/custom-ui-bridge/view/#createhistory). Where the product offers
 * no history, tabs still work and the URL stays as it is.
 */
export const useSectionRoute = (): [SectionRoute, (key: AdminSectionKey) => void] => {
  const [route, setRoute] = useState<SectionRoute>({ state: 'resolving' });
  const history = useRef<ForgeHistory | null>(null);

  useEffect(() => {
    let active = true;
    let unlisten: (() => void) | undefined;
    view
      .createHistory()
      .then((created) => {
        if (!active) return;
        history.current = created;
        setRoute({ state: 'ready', selected: sectionOfPath(created.location.pathname) });
        // Forge's history calls listeners as history v4 did, (location, action); the bridge keeps
        // `history.location` current before ours runs, so reading it works with either signature.
        unlisten = created.listen(() => {
          setRoute({ state: 'ready', selected: sectionOfPath(created.location.pathname) });
        });
      })
      .catch(() => {
        if (active)
          setRoute((current) =>
            current.state === 'ready' ? current : { state: 'ready', selected: sectionOfPath('/') },
          );
      });
    return () => {
      active = false;
      unlisten?.();
    };
  }, []);

  const select = useCallback((key: AdminSectionKey) => {
    const current = history.current;
    if (current && sectionOfPath(current.location.pathname) !== key) current.push(pathOfSection(key));
    setRoute({ state: 'ready', selected: key });
  }, []);

  return [route, select];
};

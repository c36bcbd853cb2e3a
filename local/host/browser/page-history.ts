/**
 * The product page's side of `view.createHistory()` on a full page module: the app's path lives below the module's
 * own path in the page's URL (Jira: /jira/settings/apps/<app>/<env>/<app path>; here /admin/<app path>), so a
 * push changes the address bar, back/forward move the app, and a reload opens it where it was
 * (https://developer.atlassian.com/platform/forge/add-routing-to-a-full-page-app/). Frames of full page modules
 * carry `data-history-base`, the module's path.
 */
import type { HistoryPageLocation } from './protocol';

interface PageState {
  forgeHistory: { state: unknown; key?: string };
}

const baseOf = (frame: HTMLIFrameElement): string | null => frame.dataset.historyBase ?? null;

const stateOf = (value: unknown): PageState['forgeHistory'] => {
  const forge = (value as Partial<PageState> | null)?.forgeHistory;
  return forge && typeof forge === 'object' ? forge : { state: null };
};

/** Where the app is below `base` in the page's current URL. */
const currentLocation = (base: string): HistoryPageLocation => {
  const { pathname, search, hash } = window.location;
  const below = pathname.startsWith(base) ? pathname.slice(base.length) : '';
  const forge = stateOf(window.history.state);
  return {
    pathname: below.startsWith('/') ? below : `/${below}`,
    search,
    hash,
    state: forge.state,
    ...(forge.key ? { key: forge.key } : {}),
  };
};

/** The frame's location answered to `getHistoryLocation`: null for a frame that is not a full page module. */
export const historyLocationFor = (frame: HTMLIFrameElement): HistoryPageLocation | null => {
  const base = baseOf(frame);
  return base === null ? null : currentLocation(base);
};

const isLocation = (value: unknown): value is HistoryPageLocation => {
  if (value === null || typeof value !== 'object') return false;
  const { pathname, search, hash } = value as Record<string, unknown>;
  return (
    typeof pathname === 'string' && pathname.startsWith('/') && typeof search === 'string' && typeof hash === 'string'
  );
};

/** A PUSH or REPLACE from the app: the page's URL becomes the module's path followed by the app's. */
export const commitHistory = (frame: HTMLIFrameElement, payload: unknown): boolean => {
  const base = baseOf(frame);
  const { action, location } = (payload ?? {}) as { action?: unknown; location?: unknown };
  if (base === null || !isLocation(location)) return false;
  const path = location.pathname === '/' ? base : `${base.replace(/\/$/, '')}${location.pathname}`;
  const url = new URL(`${path}${location.search}${location.hash}`, window.location.origin);
  // A path like "//elsewhere" must not leave the product's origin.
  if (url.origin !== window.location.origin) throw new Error('The app can only change its own path.');
  const state: PageState = {
    forgeHistory: { state: location.state ?? null, ...(location.key ? { key: location.key } : {}) },
  };
  if (action === 'REPLACE') window.history.replaceState(state, '', url);
  else window.history.pushState(state, '', url);
  return true;
};

export const goInHistory = (payload: unknown): boolean => {
  const delta = (payload as { delta?: unknown } | null)?.delta;
  if (typeof delta !== 'number' || !Number.isInteger(delta)) return false;
  window.history.go(delta);
  return true;
};

/** After back/forward, tells each full page module's frame where its app now is. */
export const onPageHistory = (
  frames: () => HTMLIFrameElement[],
  tell: (frame: Window, location: HistoryPageLocation) => void,
): void => {
  window.addEventListener('popstate', () => {
    for (const frame of frames()) {
      const location = historyLocationFor(frame);
      if (location && frame.contentWindow) tell(frame.contentWindow, location);
    }
  });
};

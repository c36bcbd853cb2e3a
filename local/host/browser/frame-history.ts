/**
 * `view.createHistory()` for Custom UI frames. On a full page module (a jira:adminPage here) the history is the
 * product page's: a push changes the Jira page's URL under the module's own path, back/forward in the browser
 * reach the app as POP, and a reload opens the app at the same path
 * (https://developer.atlassian.com/platform/forge/add-routing-to-a-full-page-app/,
 * https://developer.atlassian.com/platform/forge/custom-ui-bridge/view/#createhistory). Elsewhere (modals, a
 * frame opened on its own) it is a history in memory.
 *
 * Listeners are called as the product calls them, history v4's `(location, action)`: @forge/bridge's own
 * createHistory registers `listen((location) => { history.location = location })` and the docs' example reads
 * `history.listen((location, action) => ...)`.
 */

export interface HistoryLocation {
  pathname: string;
  search: string;
  hash: string;
  state: unknown;
  key: string;
}

export type HistoryAction = 'POP' | 'PUSH' | 'REPLACE';
type HistoryListener = (location: HistoryLocation, action: HistoryAction) => void;
type To = string | Partial<HistoryLocation>;

/** How a history reaches the product page; absent for a history in memory. */
export interface PageHistory {
  /** Records a PUSH or REPLACE in the page's URL and session history. */
  commit: (action: 'PUSH' | 'REPLACE', location: HistoryLocation) => void;
  /** Moves through the page's session history; the page reports where it landed through `FrameHistory.pop`. */
  go: (delta: number) => void;
}

let keySequence = 0;
const nextKey = () => `${Date.now().toString(36)}${(keySequence += 1).toString(36)}`;

/** `to` as a location: a string is a path relative to the current one ("/a?b#c", "a"), an object names its parts. */
export const toLocation = (to: To, current: HistoryLocation, state: unknown): HistoryLocation => {
  if (typeof to !== 'string') {
    return {
      pathname: to.pathname ?? current.pathname,
      search: to.search ?? '',
      hash: to.hash ?? '',
      state,
      key: nextKey(),
    };
  }
  const url = new URL(to, `http://history.local${current.pathname}`);
  return { pathname: url.pathname, search: url.search, hash: url.hash, state, key: nextKey() };
};

export const createFrameHistory = (initial: Omit<HistoryLocation, 'key'>, page: PageHistory | null) => {
  const entries: HistoryLocation[] = [{ ...initial, key: 'default' }];
  let index = 0;
  const listeners = new Set<HistoryListener>();

  const notify = (action: HistoryAction) => {
    history.action = action;
    history.location = entries[index] as HistoryLocation;
    for (const listener of [...listeners]) listener(history.location, action);
  };

  const history = {
    action: 'POP' as HistoryAction,
    location: entries[0] as HistoryLocation,
    get length() {
      return entries.length;
    },
    createHref: (to: To) => {
      const location = toLocation(to, history.location, null);
      return `${location.pathname}${location.search}${location.hash}`;
    },
    push: (to: To, state: unknown = null) => {
      const location = toLocation(to, history.location, state);
      entries.splice(index + 1, entries.length, location);
      index = entries.length - 1;
      page?.commit('PUSH', location);
      notify('PUSH');
    },
    replace: (to: To, state: unknown = null) => {
      const location = toLocation(to, history.location, state);
      entries[index] = location;
      page?.commit('REPLACE', location);
      notify('REPLACE');
    },
    go: (delta: number) => {
      if (page) {
        page.go(delta);
        return;
      }
      const target = Math.min(Math.max(index + delta, 0), entries.length - 1);
      if (target === index) return;
      index = target;
      notify('POP');
    },
    back: () => {
      history.go(-1);
    },
    forward: () => {
      history.go(1);
    },
    goBack: () => {
      history.go(-1);
    },
    goForward: () => {
      history.go(1);
    },
    listen: (listener: HistoryListener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    block: () => () => undefined,
    /** The page's back/forward landed on `location`. */
    pop: (location: Omit<HistoryLocation, 'key'> & { key?: string }) => {
      entries.splice(0, entries.length, { ...location, key: location.key ?? nextKey() });
      index = 0;
      notify('POP');
    },
  };
  return history;
};

export type FrameHistory = ReturnType<typeof createFrameHistory>;

/**
 * The local stand-in for Atlassian's Custom UI bridge script: defines `window.__bridge.callBridge(method,
 * payload)`, which @forge/bridge calls for everything. Backend and product calls go to the local host's
 * `/__forge/*` endpoints; view calls (close, flags, modals, navigation) go to the Jira page around the frame.
 * Loaded as a classic script at the top of <head>, so it exists before the app bundle imports @forge/bridge.
 */
import { createFrameHistory, type FrameHistory } from './frame-history';
import {
  type CallbackMarker,
  type ColorMode,
  FRAME_PARAMS,
  FRAME_SOURCE,
  type FrameMessage,
  type FrameRequestType,
  type HistoryPageLocation,
  PAGE_SOURCE,
  type PageMessage,
} from './protocol';

type Callback = (...args: unknown[]) => unknown;

const params = new URLSearchParams(window.location.search);
const frame = {
  moduleKey: params.get(FRAME_PARAMS.moduleKey) ?? '',
  issueKey: params.get(FRAME_PARAMS.issueKey) ?? undefined,
  isModal: params.has(FRAME_PARAMS.modal),
  isActionConfig: params.has(FRAME_PARAMS.actionConfig),
};
const hasPage = window.parent !== window;

class LocalBridgeError extends Error {
  override name = 'LocalBridgeError';
}

// --- Calls to the local host --------------------------------------------------------------------------

const postJson = async (path: string, body: unknown): Promise<unknown> => {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  let data: unknown;
  try {
    data = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new LocalBridgeError(`POST ${path} answered ${response.status} with a body that is not JSON.`);
  }
  if (!response.ok) {
    const message = (data as { message?: unknown } | undefined)?.message;
    throw new LocalBridgeError(typeof message === 'string' ? message : `POST ${path} answered ${response.status}.`);
  }
  return data;
};

const frameFields = () => ({ moduleKey: frame.moduleKey, issueKey: frame.issueKey });

// --- Calls to the page around the frame -------------------------------------------------------------------

const pending = new Map<string, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
const callbacks = new Map<string, Callback>();
let sequence = 0;
const nextId = () => `${Date.now().toString(36)}-${(sequence += 1)}`;

/** Replaces functions anywhere in a payload by markers the page can call back. */
const withCallbackMarkers = (value: unknown): unknown => {
  if (typeof value === 'function') {
    const id = nextId();
    callbacks.set(id, value as Callback);
    const marker: CallbackMarker = { __forgeCallback: id };
    return marker;
  }
  if (Array.isArray(value)) return value.map(withCallbackMarkers);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withCallbackMarkers(item)]));
  }
  return value;
};

const postToPage = (message: FrameMessage): void => {
  window.parent.postMessage(message, window.location.origin);
};

/** Without a page around the frame (opened on its own), view calls answer `false`: "not closable", etc. */
const askPage = (type: FrameRequestType, payload?: unknown): Promise<unknown> => {
  if (!hasPage) return Promise.resolve(false);
  const id = nextId();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    postToPage({ source: FRAME_SOURCE, kind: 'request', id, type, payload: withCallbackMarkers(payload) });
  });
};

// --- Theming --------------------------------------------------------------------------------------------

let themingEnabled = false;

const applyColorMode = (mode: ColorMode): void => {
  const root = document.documentElement;
  root.setAttribute('data-color-mode', mode);
  root.setAttribute('data-theme', `${mode}:${mode}`);
};

const initialColorMode = (): ColorMode => {
  const fromPage = params.get(FRAME_PARAMS.colorMode);
  if (fromPage === 'light' || fromPage === 'dark') return fromPage;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
};

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.origin !== window.location.origin || event.source !== window.parent) return;
  const message = event.data as PageMessage | null;
  if (!message || message.source !== PAGE_SOURCE) return;
  if (message.kind === 'result') {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.error !== undefined) waiting.reject(new LocalBridgeError(message.error));
    else waiting.resolve(message.value);
  } else if (message.kind === 'run-callback') {
    const callback = callbacks.get(message.callbackId);
    void Promise.resolve()
      .then(() => callback?.(...message.args))
      .then(
        () => postToPage({ source: FRAME_SOURCE, kind: 'callback-done', replyId: message.replyId }),
        (error: unknown) =>
          postToPage({
            source: FRAME_SOURCE,
            kind: 'callback-done',
            replyId: message.replyId,
            error: error instanceof Error ? error.message : 'The callback failed.',
          }),
      );
  } else if (message.kind === 'theme' && themingEnabled) {
    applyColorMode(message.colorMode);
  } else if (message.kind === 'history') {
    for (const history of histories) history.pop(message.location);
  } else if (message.kind === 'event') {
    for (const listener of productListeners) {
      if (listener.event === message.event) void listener.callback(message.payload);
    }
  }
});

// --- History -------------------------------------------------------------------------------------------

/** This frame's histories; the page reports back/forward to them. */
const histories = new Set<FrameHistory>();

const isPageLocation = (value: unknown): value is HistoryPageLocation => {
  if (value === null || typeof value !== 'object') return false;
  const { pathname, search, hash } = value as Record<string, unknown>;
  return typeof pathname === 'string' && typeof search === 'string' && typeof hash === 'string';
};

/** The product page's history on a full page module; a history in memory elsewhere (see frame-history.ts). */
const createHistory = async (): Promise<FrameHistory> => {
  const fromPage = await askPage('getHistoryLocation');
  if (!isPageLocation(fromPage)) return createFrameHistory({ pathname: '/', search: '', hash: '', state: null }, null);
  const history = createFrameHistory(fromPage, {
    commit: (action, location) => void askPage('historyCommit', { action, location }),
    go: (delta) => void askPage('historyGo', { delta }),
  });
  histories.add(history);
  return history;
};

// --- Events between the app's frames ----------------------------------------------------------------------

const eventChannel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('forge-local-events') : null;
/** The app's `events.on` subscriptions, which the product's own events (from the page around the frame) reach too. */
const productListeners = new Set<{ event: string; callback: Callback }>();

const subscribe = (payload: unknown, scope: string) => {
  const { event, callback } = payload as { event: string; callback: Callback };
  const listener = (message: MessageEvent<{ scope: string; event: string; payload: unknown }>) => {
    if (message.data.scope === scope && message.data.event === event) void callback(message.data.payload);
  };
  const productListener = { event, callback };
  if (scope === 'app') productListeners.add(productListener);
  eventChannel?.addEventListener('message', listener);
  return {
    unsubscribe: () => {
      productListeners.delete(productListener);
      eventChannel?.removeEventListener('message', listener);
    },
  };
};

const publish = (payload: unknown, scope: string): void => {
  const { event, payload: data } = payload as { event: string; payload: unknown };
  eventChannel?.postMessage({ scope, event, payload: data });
};

// --- The bridge -----------------------------------------------------------------------------------------

const getContext = async (): Promise<unknown> => {
  const context = (await postJson('/__forge/context', frameFields())) as { extension: Record<string, unknown> };
  if (frame.isModal) context.extension = { ...context.extension, modal: await askPage('getModalContext') };
  if (frame.isActionConfig) {
    // The rule being edited lives in the page: the inputs as last submitted, and Automation's invalidInputs.
    const fromPage = await askPage('getActionContext');
    if (fromPage !== null && typeof fromPage === 'object') context.extension = { ...context.extension, ...fromPage };
  }
  return context;
};

/** A NavigationLocation (`{ target: 'issue', issueKey }`, ...) as a URL of this site. */
const resolveUrl = async (location: unknown): Promise<string> => {
  const answer = (await postJson('/__forge/url', { ...frameFields(), location })) as { url: string };
  return answer.url;
};

const callBridge = async (method: string, payload?: unknown): Promise<unknown> => {
  switch (method) {
    case 'invoke':
      return postJson('/__forge/invoke', { ...frameFields(), ...(payload as object) });
    case 'getContext':
      return getContext();
    case 'fetchProduct':
      return postJson('/__forge/fetch-product', { ...frameFields(), ...(payload as object) });
    case 'getUrl':
      return resolveUrl(payload);
    case 'navigate': {
      const location = payload as { url?: string; type?: string };
      const url = typeof location.url === 'string' ? location.url : await resolveUrl(payload);
      return askPage('navigate', { url, type: location.type });
    }
    case 'close':
    case 'submit':
    case 'open':
    case 'refresh':
    case 'onClose':
    case 'openModal':
    case 'showFlag':
    case 'closeFlag':
    case 'reload':
    case 'changeWindowTitle':
      return askPage(method, payload);
    case 'createHistory':
      return createHistory();
    case 'enableTheming':
      themingEnabled = true;
      applyColorMode(initialColorMode());
      return undefined;
    case 'emit':
      return publish(payload, 'app');
    case 'on':
      return subscribe(payload, 'app');
    case 'emitPublic':
      return publish(payload, 'public');
    case 'onPublic':
      return subscribe(payload, 'public');
    case 'getFrameId':
      return `${frame.moduleKey}${frame.isModal ? ':modal' : ''}`;
    case 'getFrameDispatch':
    case 'emitReadyEvent':
    case 'trackObjectStoreAction':
    case 'emitFrontendCustomMetric':
      return undefined;
    case 'getCookieConsentPreferences':
      return null;
    case 'isRovoEnabled':
      return false;
    default:
      throw new LocalBridgeError(`The local Forge host does not support the bridge method "${method}".`);
  }
};

Object.defineProperty(window, '__bridge', {
  value: Object.freeze({ callBridge }),
  configurable: false,
  writable: false,
});

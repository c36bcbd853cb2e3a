/**
 * The Jira page's side of Custom UI: the modals and flags a product draws around app frames, the colour mode,
 * and the page's own menus. Frames talk to it with postMessage (see protocol.ts); only same-origin messages
 * from frames this page created are obeyed.
 */
import { setUpMenus } from '../../jira/web/browser/menus';
import { setUpAutomationPage } from './automation-page';
import { createFlags, type FlagPayload } from './page-flags';
import { commitHistory, goInHistory, historyLocationFor, onPageHistory } from './page-history';
import { createModals, type ModalSize } from './page-modals';
import {
  type ColorMode,
  FRAME_SOURCE,
  type FrameMessage,
  type FrameRequest,
  isCallbackMarker,
  PAGE_SOURCE,
  type PageMessage,
} from './protocol';

const COLOR_MODE_KEY = 'forge-local-color-mode';

const preferredColorMode = (): ColorMode => {
  const stored = window.localStorage.getItem(COLOR_MODE_KEY);
  if (stored === 'light' || stored === 'dark') return stored;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
};

let colorMode = preferredColorMode();

const postToFrame = (target: Window, message: PageMessage): void => {
  target.postMessage(message, window.location.origin);
};

/** Every app frame on the page and in its modals. */
const appFrames = (): HTMLIFrameElement[] =>
  Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe[data-forge-frame]'));

const applyColorMode = (mode: ColorMode): void => {
  colorMode = mode;
  document.documentElement.setAttribute('data-color-mode', mode);
  for (const frame of appFrames()) {
    if (frame.contentWindow) postToFrame(frame.contentWindow, { source: PAGE_SOURCE, kind: 'theme', colorMode: mode });
  }
  const toggle = document.querySelector<HTMLButtonElement>('[data-action="toggle-color-mode"]');
  toggle?.setAttribute('aria-pressed', String(mode === 'dark'));
};

// --- Callbacks into frames --------------------------------------------------------------------------------

const callbackReplies = new Map<string, () => void>();
let replySequence = 0;

/** Runs a function the frame kept (onClose, a flag action) and waits, a little, for it to settle. */
const runFrameCallback = (frame: Window, marker: unknown, args: unknown[] = []): Promise<void> => {
  if (!isCallbackMarker(marker)) return Promise.resolve();
  replySequence += 1;
  const replyId = `reply-${replySequence}`;
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => {
      callbackReplies.delete(replyId);
      resolve();
    }, 5000);
    callbackReplies.set(replyId, () => {
      window.clearTimeout(timer);
      resolve();
    });
    postToFrame(frame, {
      source: PAGE_SOURCE,
      kind: 'run-callback',
      callbackId: marker.__forgeCallback,
      args,
      replyId,
    });
  });
};

// --- Modals and flags ----------------------------------------------------------------------------------------

let refreshAfterModal = false;

const flags = createFlags({
  container: document.getElementById('jl-flags') as HTMLElement,
  onAction: (frame, marker) => void runFrameCallback(frame, marker),
});

const modals = createModals({
  colorMode: () => colorMode,
  onClosed: (modal, submitted) => {
    if (modal.opener && modal.onCloseMarker) void runFrameCallback(modal.opener, modal.onCloseMarker, [submitted]);
    if (refreshAfterModal && modals.count() === 0) window.location.reload();
  },
  runBeforeClose: (frame, marker) => runFrameCallback(frame, marker),
});

const automation = setUpAutomationPage(document, postToFrame);

const isSafeUrl = (url: unknown): url is string => {
  if (typeof url !== 'string') return false;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
};

const frameElementOf = (source: Window): HTMLIFrameElement | undefined =>
  appFrames().find((frame) => frame.contentWindow === source);

const handleRequest = async (source: Window, frame: HTMLIFrameElement, request: FrameRequest): Promise<unknown> => {
  const payload = (request.payload ?? {}) as Record<string, unknown>;
  const modal = modals.byFrame(frame);
  switch (request.type) {
    case 'close':
    case 'submit':
      if (!modal) return request.type === 'submit' && automation.submit(frame, request.payload);
      await modals.close(modal, request.type === 'submit' ? request.payload : undefined);
      return true;
    case 'onClose':
      if (!modal) return false;
      modal.beforeCloseMarker = request.payload;
      return true;
    case 'open':
      return false;
    case 'refresh':
      if (modal) refreshAfterModal = true;
      else window.location.reload();
      return true;
    case 'reload':
      window.location.reload();
      return true;
    case 'navigate':
      if (!isSafeUrl(payload.url)) throw new Error('navigate needs an http(s) URL.');
      if (payload.type === 'new-tab') window.open(payload.url, '_blank', 'noopener');
      else window.location.assign(payload.url);
      return true;
    case 'changeWindowTitle':
      if (typeof request.payload === 'string') document.title = request.payload.slice(0, 200);
      return true;
    case 'getModalContext':
      return modal?.context ?? {};
    case 'getActionContext':
      return automation.context(frame);
    case 'getHistoryLocation':
      return modal ? null : historyLocationFor(frame);
    case 'historyCommit':
      return !modal && commitHistory(frame, request.payload);
    case 'historyGo':
      return !modal && goInHistory(request.payload);
    case 'openModal': {
      const resourceKey = typeof payload.resource === 'string' ? payload.resource : frame.dataset.resourceKey;
      if (!resourceKey) return false;
      modals.open({
        resourceKey,
        moduleKey: frame.dataset.moduleKey ?? '',
        issueKey: frame.dataset.issueKey,
        title: typeof payload.title === 'string' ? payload.title : '',
        size: (payload.size as ModalSize | undefined) ?? 'medium',
        context: payload.context ?? {},
        closeOnEscape: payload.closeOnEscape !== false,
        closeOnOverlayClick: payload.closeOnOverlayClick !== false,
        opener: source,
        onCloseMarker: payload.onClose,
      });
      return true;
    }
    case 'showFlag':
      flags.show(source, payload as unknown as FlagPayload);
      return true;
    case 'closeFlag':
      flags.close(String(payload.id));
      return true;
  }
};

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.origin !== window.location.origin || !event.source) return;
  const source = event.source as Window;
  const frame = frameElementOf(source);
  if (!frame) return;
  const message = event.data as FrameMessage | null;
  if (!message || message.source !== FRAME_SOURCE) return;
  if (message.kind === 'callback-done') {
    callbackReplies.get(message.replyId)?.();
    callbackReplies.delete(message.replyId);
    return;
  }
  handleRequest(source, frame, message).then(
    (value) => postToFrame(source, { source: PAGE_SOURCE, kind: 'result', id: message.id, value }),
    (error: unknown) =>
      postToFrame(source, {
        source: PAGE_SOURCE,
        kind: 'result',
        id: message.id,
        error: error instanceof Error ? error.message : 'The page could not do that.',
      }),
  );
});

onPageHistory(appFrames, (frame, location) => postToFrame(frame, { source: PAGE_SOURCE, kind: 'history', location }));

// --- The page's own controls -------------------------------------------------------------------------------

setUpMenus(document);

document.addEventListener('click', (event) => {
  const target = (event.target as Element | null)?.closest<HTMLElement>('[data-action]');
  if (!target) return;
  if (target.dataset.action === 'toggle-color-mode') {
    const next: ColorMode = colorMode === 'dark' ? 'light' : 'dark';
    window.localStorage.setItem(COLOR_MODE_KEY, next);
    applyColorMode(next);
  } else if (target.dataset.action === 'open-issue-action') {
    modals.open({
      resourceKey: target.dataset.resourceKey ?? '',
      moduleKey: target.dataset.moduleKey ?? '',
      issueKey: target.dataset.issueKey,
      title: target.dataset.title ?? '',
      size: (target.dataset.size as ModalSize | undefined) ?? 'medium',
      context: {},
      closeOnEscape: true,
      closeOnOverlayClick: false,
      opener: null,
      onCloseMarker: undefined,
      returnFocusTo: document.querySelector<HTMLElement>('[data-menu-button="issue-apps"]') ?? target,
    });
  }
});

applyColorMode(colorMode);
// Server-rendered frames get their URL here, so the app starts in the page's colour mode.
for (const frame of appFrames()) {
  if (frame.dataset.src) frame.src = modals.withColorMode(frame.dataset.src);
}

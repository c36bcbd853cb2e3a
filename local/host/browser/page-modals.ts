import { type ColorMode, FRAME_PARAMS } from './protocol';

export type ModalSize =
  'small' | 'medium' | 'large' | 'xlarge' | 'max' | 'fullscreen' | 'resizable' | { width: string; height?: string };

export interface ModalOptions {
  resourceKey: string;
  moduleKey: string;
  issueKey: string | undefined;
  /** The dialog's accessible name (the module's title). */
  title: string;
  size: ModalSize;
  /** `extension.modal` of the frame's context, for modals an app opened. */
  context: unknown;
  closeOnEscape: boolean;
  closeOnOverlayClick: boolean;
  /** The frame that called openModal, whose `onClose` gets what the modal submitted. */
  opener: Window | null;
  onCloseMarker: unknown;
  returnFocusTo?: HTMLElement | null;
}

export interface OpenModal extends ModalOptions {
  frame: HTMLIFrameElement;
  blanket: HTMLElement;
  /** A callback the frame registered with view.onClose, run before the modal goes. */
  beforeCloseMarker?: unknown;
  closing?: boolean;
}

interface ModalHooks {
  colorMode: () => ColorMode;
  onClosed: (modal: OpenModal, submitted: unknown) => void;
  runBeforeClose: (frame: Window, marker: unknown) => Promise<void>;
}

const NAMED_SIZES = new Set(['small', 'medium', 'large', 'xlarge', 'max', 'fullscreen', 'resizable']);

/** Jira's modal dialogs around app frames: a blanket, the dialog, focus kept inside, Escape to close. */
export const createModals = (hooks: ModalHooks) => {
  const open: OpenModal[] = [];
  const app = document.getElementById('jl-app');

  const withColorMode = (src: string): string => {
    const url = new URL(src, window.location.href);
    url.searchParams.set(FRAME_PARAMS.colorMode, hooks.colorMode());
    return `${url.pathname}${url.search}${url.hash}`;
  };

  const resourceUrl = (options: ModalOptions, isAppModal: boolean): string => {
    const url = new URL(`/forge/resources/${encodeURIComponent(options.resourceKey)}/index.html`, window.location.href);
    url.searchParams.set(FRAME_PARAMS.moduleKey, options.moduleKey);
    if (options.issueKey) url.searchParams.set(FRAME_PARAMS.issueKey, options.issueKey);
    if (isAppModal) url.searchParams.set(FRAME_PARAMS.modal, '1');
    return withColorMode(`${url.pathname}${url.search}`);
  };

  const updateInert = () => {
    app?.toggleAttribute('inert', open.length > 0);
    open.forEach((modal, index) => modal.blanket.toggleAttribute('inert', index < open.length - 1));
  };

  const close = async (modal: OpenModal, submitted: unknown): Promise<void> => {
    if (modal.closing || !open.includes(modal)) return;
    modal.closing = true;
    if (modal.beforeCloseMarker && modal.frame.contentWindow) {
      await hooks.runBeforeClose(modal.frame.contentWindow, modal.beforeCloseMarker);
    }
    open.splice(open.indexOf(modal), 1);
    modal.blanket.remove();
    updateInert();
    modal.returnFocusTo?.focus();
    hooks.onClosed(modal, submitted);
  };

  const openModal = (options: ModalOptions): OpenModal => {
    const blanket = document.createElement('div');
    blanket.className = 'jl-blanket';

    const dialog = document.createElement('section');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-label', options.title || 'App');
    dialog.tabIndex = -1;
    const size = options.size;
    if (typeof size === 'string' && NAMED_SIZES.has(size)) {
      dialog.className = `jl-modal jl-modal--${size}`;
    } else {
      dialog.className = 'jl-modal jl-modal--custom';
      if (typeof size === 'object') {
        dialog.style.width = size.width;
        if (size.height) dialog.style.height = size.height;
      }
    }

    const frame = document.createElement('iframe');
    frame.className = 'jl-modal__frame';
    frame.title = options.title || 'App';
    frame.dataset.forgeFrame = '';
    frame.dataset.resourceKey = options.resourceKey;
    frame.dataset.moduleKey = options.moduleKey;
    if (options.issueKey) frame.dataset.issueKey = options.issueKey;
    frame.src = resourceUrl(options, options.opener !== null);
    frame.addEventListener('load', () => frame.focus(), { once: true });

    dialog.append(frame);
    blanket.append(dialog);

    const modal: OpenModal = {
      ...options,
      returnFocusTo: options.returnFocusTo ?? (document.activeElement as HTMLElement | null),
      frame,
      blanket,
    };
    blanket.addEventListener('click', (event) => {
      if (event.target === blanket && modal.closeOnOverlayClick) void close(modal, undefined);
    });

    document.body.append(blanket);
    open.push(modal);
    updateInert();
    dialog.focus();
    return modal;
  };

  document.addEventListener('keydown', (event) => {
    const top = open[open.length - 1];
    if (event.key === 'Escape' && top?.closeOnEscape) {
      event.preventDefault();
      void close(top, undefined);
    }
  });

  return {
    open: openModal,
    close,
    byFrame: (frame: HTMLIFrameElement) => open.find((modal) => modal.frame === frame),
    count: () => open.length,
    withColorMode,
  };
};

/**
 * Messages between a Custom UI frame (bridge-shim.ts) and the Jira page around it (host-page.ts).
 * Both sides check `event.origin` and `source`; functions never cross (they are not cloneable), so the frame
 * keeps them and sends `{ __forgeCallback: id }` markers the page calls back through `run-callback`.
 */
export const FRAME_SOURCE = 'forge-local-frame';
export const PAGE_SOURCE = 'forge-local-page';

/** What a frame asks the page to do; the page answers each with a `result` carrying the same `id`. */
export type FrameRequestType =
  | 'close'
  | 'submit'
  | 'open'
  | 'refresh'
  | 'onClose'
  | 'openModal'
  | 'showFlag'
  | 'closeFlag'
  | 'navigate'
  | 'reload'
  | 'changeWindowTitle'
  | 'getModalContext'
  | 'getActionContext'
  | 'getHistoryLocation'
  | 'historyCommit'
  | 'historyGo';

export interface FrameRequest {
  source: typeof FRAME_SOURCE;
  kind: 'request';
  id: string;
  type: FrameRequestType;
  payload: unknown;
}

/** The frame's answer once a callback the page asked it to run has settled. */
export interface FrameCallbackDone {
  source: typeof FRAME_SOURCE;
  kind: 'callback-done';
  replyId: string;
  error?: string;
}

export type FrameMessage = FrameRequest | FrameCallbackDone;

export interface PageResult {
  source: typeof PAGE_SOURCE;
  kind: 'result';
  id: string;
  value?: unknown;
  error?: string;
}

export interface PageRunCallback {
  source: typeof PAGE_SOURCE;
  kind: 'run-callback';
  callbackId: string;
  args: unknown[];
  replyId: string;
}

export interface PageTheme {
  source: typeof PAGE_SOURCE;
  kind: 'theme';
  colorMode: ColorMode;
}

/** A product event for the frame's `events.on` subscribers, e.g. Automation's AUTOMATION_ACTION_SUBMIT. */
export interface PageProductEvent {
  source: typeof PAGE_SOURCE;
  kind: 'event';
  event: string;
  payload?: unknown;
}

/** Where a full page module's app is within the page's URL (below the module's path), and its history state. */
export interface HistoryPageLocation {
  pathname: string;
  search: string;
  hash: string;
  state: unknown;
  key?: string;
}

/** The browser's back/forward moved the page: the frame's `view.createHistory()` history reports a POP. */
export interface PageHistoryPop {
  source: typeof PAGE_SOURCE;
  kind: 'history';
  location: HistoryPageLocation;
}

export type PageMessage = PageResult | PageRunCallback | PageTheme | PageProductEvent | PageHistoryPop;

export type ColorMode = 'light' | 'dark';

export interface CallbackMarker {
  __forgeCallback: string;
}

export const isCallbackMarker = (value: unknown): value is CallbackMarker =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { __forgeCallback?: unknown }).__forgeCallback === 'string';

/** Query parameters the page puts on a resource frame's URL so the frame knows what it is. */
export const FRAME_PARAMS = {
  moduleKey: 'moduleKey',
  issueKey: 'issueKey',
  /** Present on frames the page opened through `openModal`: their context gains `extension.modal`. */
  modal: 'modal',
  colorMode: 'colorMode',
  /** Present on an Automation action's configuration form: its context gains the page's inputs and errors. */
  actionConfig: 'actionConfig',
} as const;

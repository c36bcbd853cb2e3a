import type { AdminFunctions, AdminPart, LoadAdminViewInput, ResolverResult } from '../../../../src/contract';

/** What crosses the bridge is JSON both ways: a copy, without undefined members. */
const asJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

type FunctionKey = keyof AdminFunctions;
type Answer<K extends FunctionKey> = ResolverResult<AdminFunctions[K]['data']>;
type Handler<K extends FunctionKey> = (payload: AdminFunctions[K]['payload']) => Answer<K> | Promise<Answer<K>>;

export interface BridgeCall {
  functionKey: string;
  payload: unknown;
}

/** The read function that answers each part of `loadAdminView` alone, with its payload. */
const PART_READS: Record<AdminPart, BridgeCall> = {
  warnings: { functionKey: 'listWarnings', payload: {} },
  credentials: { functionKey: 'listCredentials', payload: {} },
  templates: { functionKey: 'listTemplates', payload: {} },
  mailSettings: { functionKey: 'getMailSettings', payload: {} },
  projectRoles: { functionKey: 'listProjectRoles', payload: {} },
  projects: { functionKey: 'listProjects', payload: {} },
  rules: { functionKey: 'listNotificationRules', payload: {} },
  statuses: { functionKey: 'listStatuses', payload: {} },
  jiraFields: { functionKey: 'listJiraFields', payload: {} },
  emailLogSettings: { functionKey: 'getEmailLogSettings', payload: {} },
  emailLog: { functionKey: 'listEmailLog', payload: {} },
  mailHandlers: { functionKey: 'listMailHandlers', payload: {} },
  handlerProjects: { functionKey: 'listHandlerProjects', payload: {} },
  incomingLog: { functionKey: 'listIncomingLog', payload: {} },
};

/**
 * The admin resolver as the page sees it through Forge's bridge: each function answers what the test says, and
 * every call is recorded with a copy of its payload. A function the test did not answer fails the way an unknown
 * function key does. `loadAdminView` answers each part with the test's answer for the function that reads it alone,
 * as the resolver reads each part with that function's service call.
 */
export class FakeAdminBackend {
  /** What crossed the bridge. */
  readonly calls: BridgeCall[] = [];
  /** Each function asked, alone or for a part of `loadAdminView` (after that call itself). */
  readonly reads: BridgeCall[] = [];
  /** What `router.navigate` and `router.open` asked the product for, in order. */
  readonly navigations: unknown[] = [];
  /** Set to refuse the next navigations, as the product does when the admin declines to open an external site. */
  refuseNavigation = false;
  private readonly handlers = new Map<string, (payload: never) => unknown>();

  on<K extends FunctionKey>(functionKey: K, handler: Handler<K>): void {
    this.handlers.set(functionKey, handler);
  }

  /** The payloads a function was asked with: called alone, or for its part of `loadAdminView`. */
  payloadsOf<K extends FunctionKey>(functionKey: K): Array<AdminFunctions[K]['payload']> {
    return this.reads
      .filter((call) => call.functionKey === functionKey)
      .map((call) => call.payload as AdminFunctions[K]['payload']);
  }

  reset(): void {
    this.calls.length = 0;
    this.reads.length = 0;
    this.navigations.length = 0;
    this.refuseNavigation = false;
    this.handlers.clear();
  }

  async invoke(functionKey: string, payload: unknown): Promise<unknown> {
    const sent = asJson(payload);
    this.calls.push({ functionKey, payload: sent });
    if (functionKey === 'loadAdminView' && !this.handlers.has(functionKey)) {
      this.reads.push({ functionKey, payload: sent });
      const { parts } = sent as LoadAdminViewInput;
      const answers = await Promise.all(parts.map((part) => this.read(PART_READS[part])));
      return { ok: true, data: Object.fromEntries(parts.map((part, index) => [part, answers[index]])) };
    }
    return this.read({ functionKey, payload: sent });
  }

  async navigate(location: unknown): Promise<void> {
    this.navigations.push(asJson(location));
    if (this.refuseNavigation) throw new Error('The user declined to open the link.');
  }

  private async read({ functionKey, payload }: BridgeCall): Promise<unknown> {
    this.reads.push({ functionKey, payload });
    const handler = this.handlers.get(functionKey);
    if (!handler) throw new Error(`No resolver function ${functionKey} in this test.`);
    return asJson(await handler(asJson(payload) as never));
  }
}

export const backend = new FakeAdminBackend();

// @forge/bridge reads the frame's bridge when it loads, so this module is imported before any UI module.
(globalThis as { __bridge?: unknown }).__bridge = {
  callBridge: async (command: string, data: { functionKey: string; payload: unknown }) => {
    if (command === 'navigate') return backend.navigate(data);
    if (command !== 'invoke') throw new Error(`Unexpected bridge command ${command}.`);
    return backend.invoke(data.functionKey, data.payload);
  },
};

/** A promise the test settles when it chooses, to see what the page shows while a call runs. */
export const deferred = <T>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
};

import type { AutomationActionOptions, ResolverResult } from '../../../../src/contract';

/** What crosses the bridge is JSON both ways: a copy, without undefined members. */
const asJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

type Callback = (payload?: unknown) => unknown;

/**
 * Jira Automation around the action's form, as the form sees it through Forge's bridge: the context it opens
 * with, what it submits, its `events.on` subscriptions, and `automation-config`'s `getActionOptions`.
 */
export class FakeAutomation {
  context: unknown = { extension: { type: 'action', data: { inputs: {} }, errors: { invalidInputs: {} } } };
  contextFails = false;
  options: () => ResolverResult<AutomationActionOptions> | Promise<ResolverResult<AutomationActionOptions>> = () => ({
    ok: true,
    data: { templates: [], mailboxes: [] },
  });
  /** Each `view.submit` payload, in order. */
  readonly submits: unknown[] = [];
  readonly invokes: Array<{ functionKey: string; payload: unknown }> = [];
  readonly subscriptions: Array<{ event: string; callback: Callback; active: boolean }> = [];

  reset(): void {
    this.context = { extension: { type: 'action', data: { inputs: {} }, errors: { invalidInputs: {} } } };
    this.contextFails = false;
    this.options = () => ({ ok: true, data: { templates: [], mailboxes: [] } });
    this.submits.length = 0;
    this.invokes.length = 0;
    this.subscriptions.length = 0;
  }

  /** Automation's own event, e.g. its "Next" button's AUTOMATION_ACTION_SUBMIT. */
  emit(event: string, payload?: unknown): void {
    for (const subscription of this.subscriptions) {
      if (subscription.active && subscription.event === event) void subscription.callback(asJson(payload));
    }
  }

  async call(command: string, data: unknown): Promise<unknown> {
    switch (command) {
      case 'getContext':
        if (this.contextFails) throw new Error('The product did not answer.');
        return asJson(this.context);
      case 'submit':
        this.submits.push(asJson(data));
        return true;
      case 'on': {
        const { event, callback } = data as { event: string; callback: Callback };
        const subscription = { event, callback, active: true };
        this.subscriptions.push(subscription);
        return { unsubscribe: () => (subscription.active = false) };
      }
      case 'invoke': {
        const { functionKey, payload } = data as { functionKey: string; payload: unknown };
        this.invokes.push({ functionKey, payload: asJson(payload) });
        if (functionKey !== 'getActionOptions') throw new Error(`No resolver function ${functionKey} in this test.`);
        return asJson(await this.options());
      }
      default:
        throw new Error(`Unexpected bridge command ${command}.`);
    }
  }
}

export const automation = new FakeAutomation();

// @forge/bridge reads the frame's bridge when it loads, so this module is imported before any UI module.
(globalThis as { __bridge?: unknown }).__bridge = {
  callBridge: (command: string, data: unknown) => automation.call(command, data),
};

/** A promise the test settles when it chooses, to see what the form shows while a call runs. */
export const deferred = <T>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
};

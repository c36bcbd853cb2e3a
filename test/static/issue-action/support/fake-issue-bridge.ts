/** What crosses the bridge is JSON both ways: a copy, without undefined members. */
const asJson = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

type Answer = (payload: unknown) => unknown;

/** The issue view around the "Email this issue" dialog, as the dialog sees it through Forge's bridge. */
export class FakeIssueView {
  /** Answers per resolver function; a function without one fails the test. */
  answers = new Map<string, Answer>();
  readonly invokes: Array<{ functionKey: string; payload: unknown }> = [];
  readonly flags: unknown[] = [];

  reset(): void {
    this.answers.clear();
    this.invokes.length = 0;
    this.flags.length = 0;
  }

  async call(command: string, data: unknown): Promise<unknown> {
    switch (command) {
      case 'invoke': {
        const { functionKey, payload } = data as { functionKey: string; payload: unknown };
        this.invokes.push({ functionKey, payload: asJson(payload) });
        const answer = this.answers.get(functionKey);
        if (answer === undefined) throw new Error(`No resolver function ${functionKey} in this test.`);
        return asJson(await answer(asJson(payload)));
      }
      case 'showFlag':
        this.flags.push(asJson(data));
        return { close: () => undefined };
      case 'getContext':
        return { theme: { colorMode: 'light' } };
      default:
        return undefined;
    }
  }
}

export const issueView = new FakeIssueView();

// @forge/bridge reads the frame's bridge when it loads, so this module is imported before any UI module.
(globalThis as { __bridge?: unknown }).__bridge = {
  callBridge: (command: string, data: unknown) => issueView.call(command, data),
};

/** What the frame's `view.getContext()` answers in these tests; a test sets it before loading date settings. */
export const frameContext: { value: unknown } = { value: {} };

// @forge/bridge reads the frame's bridge when it loads, so this module is imported before any UI module.
(globalThis as { __bridge?: unknown }).__bridge = {
  callBridge: async (command: string) => {
    if (command === 'getContext') return frameContext.value;
    throw new Error(`Unexpected bridge command ${command}.`);
  },
};

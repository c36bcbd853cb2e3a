/** The seams every service takes instead of reaching for globals, so unit tests can pass fakes. */

/** WHATWG fetch as Node 20 and the Forge runtime provide it. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Milliseconds since the epoch. */
export type Clock = () => number;

export type Sleep = (ms: number) => Promise<void>;

export const systemClock: Clock = () => Date.now();

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Looks the global up on each call, so a host that installs its own fetch after import is honoured. */
export const globalFetch: FetchLike = (url, init) => globalThis.fetch(url, init);

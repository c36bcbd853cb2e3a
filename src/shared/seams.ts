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

/**
 * A random UUID from the Web Crypto global (Node 19+, the Forge runtime's nodejs22.x), for ids that must not be
 * guessable (emails, queue tickets). The first call loads Node's crypto internals (4 to 6 ms), so a path that runs
 * on every invocation and needs no secret id should not call it: Graph's client-request-id uses correlation-id.ts,
 * storage keys hash with sha256-hex.ts.
 */
export const newUuid = (): string => globalThis.crypto.randomUUID();

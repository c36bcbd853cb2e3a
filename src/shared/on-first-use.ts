/**
 * A loader that runs `load` on its first call and answers the same promise afterwards (for the container's later
 * invocations); a load that failed is tried again on the next call. For dynamic `import()`s that @forge/bundler's
 * webpack makes chunks of their own: what only some paths need is loaded where it is first used, not at start.
 */
export const onFirstUse = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
};

/**
 * A value built on its first use and kept: for zod schemas of rare paths (an upload session, the search for an
 * earlier attempt, Graph's error bodies), so that a function does not build them each time it starts.
 */
export const builtOnFirstUse = <T>(build: () => T): (() => T) => {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
};

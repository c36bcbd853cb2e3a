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

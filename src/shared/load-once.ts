/**
 * A value made asynchronously on first use and kept for the container's later invocations, e.g. a section of a
 * resolver behind a dynamic import(): a cold start pays only for what its call uses. A load that failed is not kept,
 * so the next call tries again.
 */
export const loadOnce = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
};

/**
 * A value built on its first use and kept: for zod schemas of rare paths (an upload session, the search for an
 * earlier attempt, Graph's error bodies), so that a function does not build them each time it starts.
 */
export const builtOnFirstUse = <T>(build: () => T): (() => T) => {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
};

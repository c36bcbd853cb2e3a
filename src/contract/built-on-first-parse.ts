import * as z from 'zod/mini';

/**
 * A payload schema built the first time it parses, then kept (zod's lazy schema caches what `build` returns): a
 * module defining several big schemas costs a function's cold start nothing for those its call never parses. The
 * dialog's draft, for one, loads this module for its types and the preview's schema but parses no send payload.
 * Parsing, messages and issue paths are the inner schema's own.
 */
export const builtOnFirstParse = <T extends z.ZodMiniType>(build: () => T): z.ZodMiniLazy<T> => z.lazy(build);
